/**
 * The API contract: request and response shapes of every /api route. Type-only — server and client import it
 * with `import type`, so nothing here exists at run time. Graph elements use Cytoscape's element shape.
 */
import type { ErrorCode } from './errors.js';

import type { ConceptEdgeType, ConceptRecord, NoteDateSource } from './graph-model.js';

export type { ConceptKind, NoteDateSource } from './graph-model.js';

/** Relationship type names: the graph model's (typed relations and CO_OCCURS), or any type a Cypher result returns. */
export type RelationType = ConceptEdgeType | (string & {});

export interface NodeData {
  /** The concept id for Concept nodes (also in /cypher results, so they merge with /graph); else Neo4j's elementId. */
  id: string;
  label: string;
  /** Concept kind, or 'note' / 'source' / the first Neo4j label for other nodes from Cypher results. */
  kind: string;
  rank?: number;
  community?: number;
  mentions?: number;
  /** Neo4j labels, for nodes that come from user Cypher. */
  labels?: string[];
  /** Remaining properties, JSON-safe, for nodes that come from user Cypher. */
  properties?: Record<string, unknown>;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  weight?: number;
  evidence?: string;
  noteId?: string;
  properties?: Record<string, unknown>;
}

export interface GraphElements {
  nodes: { data: NodeData }[];
  edges: { data: EdgeData }[];
}

export interface ErrorResponse {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown>; requestId?: string };
}

// GET /api/health
export interface HealthResponse {
  status: 'ok';
  neo4j: { version: string; edition: string; address: string; database?: string };
  counts: { sources: number; notes: number; concepts: number; relations: number };
  /** When the reported figures were read from Neo4j, and how long ago (more than ~0.1 s only while it is busy). */
  checked: { at: string; ageMs: number };
}

/**
 * What to do with notes that have no date of their own (dated by their file's modification time, or not at
 * all) while a time range is set: compare their file date, always keep them, or leave them out.
 */
export type UndatedNotes = 'file-date' | 'include' | 'exclude';

/** A time range over notes: ISO dates (YYYY-MM-DD), inclusive; absent means open. */
export interface NoteTimeRange {
  from?: string;
  to?: string;
  undated?: UndatedNotes;
}

// GET /api/graph?limit&kinds&communities&minWeight&from&to&undated
export interface GraphQuery extends NoteTimeRange {
  limit?: number;
  kinds?: string[];
  communities?: number[];
  minWeight?: number;
}
export interface GraphResponse extends GraphElements {
  /** True when more concepts matched than `limit`. */
  capped: boolean;
  totalConcepts: number;
}

export type ConceptSummary = ConceptRecord;

/** Character offsets into a note's `text`, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface SourceRef {
  id: string;
  path: string;
}

/** One place a note occurs: a source file and the lines there (1-based, inclusive). */
export interface NotePlace {
  source: SourceRef;
  lineStart: number;
  lineEnd: number;
}

export interface NoteSummary {
  id: string;
  title: string;
  text: string;
  /** The first place (by path, then line); `places` lists every place the note occurs. */
  source: SourceRef;
  lineStart: number;
  lineEnd: number;
  places: NotePlace[];
  date: string | null;
  /** 'file': `date` is the file's modification time, the note gives none. */
  dateSource: NoteDateSource | null;
  url: string | null;
  lang: string;
}

export interface ConceptNote {
  note: NoteSummary;
  /** Where the concept is mentioned in `note.text`, for highlighting. */
  spans: Span[];
  count: number;
}

export interface ConceptRelation {
  type: RelationType;
  /** 'out': concept -[type]-> other; 'in': other -[type]-> concept. */
  direction: 'out' | 'in';
  other: { id: string; name: string; kind: string };
  evidence: string | null;
  noteId: string | null;
}

// GET /api/concepts/:id?offset&limit&from&to&undated
export interface ConceptDetailResponse {
  concept: ConceptSummary;
  /** One entry per distinct note (a note occurring in several places lists them in `note.places`). */
  notes: ConceptNote[];
  /** Distinct notes that mention the concept (in the time range, when one is given). */
  notesTotal: number;
  page: { offset: number; limit: number };
  relations: ConceptRelation[];
}

// GET /api/concepts/:id/neighbors?depth&limit&types
export interface NeighborsResponse extends GraphElements {
  center: string;
  capped: boolean;
  /** Neighbours that matched before the cap. */
  total: number;
}

/** A concept both topics have the same typed relation with, e.g. Nova in "Nova uses both". */
export interface SharedNeighbour {
  id: string;
  name: string;
  type: RelationType;
  /** 'out': both -[type]-> the neighbour; 'in': the neighbour -[type]-> both. */
  direction: 'out' | 'in';
}

export interface RelatedTopic {
  concept: Pick<ConceptSummary, 'id' | 'name' | 'kind' | 'rank' | 'community'>;
  /** For ordering only; the evidence is in `reasons` and `explanation`. */
  score: number;
  reasons: { sharedNotes: number; sharedNeighbours: SharedNeighbour[] };
  /** The evidence in words, e.g. "3 shared notes; Nova uses both". */
  explanation: string;
}

// GET /api/concepts/:id/related?limit
export interface RelatedResponse {
  concept: string;
  related: RelatedTopic[];
}

// GET /api/path?from&to&maxLength
export interface PathResponse extends GraphElements {
  found: boolean;
  /** Each path as the list of concept ids along it. */
  paths: string[][];
  length: number | null;
}

export interface ConceptHit {
  id: string;
  name: string;
  kind: string;
  score: number;
  /** The name or alias that matched. */
  matched: string;
  /** How it matched: exact name or alias, prefix, full-text, or within an edit distance of 1–2 (a typo). */
  match: 'exact' | 'prefix' | 'text' | 'fuzzy';
}

export interface NoteHit {
  id: string;
  title: string;
  /** The first place; `places` lists every place the note occurs. */
  source: SourceRef;
  lineStart: number;
  places: NotePlace[];
  snippet: string;
  /** Offsets of the matched terms inside `snippet`. */
  highlights: Span[];
  score: number;
}

// GET /api/search?q&limit&kind
export interface SearchResponse {
  query: string;
  concepts: ConceptHit[];
  notes: NoteHit[];
}

export interface NoteConcept {
  id: string;
  name: string;
  kind: string;
  spans: Span[];
}

// GET /api/notes/:id
export interface NoteDetailResponse {
  note: NoteSummary;
  previous: { id: string; title: string } | null;
  next: { id: string; title: string } | null;
  concepts: NoteConcept[];
}

// GET /api/schema
export interface SchemaResponse {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

// POST /api/cypher
export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
}
export interface CypherResponse {
  columns: string[];
  /** One array per record, values in column order, JSON-safe. */
  rows: unknown[][];
  graph: GraphElements;
  /** True when the result had more than fits: more rows than the row cap, or more bytes than the byte budget. */
  capped: boolean;
  /** Which limit capped it. */
  cappedBy?: 'rows' | 'bytes';
  summary: { queryType: string; timeMs: number; counters: Record<string, number> };
}
