import type { ConceptDetailResponse, ConceptRelation, NoteTimeRange } from '../common/contract.js';
import type { Database } from './database.js';
import { conceptProjection, noteInTimeRange, noteProjection, placesProjection, timeRangeParams, toConceptSummary, toNoteSummary, toSpans } from './concept-rows.js';
import { cypherInt, toNumber } from './values.js';

export interface Page {
  offset: number;
  limit: number;
}

/** Typed relations shown with a concept; more would not fit a side panel. */
const maxRelations = 200;

type Row = Record<string, unknown>;

/**
 * One concept with a page of the notes that mention it (most mentions first, then newest), each note once with
 * every place it occurs, and its typed relations with their evidence. Paging and the total count distinct
 * notes, optionally only those in a time range. Null when the concept does not exist.
 */
export async function readConceptDetail(db: Database, id: string, page: Page, range: NoteTimeRange = {}): Promise<ConceptDetailResponse | null> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (c:Concept {id: $id})
       CALL (c) { MATCH (n:Note)-[:MENTIONS]->(c) WHERE ${noteInTimeRange('n')} RETURN count(DISTINCT n) AS notesTotal }
       CALL (c) {
         MATCH (n:Note)-[m:MENTIONS]->(c) WHERE ${noteInTimeRange('n')}
         WITH n, m ORDER BY m.count DESC, coalesce(n.date, '') DESC, n.id SKIP $offset LIMIT $limit
         RETURN collect({note: ${noteProjection('n')}, places: ${placesProjection('n')}, spans: m.spans, count: m.count}) AS notes
       }
       CALL (c) {
         MATCH (c)-[r]-(o:Concept) WHERE type(r) <> 'CO_OCCURS' AND o <> c
         WITH r, o ORDER BY type(r), o.name LIMIT $maxRelations
         RETURN collect({type: type(r), out: startNode(r) = c, other: o {.id, .name, .kind}, evidence: r.evidence, noteId: r.noteId}) AS relations
       }
       RETURN ${conceptProjection('c')} AS concept, notesTotal, notes, relations`,
      { id, offset: cypherInt(page.offset), limit: cypherInt(page.limit), maxRelations: cypherInt(maxRelations), ...timeRangeParams(range) },
    );
    const record = result.records[0];
    if (!record) return null;
    return {
      concept: toConceptSummary(record.get('concept')),
      notes: (record.get('notes') as Row[]).map((row) => ({
        note: toNoteSummary(row.note as Row, row.places),
        spans: toSpans(row.spans),
        count: toNumber(row.count),
      })),
      notesTotal: toNumber(record.get('notesTotal')),
      page,
      relations: (record.get('relations') as Row[]).map(toConceptRelation),
    };
  });
}

function toConceptRelation(row: Row): ConceptRelation {
  const other = row.other as Row;
  return {
    type: String(row.type),
    direction: row.out ? 'out' : 'in',
    other: { id: String(other.id), name: String(other.name ?? other.id), kind: String(other.kind ?? 'concept') },
    evidence: typeof row.evidence === 'string' ? row.evidence : null,
    noteId: typeof row.noteId === 'string' ? row.noteId : null,
  };
}

/** True when a concept with this id exists. */
export async function conceptExists(db: Database, id: string): Promise<boolean> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (c:Concept {id: $id}) RETURN count(c) > 0 AS found', { id });
    return result.records[0]?.get('found') === true;
  });
}
