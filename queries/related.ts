import type { ManagedTransaction } from 'neo4j-driver';
import type { RelatedTopic } from '../common/contract.js';
import type { Database } from './database.js';
import { cypherInt, toNumber } from './values.js';

type Row = Record<string, unknown>;

/** Weights of the related-topic score; each reason is reported as well, so the score can be explained. */
const weights = { adamicAdar: 1, sharedNote: 0.5, sameCommunity: 0.25 };

/**
 * Topics related to a concept that are not its direct neighbours: concepts two hops away, scored by
 * Adamic-Adar over the concept graph (common neighbours, each weighted 1/log(degree)), notes they share, and a
 * shared community. Null when the concept does not exist.
 */
export async function readRelated(db: Database, id: string, limit: number): Promise<RelatedTopic[] | null> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (c:Concept {id: $id})
       CALL (c) {
         MATCH (c)--(z:Concept) WHERE z <> c
         WITH DISTINCT z
         WITH z, COUNT { MATCH (z)--(y:Concept) RETURN DISTINCT y } AS degree
         MATCH (z)--(x:Concept)
         WHERE x <> c AND NOT EXISTS { (c)--(x) }
         WITH DISTINCT z, degree, x
         RETURN x, sum(1.0 / log(degree + 1.0)) AS adamicAdar
       }
       WITH c, x, adamicAdar,
            COUNT { MATCH (c)<-[:MENTIONS]-(:Note)-[:MENTIONS]->(x) } AS sharedNotes,
            (c.community IS NOT NULL AND c.community = x.community) AS sameCommunity
       WITH x, adamicAdar, sharedNotes, sameCommunity,
            adamicAdar * $w.adamicAdar + sharedNotes * $w.sharedNote + CASE WHEN sameCommunity THEN $w.sameCommunity ELSE 0 END AS score
       ORDER BY score DESC, x.rank DESC, x.id LIMIT $limit
       RETURN x {.id, .name, .kind, .rank, .community} AS concept, score, adamicAdar, sharedNotes, sameCommunity`,
      { id, limit: cypherInt(limit), w: weights },
    );
    if (result.records.length === 0 && !(await exists(tx, id))) return null;
    return result.records.map((record) =>
      toRelatedTopic({
        concept: record.get('concept'),
        score: record.get('score'),
        adamicAdar: record.get('adamicAdar'),
        sharedNotes: record.get('sharedNotes'),
        sameCommunity: record.get('sameCommunity'),
      }),
    );
  });
}

async function exists(tx: ManagedTransaction, id: string): Promise<boolean> {
  const result = await tx.run('MATCH (c:Concept {id: $id}) RETURN true AS found', { id });
  return result.records.length > 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function toRelatedTopic(row: Row): RelatedTopic {
  const concept = row.concept as Row;
  const sharedNotes = toNumber(row.sharedNotes);
  const adamicAdar = round(Number(row.adamicAdar ?? 0));
  const sameCommunity = row.sameCommunity === true;
  return {
    concept: {
      id: String(concept.id),
      name: String(concept.name ?? concept.id),
      kind: String(concept.kind ?? 'concept'),
      rank: Number(concept.rank ?? 0),
      community: toNumber(concept.community),
    },
    score: round(Number(row.score ?? 0)),
    reasons: { sharedNotes, adamicAdar, sameCommunity },
    explanation: explainRelated(sharedNotes, adamicAdar, sameCommunity),
  };
}

export function explainRelated(sharedNotes: number, adamicAdar: number, sameCommunity: boolean): string {
  const parts = [`common neighbours (Adamic-Adar ${adamicAdar.toFixed(2)})`];
  if (sharedNotes > 0) parts.push(`${sharedNotes} shared note${sharedNotes === 1 ? '' : 's'}`);
  if (sameCommunity) parts.push('same community');
  return parts.join(', ');
}
