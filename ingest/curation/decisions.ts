import { z } from 'zod';
import { conceptKinds, typedRelationTypes, type ConceptKind, type TypedRelationType } from '../../common/graph-model.js';

/**
 * Curation decisions as data (docs/notes-folder-files.md): the `decisions` section and `stopwords` of
 * `notegraph-lexicon.yaml`, and `notegraph-relations.yaml`. The schemas validate what a person may have written
 * by hand; `Decision` is the unit the explorer's commands add and remove, so every change has an exact inverse.
 */
export const lexiconFileName = 'notegraph-lexicon.yaml';
export const relationsFileName = 'notegraph-relations.yaml';

const maxText = 300;
const maxEvidence = 1000;

/** A YAML scalar written by hand: `123` or `true` are text here, never `null` or a list. */
const text = (max: number) =>
  z
    .union([z.string(), z.number(), z.boolean()])
    .transform(String)
    .pipe(z.string().trim().min(1).max(max));

export const conceptIdSchema = text(maxText);
export const conceptNameSchema = text(maxText);
export const conceptKindSchema = z.enum(conceptKinds);
export const relationTypeSchema = z.enum(typedRelationTypes);

export const splitDecisionSchema = z
  .object({ from: conceptIdSchema, alias: conceptNameSchema, name: conceptNameSchema, kind: conceptKindSchema })
  .strict();

/** `decisions:` in notegraph-lexicon.yaml, keyed by concept id. */
export const conceptDecisionsSchema = z
  .object({
    rename: z.record(z.string(), conceptNameSchema).default({}),
    kind: z.record(z.string(), conceptKindSchema).default({}),
    merge: z.record(z.string(), conceptIdSchema).default({}),
    split: z.array(splitDecisionSchema).default([]),
  })
  .strict();

const relationKeyShape = { source: conceptIdSchema, type: relationTypeSchema, target: conceptIdSchema };
export const removedRelationSchema = z.object(relationKeyShape).strict();
export const addedRelationSchema = z
  .object({ ...relationKeyShape, evidence: text(maxEvidence), note: conceptIdSchema.optional() })
  .strict();

/** notegraph-relations.yaml. */
export const relationDecisionsSchema = z
  .object({
    remove: z.array(removedRelationSchema).default([]),
    add: z.array(addedRelationSchema).default([]),
  })
  .strict();

export type SplitDecision = z.infer<typeof splitDecisionSchema>;
export type ConceptDecisions = z.infer<typeof conceptDecisionsSchema>;
export type RemovedRelation = z.infer<typeof removedRelationSchema>;
export type AddedRelation = z.infer<typeof addedRelationSchema>;
export type RelationDecisions = z.infer<typeof relationDecisionsSchema>;

/** Everything an ingest applies after extraction: the owner's stopwords and concept and relation decisions. */
export interface CurationDecisions {
  stopwords: string[];
  concepts: ConceptDecisions;
  relations: RelationDecisions;
}

export const noCurationDecisions: CurationDecisions = {
  stopwords: [],
  concepts: { rename: {}, kind: {}, merge: {}, split: [] },
  relations: { remove: [], add: [] },
};

/** One decision, as the explorer adds or removes it: a single entry in one of the two files. */
export type Decision =
  | { decision: 'rename'; id: string; name: string }
  | { decision: 'kind'; id: string; kind: ConceptKind }
  | { decision: 'merge'; from: string; into: string }
  | ({ decision: 'split' } & SplitDecision)
  | { decision: 'stopword'; word: string }
  | { decision: 'concept'; name: string; kind: ConceptKind; aliases: string[] }
  | ({ decision: 'remove-relation' } & RemovedRelation)
  | ({ decision: 'add-relation' } & AddedRelation);

/** What one edit did to the files: entries added and entries it displaced or deleted. Inverting swaps them. */
export interface DecisionChange {
  added: Decision[];
  removed: Decision[];
}

export function invertChange(change: DecisionChange): DecisionChange {
  return { added: [...change.removed].reverse(), removed: [...change.added].reverse() };
}

/** Case-stable text order for files people read: case-insensitive first, then exact; no locale involved. */
export function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

interface RelationKeyFields {
  source: string;
  type: string;
  target: string;
}

export function compareRelationKeys(a: RelationKeyFields, b: RelationKeyFields): number {
  return compareText(a.source, b.source) || compareText(a.type, b.type) || compareText(a.target, b.target);
}

export const relationKey = (relation: RelationKeyFields): string => `${relation.source}\u0000${relation.type}\u0000${relation.target}`;
