/**
 * Filter state and what it keeps. Kind, community, weight and degree filters hide elements of the current view
 * (reversibly, positions kept); the time range is answered by the server (the graph of concepts and edges with
 * notes in the range), so here it is only state.
 */
import type { UndatedNotes } from '../../../common/contract.js';

export interface Filters {
  /** Kinds to show; empty means all. */
  kinds: string[];
  /** Communities to show; empty means all. */
  communities: number[];
  /** Co-occurrence edges lighter than this are hidden (typed relations always stay). */
  minWeight: number;
  /** Concepts without an edge on screen are hidden unless this is on. */
  showIsolated: boolean;
  /** Concepts with fewer edges on screen are hidden (0 = no minimum beyond isolated). */
  minDegree: number;
  /** ISO dates (YYYY-MM-DD), inclusive; null means open. Applied by the server to the graph and the notes. */
  dateFrom: string | null;
  dateTo: string | null;
  /** With a range: notes without a date of their own are compared by file date, always kept, or left out. */
  undated: UndatedNotes;
  /** Relationship types that expand and the local graph follow; empty means all. */
  relationTypes: string[];
}

export const noFilters: Filters = {
  kinds: [],
  communities: [],
  minWeight: 0,
  showIsolated: false,
  minDegree: 0,
  dateFrom: null,
  dateTo: null,
  undated: 'file-date',
  relationTypes: [],
};

export function hasTimeRange(filters: Filters): boolean {
  return filters.dateFrom !== null || filters.dateTo !== null;
}

/** The time range as API query parameters (none without a range). */
export function timeQuery(filters: Filters): { from?: string; to?: string; undated?: UndatedNotes } {
  if (!hasTimeRange(filters)) return {};
  return { from: filters.dateFrom ?? undefined, to: filters.dateTo ?? undefined, undated: filters.undated };
}

export function keepsNode(filters: Filters, data: { kind?: unknown; community?: unknown }): boolean {
  if (filters.kinds.length > 0 && !filters.kinds.includes(String(data.kind))) return false;
  if (filters.communities.length > 0 && !filters.communities.includes(Number(data.community))) return false;
  return true;
}

export function keepsEdge(filters: Filters, data: { type?: unknown; weight?: unknown }): boolean {
  if (data.type !== 'CO_OCCURS') return true;
  return Number(data.weight ?? 0) >= filters.minWeight;
}

/** The fewest edges on screen a concept needs to be shown. */
export function requiredDegree(filters: Filters): number {
  return Math.max(filters.showIsolated ? 0 : 1, filters.minDegree);
}

/** Communities present, largest first, for the filter's choices, the legend and colours. */
export function communitiesBySize(nodes: { community?: number }[]): { community: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const node of nodes) {
    if (node.community === undefined || node.community === null || !Number.isFinite(node.community)) continue;
    counts.set(node.community, (counts.get(node.community) ?? 0) + 1);
  }
  return [...counts.entries()].map(([community, count]) => ({ community, count })).sort((a, b) => b.count - a.count || a.community - b.community);
}

export function kindsPresent(nodes: { kind?: string }[]): string[] {
  return [...new Set(nodes.map((node) => node.kind ?? 'concept'))].sort();
}
