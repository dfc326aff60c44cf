import type { NoteDetailResponse } from '../common/contract.js';
import type { Database } from './database.js';
import { noteProjection, toNoteSummary, toSpans } from './concept-rows.js';

type Row = Record<string, unknown>;

/** One note, its neighbours in the same source file (by line) and the concepts it mentions. Null when missing. */
export async function readNoteDetail(db: Database, id: string): Promise<NoteDetailResponse | null> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (n:Note {id: $id})
       OPTIONAL MATCH (n)-[:IN]->(s:Source)
       CALL (n, s) {
         OPTIONAL MATCH (p:Note)-[:IN]->(s) WHERE p.lineStart < n.lineStart
         WITH p ORDER BY p.lineStart DESC LIMIT 1
         RETURN p {.id, .title} AS previous
       }
       CALL (n, s) {
         OPTIONAL MATCH (q:Note)-[:IN]->(s) WHERE q.lineStart > n.lineStart
         WITH q ORDER BY q.lineStart ASC LIMIT 1
         RETURN q {.id, .title} AS next
       }
       CALL (n) {
         OPTIONAL MATCH (n)-[m:MENTIONS]->(c:Concept)
         WITH m, c ORDER BY m.spans[0], c.name
         RETURN collect(CASE WHEN c IS NULL THEN NULL ELSE {id: c.id, name: c.name, kind: c.kind, spans: m.spans} END) AS concepts
       }
       RETURN ${noteProjection('n')} AS note, s {.id, .path} AS source, previous, next, concepts`,
      { id },
    );
    const record = result.records[0];
    if (!record) return null;
    return {
      note: toNoteSummary(record.get('note'), record.get('source')),
      previous: toNoteLink(record.get('previous')),
      next: toNoteLink(record.get('next')),
      concepts: (record.get('concepts') as Row[]).map((row) => ({
        id: String(row.id),
        name: String(row.name ?? row.id),
        kind: String(row.kind ?? 'concept'),
        spans: toSpans(row.spans),
      })),
    };
  });
}

function toNoteLink(row: Row | null): { id: string; title: string } | null {
  return row && typeof row.id === 'string' ? { id: row.id, title: String(row.title ?? '') } : null;
}
