import type { SourceRef } from '../common/contract.js';
import type { Database } from './database.js';
import { conceptProjection, toConceptSummary } from './concept-rows.js';
import { buildLuceneQuery } from './lucene-query.js';
import { cypherInt, toNumber } from './values.js';
import type { ConceptSummary } from '../common/contract.js';

export interface SearchOptions {
  limit: number;
  kind?: string;
}

export interface ConceptMatch {
  concept: ConceptSummary;
  /** Lucene score; 0 for concepts found only by the name/alias prefix scan. */
  textScore: number;
}

export interface NoteMatch {
  id: string;
  title: string;
  text: string;
  source: SourceRef;
  lineStart: number;
  score: number;
}

/**
 * Concepts whose name or alias matches the input: full-text (Chinese and English) plus a case-insensitive
 * prefix scan over names and aliases, so autocomplete finds "neu" → "Neutron" before a word is complete.
 */
export async function searchConcepts(db: Database, input: string, options: SearchOptions): Promise<ConceptMatch[]> {
  const lucene = buildLuceneQuery(input, { prefix: true });
  const prefix = input.trim().toLowerCase();
  if (!lucene) return [];
  return db.read(async (tx) => {
    const result = await tx.run(
      `CALL () {
         CALL db.index.fulltext.queryNodes('concept_fulltext', $lucene, {limit: $fetch}) YIELD node, score
         RETURN node AS c, score
         UNION ALL
         MATCH (c:Concept)
         WHERE toLower(c.name) STARTS WITH $prefix OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) STARTS WITH $prefix)
         RETURN c, 0.0 AS score
       }
       WITH c, max(score) AS score
       WHERE $kind IS NULL OR c.kind = $kind
       RETURN ${conceptProjection('c')} AS concept, score
       ORDER BY score DESC, c.rank DESC LIMIT $fetch`,
      { lucene, prefix, kind: options.kind ?? null, fetch: cypherInt(Math.max(options.limit * 3, 30)) },
    );
    return result.records.map((record) => ({ concept: toConceptSummary(record.get('concept')), textScore: Number(record.get('score')) }));
  });
}

/** Notes whose title or text matches every term of the input, best first. */
export async function searchNotes(db: Database, input: string, options: { limit: number }): Promise<NoteMatch[]> {
  const lucene = buildLuceneQuery(input, { prefix: true });
  if (!lucene) return [];
  return db.read(async (tx) => {
    const result = await tx.run(
      `CALL db.index.fulltext.queryNodes('note_fulltext', $lucene, {limit: $limit}) YIELD node, score
       OPTIONAL MATCH (node)-[:IN]->(s:Source)
       RETURN node {.id, .title, .text, .lineStart} AS note, s {.id, .path} AS source, score`,
      { lucene, limit: cypherInt(options.limit) },
    );
    return result.records.map((record) => {
      const note = record.get('note') as Record<string, unknown>;
      const source = record.get('source') as Record<string, unknown> | null;
      return {
        id: String(note.id),
        title: String(note.title ?? ''),
        text: String(note.text ?? ''),
        source: { id: String(source?.id ?? ''), path: String(source?.path ?? '') },
        lineStart: toNumber(note.lineStart),
        score: Number(record.get('score')),
      };
    });
  });
}
