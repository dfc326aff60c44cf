import { noteSignature, type ConceptEdgeRow, type GraphRows, type NoteRow } from '../queries/ingest-write.js';
import type { ExtractedGraph, Mention } from './types.js';

/** Maps the extracted graph to the rows the write queries take; each note gets a signature of what is written. */
export function toGraphRows(graph: ExtractedGraph): GraphRows {
  const mentionsByNote = new Map<string, Mention[]>();
  for (const mention of graph.mentions) {
    const list = mentionsByNote.get(mention.noteId) ?? [];
    list.push(mention);
    mentionsByNote.set(mention.noteId, list);
  }
  const notes: NoteRow[] = graph.notes.map((note) => {
    const mentions = (mentionsByNote.get(note.id) ?? []).map(({ conceptId, count, spans }) => ({ conceptId, count, spans }));
    const row = { ...note, mentions };
    return { ...row, signature: noteSignature(row) };
  });
  const edges: ConceptEdgeRow[] = [
    ...graph.relations.map((relation) => ({
      source: relation.source,
      target: relation.target,
      type: relation.type,
      props: { evidence: relation.evidence, noteId: relation.noteId, weight: relation.weight },
    })),
    ...graph.cooccurrences.map((edge) => ({
      source: edge.source,
      target: edge.target,
      type: 'CO_OCCURS',
      props: { weight: edge.weight, score: edge.score, notes: edge.notes },
    })),
  ];
  return { sources: graph.sources, notes, concepts: graph.concepts, edges };
}
