/**
 * Pure curation logic of the explorer: what a text selection in a note means (the selected term, the sentence
 * around it as evidence), the commands built from what the user picked, and the quiet messages for live events.
 * No DOM here, so unit tests drive it with plain values.
 */
import type { ConceptRelation } from '../../../common/contract.js';
import type { AddConceptCommand, AddRelationCommand, LiveEvent, RelationCommand } from '../../../common/curation-contract.js';
import type { ConceptKind, TypedRelationType } from '../../../common/graph-model.js';
import { isTypedRelationType } from '../../../common/graph-model.js';

/** Text selected inside one note card: offsets into that note's text. */
export interface NoteSelection {
  noteId: string;
  start: number;
  end: number;
  text: string;
}

const maxName = 200;
const maxEvidence = 1000;
// Sentence ends in both scripts; a line break ends a sentence in notes (lists, commands, headings).
const sentenceEnd = /[。！？!?；;\n]|\.(?=\s|$)/g;

/** The sentence around [start, end) of `text`, trimmed and at most 1000 characters (centred on the selection). */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(sentenceEnd)) {
    const at = match.index;
    if (at < start) from = at + 1;
    else if (at >= end - 1 && at >= start) {
      to = match[0] === '\n' ? at : at + 1;
      break;
    }
  }
  const sentence = text.slice(from, to).trim();
  if (sentence.length <= maxEvidence) return sentence;
  const middle = Math.max(0, Math.floor((start + end) / 2) - from - maxEvidence / 2);
  return sentence.slice(middle, middle + maxEvidence).trim();
}

/** The term a selection names: one line, trimmed, not too long; null when it cannot be a concept name. */
export function selectedTerm(selection: NoteSelection | null): string | null {
  const term = selection?.text.replace(/\s+/g, ' ').trim() ?? '';
  if (term.length < 2 || term.length > maxName || /[\r\n]/.test(selection?.text.trim() ?? '')) return null;
  return term;
}

export function addConceptCommand(selection: NoteSelection, kind: ConceptKind, name?: string): AddConceptCommand | null {
  const term = selectedTerm(selection);
  if (term === null || !selection.text.includes(term)) return null;
  const wanted = name?.trim();
  return { noteId: selection.noteId, text: term, kind, ...(wanted && wanted !== term ? { name: wanted } : {}) };
}

export function addRelationCommand(selection: NoteSelection, noteText: string, relation: { source: string; type: TypedRelationType; target: string }): AddRelationCommand | null {
  const evidence = sentenceAround(noteText, selection.start, selection.end);
  if (evidence === '' || relation.source === relation.target) return null;
  return { ...relation, noteId: selection.noteId, evidence };
}

/** The command that removes a typed relation the panel lists for `conceptId`. */
export function removeRelationCommand(conceptId: string, relation: ConceptRelation): RelationCommand | null {
  if (!isTypedRelationType(relation.type)) return null;
  const [source, target] = relation.direction === 'out' ? [conceptId, relation.other.id] : [relation.other.id, conceptId];
  return { source, type: relation.type, target };
}

/** Concepts the current one can be merged into: the others selected in the graph, in the order picked. */
export function mergeTargets(currentId: string, selected: readonly { id: string; name: string }[]): { id: string; name: string }[] {
  const seen = new Set([currentId]);
  return selected.filter((concept) => !seen.has(concept.id) && seen.add(concept.id));
}

/** The quiet line for a live event, or null when the event needs no words. */
export function liveMessage(event: LiveEvent): string | null {
  switch (event.type) {
    case 'notes':
      return event.files.length <= 3 ? `updated: ${event.files.join(', ')}` : `updated: ${event.files.slice(0, 2).join(', ')} and ${event.files.length - 2} more`;
    case 'refresh-failed':
      return event.message;
    default:
      return null;
  }
}
