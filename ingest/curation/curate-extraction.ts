import type { ConceptInfo } from '../extract-concepts.js';
import type { ConceptHit } from '../lexicon-matcher.js';
import type { Diagnostic, Mention, Note, Relation } from '../types.js';
import { applyConceptDecisions, type AppliedConceptDecisions, type ConceptState } from './apply-concept-decisions.js';
import { applyRelationDecisions } from './apply-relation-decisions.js';
import { noCurationDecisions, relationKey, type CurationDecisions } from './decisions.js';

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

/**
 * Mentions made outside the hits (a concept page's notes are about its concept) follow the concept decisions
 * too: a merged-away page concept's mentions go to the concept it joined, a hidden one's go; none is repeated.
 */
export function curatePageMentions(
  added: readonly Mention[],
  curated: { mentions: readonly Mention[]; info: ReadonlyMap<string, ConceptInfo>; mergedInto: ReadonlyMap<string, string> },
): Mention[] {
  const key = (mention: Mention) => `${mention.noteId}\u0000${mention.conceptId}`;
  const present = new Set(curated.mentions.map(key));
  const kept: Mention[] = [];
  for (const mention of added) {
    const moved = { ...mention, conceptId: curated.mergedInto.get(mention.conceptId) ?? mention.conceptId };
    if (!curated.info.has(moved.conceptId) || present.has(key(moved))) continue;
    present.add(key(moved));
    kept.push(moved);
  }
  return kept;
}

/** Relations whose ends were merged away point at the concept they joined; one per (source, type, target), weights summed. */
export function followMerges(relations: readonly Relation[], mergedInto: ReadonlyMap<string, string>): Relation[] {
  if (mergedInto.size === 0) return [...relations];
  const byKey = new Map<string, Relation>();
  for (const relation of relations) {
    const moved = { ...relation, source: mergedInto.get(relation.source) ?? relation.source, target: mergedInto.get(relation.target) ?? relation.target };
    if (moved.source === moved.target) continue;
    const existing = byKey.get(relationKey(moved));
    if (existing) existing.weight += moved.weight;
    else byKey.set(relationKey(moved), moved);
  }
  return [...byKey.values()];
}
