import type { ConceptSummary, EdgeData, NodeData, NoteSummary, Span } from '../common/contract.js';
import { toNumber } from './values.js';

/**
 * Shared Cypher projections and their mappers, so every query returns concepts, notes and edges in one shape.
 * Projections return maps; the mappers turn the driver's maps into contract objects.
 */
export const conceptProjection = (variable: string): string =>
  `${variable} {.id, .name, .kind, .aliases, .rank, .community, .mentions}`;

export const noteProjection = (variable: string): string =>
  `${variable} {.id, .title, .text, .lineStart, .lineEnd, .date, .url, .lang}`;

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

export function toNoteSummary(note: Row, source: Row | null | undefined): NoteSummary {
  return {
    id: text(note.id),
    title: text(note.title),
    text: text(note.text),
    source: { id: text(source?.id), path: text(source?.path) },
    lineStart: toNumber(note.lineStart),
    lineEnd: toNumber(note.lineEnd),
    date: textOrNull(note.date === null || note.date === undefined ? null : String(note.date)),
    url: textOrNull(note.url),
    lang: text(note.lang, 'und'),
  };
}
