import type { Diagnostic, Relation } from '../types.js';
import { relationKey, relationsFileName, type AddedRelation, type RelationDecisions } from './decisions.js';

/**
 * Applies notegraph-relations.yaml to the typed relations extraction found: `remove` entries drop the relation
 * with the same (source, type, target); `add` entries state a relation with its evidence sentence. Both run after
 * the concept decisions, so ids are resolved through merges first (a decision naming a merged-away concept
 * follows it). An entry that matches nothing is kept in the file and reported.
 */
export interface RelationContext {
  /** Ids of the concepts in the graph after the concept decisions. */
  concepts: ReadonlySet<string>;
  /** Where merged-away ids went. */
  mergedInto: ReadonlyMap<string, string>;
  /** Notes by id: an added relation's evidence points at the note it was taken from. */
  notes: ReadonlyMap<string, { text: string }>;
}

export interface AppliedRelationDecisions {
  relations: Relation[];
  diagnostics: Diagnostic[];
}

const resolve = (context: RelationContext, id: string) => context.mergedInto.get(id) ?? id;

/** The note an owner's relation cites: the one named, or else the first whose text holds the evidence. */
function evidenceNote(added: AddedRelation, context: RelationContext): string | undefined {
  if (added.note && context.notes.has(added.note)) return added.note;
  for (const [id, note] of context.notes) if (note.text.includes(added.evidence)) return id;
  return undefined;
}

export function applyRelationDecisions(relations: readonly Relation[], decisions: RelationDecisions, context: RelationContext): AppliedRelationDecisions {
  const diagnostics: Diagnostic[] = [];
  const report = (message: string) => diagnostics.push({ file: relationsFileName, stage: 'relations', message: `decision ${message}` });
  const byKey = new Map(relations.map((relation) => [relationKey(relation), relation]));
  for (const removed of decisions.remove) {
    const key = relationKey({ ...removed, source: resolve(context, removed.source), target: resolve(context, removed.target) });
    if (!byKey.delete(key)) report(`remove ${removed.source} ${removed.type} ${removed.target}: no such relation was extracted; kept`);
  }
  for (const added of decisions.add) {
    const source = resolve(context, added.source);
    const target = resolve(context, added.target);
    const label = `add ${added.source} ${added.type} ${added.target}`;
    const missing = [source, target].filter((id) => !context.concepts.has(id));
    if (missing.length > 0 || source === target) {
      report(`${label}: ${source === target ? 'both ends are one concept' : `no concept ${missing.join(', ')}`}; kept, not applied`);
      continue;
    }
    const key = relationKey({ source, type: added.type, target });
    if (byKey.has(key)) continue;
    const noteId = evidenceNote(added, context);
    if (noteId === undefined) report(`${label}: no note holds its evidence any more; applied without a note`);
    byKey.set(key, { source, target, type: added.type, weight: 1, evidence: added.evidence, noteId: noteId ?? '' });
  }
  return { relations: [...byKey.values()], diagnostics };
}
