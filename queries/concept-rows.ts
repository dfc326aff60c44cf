import type { ConceptSummary, EdgeData, NodeData, NotePlace, NoteSummary, Span } from '../common/contract.js';
import { toNumber } from './values.js';

/**
 * Shared Cypher projections and their mappers, so every query returns concepts, notes and edges in one shape.
 * Projections return maps; the mappers turn the driver's maps into contract objects.
 */
export const conceptProjection = (variable: string): string =>
  `${variable} {.id, .name, .kind, .aliases, .rank, .community, .mentions}`;

export const noteProjection = (variable: string): string =>
  `${variable} {.id, .title, .text, .lineStart, .lineEnd, .date, .dateSource, .url, .lang}`;

/**
 * Every place a note occurs, one map per IN edge (lines on the edge). A pattern comprehension, not a MATCH:
 * a note in three places must stay one row, or pages and counts would count places instead of notes.
 */
export const placesProjection = (variable: string): string =>
  `[(${variable})-[place:IN]->(source:Source) | {id: source.id, path: source.path, lineStart: place.lineStart, lineEnd: place.lineEnd}]`;

/** Concept fields as result columns: much cheaper than a map per row when many rows come back. */
export const conceptColumns = (variable: string): string =>
  ['id', 'name', 'kind', 'aliases', 'rank', 'community', 'mentions'].map((key) => `${variable}.${key} AS ${key}`).join(', ');

/** Edge fields as result columns. */
export const edgeColumns = (variable: string, from: string, to: string): string =>
  `elementId(${variable}) AS id, ${from}.id AS source, ${to}.id AS target, type(${variable}) AS type, ${variable}.weight AS weight, ${variable}.evidence AS evidence, ${variable}.noteId AS noteId`;

export const edgeProjection = (variable: string, from: string, to: string): string =>
  `{id: elementId(${variable}), source: ${from}.id, target: ${to}.id, type: type(${variable}), weight: ${variable}.weight, evidence: ${variable}.evidence, noteId: ${variable}.noteId}`;

type Row = Record<string, unknown>;

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const float = (value: unknown): number => (value === null || value === undefined ? 0 : Number(toNumber(value)));

export function toConceptSummary(row: Row): ConceptSummary {
  return {
    id: text(row.id),
    name: text(row.name, text(row.id)),
    kind: text(row.kind, 'concept'),
    aliases: Array.isArray(row.aliases) ? row.aliases.filter((alias): alias is string => typeof alias === 'string') : [],
    mentions: toNumber(row.mentions),
    rank: float(row.rank),
    community: toNumber(row.community),
  };
}

export function toConceptNode(row: Row): { data: NodeData } {
  const concept = toConceptSummary(row);
  return {
    data: { id: concept.id, label: concept.name, kind: concept.kind, rank: concept.rank, community: concept.community, mentions: concept.mentions },
  };
}

export function toEdge(row: Row): { data: EdgeData } {
  const data: EdgeData = { id: text(row.id), source: text(row.source), target: text(row.target), type: text(row.type), weight: row.weight == null ? 1 : float(row.weight) };
  const evidence = textOrNull(row.evidence);
  const noteId = textOrNull(row.noteId);
  if (evidence) data.evidence = evidence;
  if (noteId) data.noteId = noteId;
  return { data };
}

/** The ingest stores spans flat ([s0, e0, s1, e1, …]) because Neo4j properties cannot hold nested lists. */
export function toSpans(flat: unknown): Span[] {
  if (!Array.isArray(flat)) return [];
  const spans: Span[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) {
    spans.push({ start: toNumber(flat[index]), end: toNumber(flat[index + 1]) });
  }
  return spans;
}

/**
 * Places from placesProjection, by path then line. An IN edge without lines (written by hand, or by an ingest
 * older than per-place lines) takes the note's own lines.
 */
export function toPlaces(rows: unknown, note: Row): NotePlace[] {
  const list = Array.isArray(rows) ? (rows as Row[]) : [];
  return list
    .map((row) => ({
      source: { id: text(row.id), path: text(row.path) },
      lineStart: row.lineStart == null ? toNumber(note.lineStart) : toNumber(row.lineStart),
      lineEnd: row.lineEnd == null ? toNumber(note.lineEnd) : toNumber(row.lineEnd),
    }))
    .sort((a, b) => a.source.path.localeCompare(b.source.path) || a.lineStart - b.lineStart);
}

export function toNoteSummary(note: Row, placeRows: unknown): NoteSummary {
  const places = toPlaces(placeRows, note);
  const first = places[0];
  const date = textOrNull(note.date === null || note.date === undefined ? null : String(note.date));
  return {
    id: text(note.id),
    title: text(note.title),
    text: text(note.text),
    source: first?.source ?? { id: '', path: '' },
    lineStart: first?.lineStart ?? toNumber(note.lineStart),
    lineEnd: first?.lineEnd ?? toNumber(note.lineEnd),
    places,
    date,
    // Graphs ingested before dates had a source only held dates the notes gave.
    dateSource: date === null ? null : note.dateSource === 'file' ? 'file' : 'note',
    url: textOrNull(note.url),
    lang: text(note.lang, 'und'),
  };
}

/**
 * A Cypher condition on note `variable` for a time range in $from, $to (YYYY-MM-DD or null) and $undated
 * (UndatedNotes). Notes without a date of their own are compared by their file date, kept or left out.
 */
export function noteInTimeRange(variable: string): string {
  const day = `substring(${variable}.date, 0, 10)`;
  const inRange = `(${variable}.date IS NOT NULL AND ($from IS NULL OR ${day} >= $from) AND ($to IS NULL OR ${day} <= $to))`;
  const ownDate = `(${variable}.date IS NOT NULL AND coalesce(${variable}.dateSource, 'note') = 'note')`;
  return `(($from IS NULL AND $to IS NULL) OR (CASE WHEN ${ownDate} OR $undated = 'file-date' THEN ${inRange} ELSE $undated = 'include' END))`;
}

export interface TimeRangeParams {
  from: string | null;
  to: string | null;
  undated: string;
}

export function timeRangeParams(range: { from?: string; to?: string; undated?: string } = {}): TimeRangeParams {
  return { from: range.from ?? null, to: range.to ?? null, undated: range.undated ?? 'file-date' };
}

export function hasTimeRange(params: TimeRangeParams): boolean {
  return params.from !== null || params.to !== null;
}
