import type { Lexicon } from './lexicon.js';
import type { ConceptHit } from './lexicon-matcher.js';
import type { Concept, ConceptKind, Mention, Note } from './types.js';

export interface ConceptInfo {
  id: string;
  name: string;
  kind: ConceptKind;
  aliases: string[];
}

/** Mentions of one note: hits grouped by concept, spans flattened as [start, end, …]. */
export function mentionsOf(noteId: string, hits: ConceptHit[]): Mention[] {
  const byConcept = new Map<string, number[]>();
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const spans = byConcept.get(hit.conceptId) ?? [];
    spans.push(hit.start, hit.end);
    byConcept.set(hit.conceptId, spans);
  }
  return [...byConcept].map(([conceptId, spans]) => ({ noteId, conceptId, count: spans.length / 2, spans }));
}

export function lexiconConceptInfo(lexicon: Lexicon): Map<string, ConceptInfo> {
  const info = new Map<string, ConceptInfo>();
  for (const entry of lexicon.entries) {
    const aliases = [...new Set([...entry.aliases, ...entry.exact, ...entry.contextAliases])].filter((alias) => alias !== entry.name);
    info.set(entry.id, { id: entry.id, name: entry.name, kind: entry.kind, aliases });
  }
  return info;
}

/** Concepts that have at least one mention, with their total mention count; rank and community come later. */
export function buildConcepts(info: Map<string, ConceptInfo>, mentions: Mention[]): Concept[] {
  const totals = new Map<string, number>();
  for (const mention of mentions) totals.set(mention.conceptId, (totals.get(mention.conceptId) ?? 0) + mention.count);
  const concepts: Concept[] = [];
  for (const [id, count] of totals) {
    const known = info.get(id);
    if (!known) continue;
    concepts.push({ ...known, mentions: count, rank: 0, community: -1 });
  }
  return concepts.sort((a, b) => a.id.localeCompare(b.id));
}

/** Every mention's note must exist: used to check the graph before it is written. */
export function notesById(notes: Note[]): Map<string, Note> {
  return new Map(notes.map((note) => [note.id, note]));
}
