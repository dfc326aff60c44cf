/**
 * The data that flows between ingest stages. Every stage is a pure function from one of these shapes to the
 * next; problems in content become Diagnostics, never exceptions.
 */
export const stageNames = [
  'read',
  'decode',
  'split',
  'redact',
  'dedupe',
  'concepts',
  'relations',
  'cooccurrence',
  'analyse',
  'write',
] as const;
export type StageName = (typeof stageNames)[number];

export interface Diagnostic {
  file: string;
  stage: StageName;
  line?: number;
  message: string;
}

export type SourceFormat = 'annotations' | 'notebook' | 'article' | 'markdown';
export type Lang = 'zh' | 'en' | 'mixed';

/** A file as read from disk: path relative to the notes folder, forward slashes. */
export interface RawFile {
  path: string;
  bytes: Buffer;
}

export interface SourceDoc {
  id: string;
  path: string;
  title: string;
  format: SourceFormat;
  sha256: string;
  bytes: number;
  text: string;
}

/** What every note carries, from the splitter on. */
interface NoteFields {
  title: string;
  text: string;
  lineStart: number;
  lineEnd: number;
  date: string | null;
  url: string | null;
  tags: string[];
}

/** A note as a splitter cut it out of its source, before redaction and dedupe. */
export interface NoteDraft extends NoteFields {
  sourcePath: string;
}

export interface Occurrence {
  path: string;
  lineStart: number;
  lineEnd: number;
}

export interface Note extends NoteFields {
  id: string;
  sha256: string;
  lang: Lang;
  /** Every place the (deduplicated) note occurs; the first is where lineStart/lineEnd come from. */
  occurrences: Occurrence[];
}

export { conceptKinds, type ConceptKind } from '../common/concept-kinds.js';
import type { ConceptKind } from '../common/concept-kinds.js';

export interface Concept {
  id: string;
  name: string;
  kind: ConceptKind;
  aliases: string[];
  mentions: number;
  rank: number;
  community: number;
}

export interface Mention {
  noteId: string;
  conceptId: string;
  count: number;
  /** Flat [start0, end0, start1, end1, …] character offsets into the note text, end exclusive. */
  spans: number[];
}

export const relationTypes = [
  'USES',
  'IS_A',
  'PART_OF',
  'BASED_ON',
  'CALLS',
  'ROUTES_TO',
  'MANAGES',
  'STORES_IN',
  'COMMAND_OF',
] as const;
export type RelationType = (typeof relationTypes)[number];

export interface Relation {
  source: string;
  target: string;
  type: RelationType;
  weight: number;
  evidence: string;
  noteId: string;
}

export interface CoOccurrence {
  source: string;
  target: string;
  /** Notes (plus sentence windows) the pair shares. */
  weight: number;
  /** Normalised PMI in [-1, 1]. */
  score: number;
  notes: number;
}

export interface ExtractedGraph {
  sources: Omit<SourceDoc, 'text'>[];
  notes: Note[];
  concepts: Concept[];
  mentions: Mention[];
  relations: Relation[];
  cooccurrences: CoOccurrence[];
  diagnostics: Diagnostic[];
}
