import type { NoteDetailResponse } from '../common/contract.js';
import type { Database } from './database.js';
import { noteProjection, placesProjection, toNoteSummary, toSpans } from './concept-rows.js';

type Row = Record<string, unknown>;

/**
 * One note with every place it occurs, the notes before and after its first place in that file (by line), and
 * the concepts it mentions. Null when missing. Lines live on the IN edges (one per place); the note's own
 * lines are the fallback for edges without them.
 */
export async function readNoteDetail(db: Database, id: string): Promise<NoteDetailResponse | null> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (n:Note {id: $id})
       CALL (n) {
         OPTIONAL MATCH (n)-[i:IN]->(s:Source)
         WITH s, coalesce(i.lineStart, n.lineStart) AS line ORDER BY s.path, line LIMIT 1
         RETURN s, line
       }
       CALL (n, s, line) {
         OPTIONAL MATCH (p:Note)-[pi:IN]->(s) WHERE coalesce(pi.lineStart, p.lineStart) < line AND p <> n
         WITH p ORDER BY coalesce(pi.lineStart, p.lineStart) DESC LIMIT 1
         RETURN p {.id, .title} AS previous
       }
       CALL (n, s, line) {
         OPTIONAL MATCH (q:Note)-[qi:IN]->(s) WHERE coalesce(qi.lineStart, q.lineStart) > line AND q <> n
         WITH q ORDER BY coalesce(qi.lineStart, q.lineStart) ASC LIMIT 1
         RETURN q {.id, .title} AS next
       }
       CALL (n) {
         OPTIONAL MATCH (n)-[m:MENTIONS]->(c:Concept)
         WITH m, c ORDER BY m.spans[0], c.name
         RETURN collect(CASE WHEN c IS NULL THEN NULL ELSE {id: c.id, name: c.name, kind: c.kind, spans: m.spans} END) AS concepts
       }
       RETURN ${noteProjection('n')} AS note, ${placesProjection('n')} AS places, previous, next, concepts`,
      { id },
    );
    const record = result.records[0];
    if (!record) return null;
    return {
      note: toNoteSummary(record.get('note'), record.get('places')),
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
