import type { ConceptInfo } from '../extract-concepts.js';
import type { ConceptHit } from '../lexicon-matcher.js';
import type { Diagnostic, Note, Relation } from '../types.js';
import { applyConceptDecisions, type AppliedConceptDecisions, type ConceptState } from './apply-concept-decisions.js';
import { applyRelationDecisions } from './apply-relation-decisions.js';
import { noCurationDecisions, type CurationDecisions } from './decisions.js';

/**
 * The two points where the extraction pipeline hands its results to the owner's decisions: once the final
 * concept hits exist (before relations and co-occurrence), and once typed relations are extracted (before
 * analysis). Diagnostics about stale decisions are appended to the run's list.
 */
export function curateConcepts(
  state: { hitsByNote: Map<string, ConceptHit[]>; info: Map<string, ConceptInfo> },
  notes: readonly Note[],
  decisions: CurationDecisions = noCurationDecisions,
  diagnostics: Diagnostic[],
): AppliedConceptDecisions {
  const texts = new Map(notes.map((note) => [note.id, note.text]));
  const conceptState: ConceptState = state;
  const applied = applyConceptDecisions(conceptState, (noteId) => texts.get(noteId) ?? '', { concepts: decisions.concepts, stopwords: decisions.stopwords });
  diagnostics.push(...applied.diagnostics);
  return applied;
}

export function curateRelations(
  relations: Relation[],
  context: { concepts: ReadonlySet<string>; mergedInto: ReadonlyMap<string, string>; notes: readonly Note[] },
  decisions: CurationDecisions = noCurationDecisions,
  diagnostics: Diagnostic[],
): Relation[] {
  const { remove, add } = decisions.relations;
  if (remove.length === 0 && add.length === 0) return relations;
  const notes = new Map(context.notes.map((note) => [note.id, note]));
  const applied = applyRelationDecisions(relations, decisions.relations, { concepts: context.concepts, mergedInto: context.mergedInto, notes });
  diagnostics.push(...applied.diagnostics);
  return applied.relations;
}
