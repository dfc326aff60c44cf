/**
 * The curation and live-notes part of the API contract (type-only, like common/contract.ts): what the explorer
 * sends to correct the graph, what it gets back, and the events of GET /api/events.
 */
import type { ConceptSummary } from './contract.js';
import type { ConceptKind, TypedRelationType } from './graph-model.js';

// GET /api/curation
export interface CurationStatus {
  /** True when this server accepts curation commands from the explorer. */
  editable: boolean;
  /** `open`: loopback server; `token`: commands need the edit token; `read-only`: non-loopback without a token. */
  access: 'open' | 'token' | 'read-only';
  /** One sentence the explorer can show (why the graph is read-only, or where decisions are written). */
  message: string;
  /** The latest change that Undo would take back, if any. */
  undo: { changeId: string; summary: string } | null;
  /** True while the notes folder is watched and saved notes are re-ingested. */
  watching: boolean;
  /** True when GET /api/events streams live events (false: a server started without curation and live notes). */
  events: boolean;
}

// POST /api/curation/* bodies
export interface RenameCommand {
  id: string;
  name: string;
}
export interface KindCommand {
  id: string;
  kind: ConceptKind;
}
export interface MergeCommand {
  /** The concept that goes: its names become aliases of `into`, its notes and edges move there. */
  from: string;
  into: string;
}
export interface SplitCommand {
  id: string;
  alias: string;
  /** Name of the new concept; the alias itself when omitted. */
  name?: string;
  /** Kind of the new concept; the original concept's kind when omitted. */
  kind?: ConceptKind;
}
export interface HideCommand {
  id: string;
}
export interface AddConceptCommand {
  /** The note the text was selected in, and the selected text (it must occur there). */
  noteId: string;
  text: string;
  name?: string;
  kind: ConceptKind;
}
export interface RelationCommand {
  source: string;
  type: TypedRelationType;
  target: string;
}
export interface AddRelationCommand extends RelationCommand {
  noteId: string;
  /** The selected sentence (it must occur in the note). */
  evidence: string;
}
export interface UndoCommand {
  changeId: string;
}

/** What one command (or Undo) changed, so the explorer can update without a reload. */
export interface CurationResult {
  /** Id to pass to Undo; null when nothing changed (the decision was already taken). */
  changeId: string | null;
  /** One sentence for the status line, e.g. `Merged RBD driver into RADOS block device`. */
  summary: string;
  /** Entries written to and removed from the decision files, one short line each. */
  decisions: { file: string; added: string[]; removed: string[] };
  /** Concepts as they are now (new or changed), and ids of concepts that are gone. */
  concepts: { updated: ConceptSummary[]; removed: string[] };
  /** The concept to show after the change (the merged-into concept, the new one …), if any. */
  focus: string | null;
}

/** Concept ids a change touched: new or changed ones (after a re-ingest: the new ones), and ones that are gone. */
export interface ConceptChanges {
  updated: string[];
  removed: string[];
}

// GET /api/events (server-sent events; `event:` is the type, `data:` the JSON)
export type LiveEvent =
  /**
   * Note files were saved, added, renamed or deleted, and the graph now reflects them; `concepts` says which
   * concepts the re-ingest brought in and which it no longer finds. `derivedToFollow`: rank, communities and
   * concept edges are still being written; a 'graph' event follows when they are.
   */
  | { type: 'notes'; files: string[]; concepts?: ConceptChanges; derivedToFollow?: boolean }
  /**
   * Rank, communities and co-occurrence were recomputed after curation or after notes changed; `concepts`: after
   * a 'notes' event with derivedToFollow, the concepts it brought in (their edges are written now).
   */
  | { type: 'graph'; reason: 'curation' | 'notes'; concepts?: ConceptChanges }
  /** Someone (maybe another window) changed the graph through curation; `concepts`: the ones it touched. */
  | { type: 'curation'; changeId: string | null; summary: string; concepts?: ConceptChanges }
  /** A re-ingest failed; the graph shows the state before it. */
  | { type: 'refresh-failed'; message: string };
