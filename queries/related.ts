import type { ManagedTransaction } from 'neo4j-driver';
import type { RelatedTopic, SharedNeighbour } from '../common/contract.js';
import { relationTypeTable } from '../common/graph-model.js';
import type { Database } from './database.js';
import { cypherInt, toNumber } from './values.js';

type Row = Record<string, unknown>;

/** Shared typed neighbours named per topic; more would not fit one line. */
const namedNeighbours = 3;

/**
 * Topics related to a concept, each with evidence a user can check: notes that mention both, or concepts both
 * have the same typed relation with ("Nova uses both"). Nothing without evidence. Concepts the concept has a
 * typed relation with are left out (the panel lists those as relations). Ordered by shared notes relative to
 * how many notes each topic has (cosine, so hubs do not win by size alone), then by shared neighbours.
 * Null when the concept does not exist.
 */
export async function readRelated(db: Database, id: string, limit: number): Promise<RelatedTopic[] | null> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (c:Concept {id: $id})
       WITH c, COUNT { (c)<-[:MENTIONS]-(:Note) } AS cNotes
       CALL (c) {
         MATCH (c)<-[:MENTIONS]-(n:Note)-[:MENTIONS]->(x:Concept) WHERE x <> c
         RETURN x, count(DISTINCT n) AS sharedNotes, [] AS neighbours
         UNION ALL
         MATCH (c)-[r1]-(z:Concept)-[r2]-(x:Concept)
         WHERE x <> c AND z <> c AND z <> x AND type(r1) = type(r2) AND type(r1) <> 'CO_OCCURS'
           AND (startNode(r1) = c) = (startNode(r2) = x)
         WITH x, z, type(r1) AS type, startNode(r1) = c AS out
         WITH x, collect(DISTINCT {id: z.id, name: z.name, type: type, out: out}) AS neighbours
         RETURN x, 0 AS sharedNotes, neighbours
       }
       WITH c, cNotes, x, sum(sharedNotes) AS sharedNotes, reduce(all = [], list IN collect(neighbours) | all + list) AS neighbours
       WHERE NOT EXISTS { MATCH (c)-[t]-(x) WHERE type(t) <> 'CO_OCCURS' }
       WITH x, sharedNotes, neighbours, cNotes, COUNT { (x)<-[:MENTIONS]-(:Note) } AS xNotes
       WITH x, sharedNotes, neighbours,
            sharedNotes / sqrt(toFloat(CASE WHEN cNotes * xNotes = 0 THEN 1 ELSE cNotes * xNotes END)) + 0.1 * size(neighbours) AS score
       ORDER BY score DESC, sharedNotes DESC, x.rank DESC, x.id LIMIT $limit
       RETURN x {.id, .name, .kind, .rank, .community} AS concept, score, sharedNotes, neighbours[..$named] AS neighbours`,
      { id, limit: cypherInt(limit), named: cypherInt(namedNeighbours) },
    );
    if (result.records.length === 0 && !(await exists(tx, id))) return null;
    return result.records.map((record) =>
      toRelatedTopic({ concept: record.get('concept'), score: record.get('score'), sharedNotes: record.get('sharedNotes'), neighbours: record.get('neighbours') }),
    );
  });
}

async function exists(tx: ManagedTransaction, id: string): Promise<boolean> {
  const result = await tx.run('MATCH (c:Concept {id: $id}) RETURN true AS found', { id });
  return result.records.length > 0;
}

function toSharedNeighbour(row: Row): SharedNeighbour {
  return { id: String(row.id), name: String(row.name ?? row.id), type: String(row.type), direction: row.out === true ? 'out' : 'in' };
}

export function toRelatedTopic(row: Row): RelatedTopic {
  const concept = row.concept as Row;
  const sharedNotes = toNumber(row.sharedNotes);
  const sharedNeighbours = (Array.isArray(row.neighbours) ? (row.neighbours as Row[]) : []).map(toSharedNeighbour);
  return {
    concept: {
      id: String(concept.id),
      name: String(concept.name ?? concept.id),
      kind: String(concept.kind ?? 'concept'),
      rank: Number(concept.rank ?? 0),
      community: toNumber(concept.community),
    },
    score: Math.round(Number(row.score ?? 0) * 1000) / 1000,
    reasons: { sharedNotes, sharedNeighbours },
    explanation: explainRelated(sharedNotes, sharedNeighbours),
  };
}

const readings = new Map<string, string>(relationTypeTable.map((row) => [row.type, row.reads]));

/**
 * One shared neighbour in words, from the relation table's reading ("uses", "is part of"): "each uses
 * RabbitMQ" when both point at it, "Nova uses both" when it points at both ("is a" drops its article there:
 * "RADOS is both").
 */
export function describeSharedNeighbour(neighbour: SharedNeighbour): string {
  const reads = readings.get(neighbour.type) ?? neighbour.type.toLowerCase().replace(/_/g, ' ');
  if (neighbour.direction === 'out') return `each ${reads} ${neighbour.name}`;
  return `${neighbour.name} ${reads.replace(/ an?$/u, '')} both`;
}

export function explainRelated(sharedNotes: number, neighbours: SharedNeighbour[]): string {
  const parts: string[] = [];
  if (sharedNotes > 0) parts.push(`${sharedNotes} shared note${sharedNotes === 1 ? '' : 's'}`);
  parts.push(...neighbours.map(describeSharedNeighbour));
  return parts.join('; ');
}
