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
  /** The file's modification time (ISO 8601): the date of notes whose format gives none. */
  modifiedAt?: string;
}

/**
 * What a Markdown page says about itself: its title (the file name, or front-matter `title`), front-matter
 * aliases, and the tags that apply to all of its notes. `generic` titles (README, Untitled, a date) name no
 * subject, so the page is not a concept.
 */
export interface PageInfo {
  title: string;
  aliases: string[];
  tags: string[];
  generic: boolean;
}

export interface SourceDoc extends SourceRecord {
  format: SourceFormat;
  text: string;
  /** Set for Markdown files: the page the file is. */
  page?: PageInfo;
}

/** What every note carries, from the splitter on. */
interface NoteFields {
  title: string;
  text: string;
  lineStart: number;
  lineEnd: number;
  date: string | null;
  /** 'file' when `date` is the file's modification time because the note itself gives none. */
  dateSource?: NoteDateSource | null;
  url: string | null;
  tags: string[];
}

/** A note as a splitter cut it out of its source, before redaction and dedupe. */
export interface NoteDraft extends NoteFields {
  sourcePath: string;
}

export type Occurrence = OccurrenceRecord;

export interface Note extends NoteFields, Pick<NoteRecord, 'id' | 'sha256' | 'occurrences'> {
  lang: Lang;
}

export { conceptKinds, type ConceptKind, type TypedRelationType as RelationType } from '../common/graph-model.js';
import type { CoOccurrenceRecord, ConceptRecord, MentionRecord, NoteDateSource, NoteRecord, OccurrenceRecord, RelationRecord, SourceRecord } from '../common/graph-model.js';

export type Concept = ConceptRecord;
export type Mention = MentionRecord;
export type Relation = RelationRecord;
export type CoOccurrence = CoOccurrenceRecord;

export interface ExtractedGraph {
  sources: SourceRecord[];
  notes: Note[];
  concepts: Concept[];
  mentions: Mention[];
  relations: Relation[];
  cooccurrences: CoOccurrence[];
  diagnostics: Diagnostic[];
}
