/**
 * The graph model (DESIGN.md "Graph model"), written once: node labels, concept kinds, relation types and the
 * shapes of what is stored. Ingest, queries/, the API contract and the test fixtures all take them from here.
 * Run-time values are plain constants, so the type-only contract may `import type` from this file and the
 * client may import the tables.
 */

export const nodeLabels = { source: 'Source', note: 'Note', concept: 'Concept', tag: 'Tag' } as const;

/** The kinds a concept can have; ingest validates lexicons against this list, the client draws a shape per kind. */
export const conceptKinds = [
  'project',
  'component',
  'protocol',
  'concept',
  'tool',
  'command',
  'language',
  'organization',
  'format',
] as const;
export type ConceptKind = (typeof conceptKinds)[number];

/**
 * Typed relations between concepts, one row each: `X -[TYPE]-> Y` reads "X <reads> Y". Adding a type is a row
 * here (plus cue words in the language packs that state it). Every typed edge carries {evidence, noteId, weight}.
 */
export const relationTypeTable = [
  { type: 'USES', reads: 'uses' },
  { type: 'IS_A', reads: 'is a' },
  { type: 'PART_OF', reads: 'is part of' },
  { type: 'BASED_ON', reads: 'is based on' },
  { type: 'CALLS', reads: 'calls' },
  { type: 'ROUTES_TO', reads: 'routes to' },
  { type: 'WRAPS', reads: 'wraps' },
  { type: 'MANAGES', reads: 'manages' },
  { type: 'STORES_IN', reads: 'stores its data in' },
  { type: 'SUPPORTS', reads: 'supports' },
  { type: 'DEPENDS_ON', reads: 'depends on' },
  { type: 'IMPLEMENTS', reads: 'implements' },
  { type: 'REPORTS_TO', reads: 'reports to' },
  { type: 'COMPARED_WITH', reads: 'is compared with' },
  { type: 'RUNS_ON', reads: 'runs on' },
  { type: 'COMMAND_OF', reads: 'is a command of' },
  // Drawn by the author: a [[wikilink]] from the page of X to the page of Y.
  { type: 'LINKS_TO', reads: 'links to' },
] as const;
export type TypedRelationType = (typeof relationTypeTable)[number]['type'];
export const typedRelationTypes: readonly TypedRelationType[] = relationTypeTable.map((row) => row.type);

/** The statistical edge: one per concept pair that shares notes, scored by NPMI. */
export const coOccursType = 'CO_OCCURS';
export type ConceptEdgeType = TypedRelationType | typeof coOccursType;
/** Every relationship type ingest may create between concepts (written with a dynamic type, so validated against this). */
export const conceptEdgeTypes: readonly ConceptEdgeType[] = [...typedRelationTypes, coOccursType];

export function isTypedRelationType(value: string): value is TypedRelationType {
  return (typedRelationTypes as readonly string[]).includes(value);
}

/** (:Source) — one file of the notes folder. `id` is the path relative to the folder, forward slashes. */
export interface SourceRecord {
  id: string;
  path: string;
  title: string;
  format: string;
  sha256: string;
  bytes: number;
}

/** One place a (deduplicated) note occurs: an IN edge to its Source with the line range there. */
export interface OccurrenceRecord {
  path: string;
  lineStart: number;
  lineEnd: number;
}

/** Where a note's date comes from: the note itself (a heading, front matter, a timestamp) or its file's modification time. */
export type NoteDateSource = 'note' | 'file';

/** (:Note) — a passage cut out of a source, deduplicated by content. */
export interface NoteRecord {
  id: string;
  title: string;
  text: string;
  /** The first occurrence's lines; `occurrences` lists every place. */
  lineStart: number;
  lineEnd: number;
  date: string | null;
  /** Null when there is no date; absent in graphs ingested before dates had a source ('note' then). */
  dateSource?: NoteDateSource | null;
  url: string | null;
  sha256: string;
  lang: string;
  tags: string[];
  occurrences: OccurrenceRecord[];
}

/** (:Concept) — what the API reads back as a concept summary. */
export interface ConceptRecord {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  mentions: number;
  rank: number;
  community: number;
}

/** (:Note)-[:MENTIONS {count, spans}]->(:Concept); spans are flat [start0, end0, …] offsets into the note text. */
export interface MentionRecord {
  noteId: string;
  conceptId: string;
  count: number;
  spans: number[];
}

/** (:Concept)-[:TYPE {evidence, noteId, weight}]->(:Concept): weight counts the notes that state it. */
export interface RelationRecord {
  source: string;
  target: string;
  type: TypedRelationType;
  weight: number;
  evidence: string;
  noteId: string;
}

/** (:Concept)-[:CO_OCCURS {weight, score, notes}]->(:Concept), one edge per pair. */
export interface CoOccurrenceRecord {
  source: string;
  target: string;
  /** Notes (plus sentence windows) the pair shares. */
  weight: number;
  /** Normalised PMI in [-1, 1]. */
  score: number;
  notes: number;
}
