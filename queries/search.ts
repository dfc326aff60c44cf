import type { NotePlace, SourceRef } from '../common/contract.js';
import type { Database } from './database.js';
import { conceptProjection, placesProjection, toConceptSummary, toPlaces } from './concept-rows.js';
import { buildFuzzyLuceneQuery, buildLuceneQuery } from './lucene-query.js';
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
  /** Found only by the fuzzy (typo-tolerant) query. */
  fuzzy: boolean;
}

export interface NoteMatch {
  id: string;
  title: string;
  text: string;
  source: SourceRef;
  lineStart: number;
  places: NotePlace[];
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
  // A query that matches nothing when the input has no word a typo could be in.
  const fuzzy = buildFuzzyLuceneQuery(input);
  return db.read(async (tx) => {
    const result = await tx.run(
      `CALL () {
         CALL db.index.fulltext.queryNodes('concept_fulltext', $lucene, {limit: $fetch}) YIELD node, score
         RETURN node AS c, score, false AS fuzzy
         UNION ALL
         MATCH (c:Concept)
         WHERE toLower(c.name) STARTS WITH $prefix OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) STARTS WITH $prefix)
         RETURN c, 0.0 AS score, false AS fuzzy
         UNION ALL
         CALL db.index.fulltext.queryNodes('concept_fulltext', coalesce($fuzzy, 'notegraph-no-fuzzy-query'), {limit: $fetch}) YIELD node, score
         WHERE $fuzzy IS NOT NULL
         RETURN node AS c, 0.0 AS score, true AS fuzzy
       }
       WITH c, max(score) AS score, all(found IN collect(fuzzy) WHERE found) AS fuzzy
       WHERE $kind IS NULL OR c.kind = $kind
       RETURN ${conceptProjection('c')} AS concept, score, fuzzy
       ORDER BY fuzzy, score DESC, c.rank DESC LIMIT $fetch`,
      { lucene, prefix, fuzzy, kind: options.kind ?? null, fetch: cypherInt(Math.max(options.limit * 3, 30)) },
    );
    return result.records.map((record) => ({
      concept: toConceptSummary(record.get('concept')),
      textScore: Number(record.get('score')),
      fuzzy: record.get('fuzzy') === true,
    }));
  });
}

/** Notes whose title or text matches every term of the input, best first; each note once, with all its places. */
export async function searchNotes(db: Database, input: string, options: { limit: number }): Promise<NoteMatch[]> {
  const lucene = buildLuceneQuery(input, { prefix: true });
  if (!lucene) return [];
  return db.read(async (tx) => {
    const result = await tx.run(
      `CALL db.index.fulltext.queryNodes('note_fulltext', $lucene, {limit: $limit}) YIELD node, score
       RETURN node {.id, .title, .text, .lineStart, .lineEnd} AS note, ${placesProjection('node')} AS places, score`,
      { lucene, limit: cypherInt(options.limit) },
    );
    return result.records.map((record) => {
      const note = record.get('note') as Record<string, unknown>;
      const places = toPlaces(record.get('places'), note);
      return {
        id: String(note.id),
        title: String(note.title ?? ''),
        text: String(note.text ?? ''),
        source: places[0]?.source ?? { id: '', path: '' },
        lineStart: places[0]?.lineStart ?? toNumber(note.lineStart),
        places,
        score: Number(record.get('score')),
      };
    });
  });
}
