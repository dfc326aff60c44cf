import { z } from 'zod';
import type {
  AddConceptCommand,
  AddRelationCommand,
  HideCommand,
  KindCommand,
  MergeCommand,
  RelationCommand,
  RenameCommand,
  SplitCommand,
  UndoCommand,
} from '../../common/curation-contract.js';
import { conceptKinds, typedRelationTypes } from '../../common/graph-model.js';

/**
 * The request bodies of POST /api/curation/*: one small, strict schema per command (unknown fields are
 * refused). Names and ids are bounded; evidence is one sentence, not a document.
 */
const id = z.string().trim().min(1).max(512).meta({ description: 'Concept id' });
const name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((value) => !/[\r\n]/.test(value), 'must be one line')
  .meta({ description: 'A concept name (one line)' });
const kind = z.enum(conceptKinds).meta({ description: 'Concept kind' });
const relationType = z.enum(typedRelationTypes).meta({ description: 'Typed relation (graph model)' });
const noteId = z.string().trim().min(1).max(512).meta({ description: 'Note id' });

export const renameBody = z.object({ id, name }).strict() satisfies z.ZodType<RenameCommand>;
export const kindBody = z.object({ id, kind }).strict() satisfies z.ZodType<KindCommand>;
export const mergeBody = z.object({ from: id, into: id }).strict() satisfies z.ZodType<MergeCommand>;
export const splitBody = z.object({ id, alias: name, name: name.optional(), kind: kind.optional() }).strict() satisfies z.ZodType<SplitCommand>;
export const hideBody = z.object({ id }).strict() satisfies z.ZodType<HideCommand>;
export const addConceptBody = z
  .object({ noteId, text: name.meta({ description: 'Text selected in the note' }), name: name.optional(), kind })
  .strict() satisfies z.ZodType<AddConceptCommand>;
export const relationBody = z.object({ source: id, type: relationType, target: id }).strict() satisfies z.ZodType<RelationCommand>;
export const addRelationBody = z
  .object({ source: id, type: relationType, target: id, noteId, evidence: z.string().trim().min(1).max(1000).meta({ description: 'The selected sentence' }) })
  .strict() satisfies z.ZodType<AddRelationCommand>;
export const undoBody = z.object({ changeId: z.string().trim().min(1).max(64) }).strict() satisfies z.ZodType<UndoCommand>;

export type CurationCommand =
  | { command: 'rename'; body: RenameCommand }
  | { command: 'kind'; body: KindCommand }
  | { command: 'merge'; body: MergeCommand }
  | { command: 'split'; body: SplitCommand }
  | { command: 'hide'; body: HideCommand }
  | { command: 'concept'; body: AddConceptCommand }
  | { command: 'remove-relation'; body: RelationCommand }
  | { command: 'add-relation'; body: AddRelationCommand };
