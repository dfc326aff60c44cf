/**
 * Filter state and what it keeps. Filters hide elements of the current view (reversibly, positions kept);
 * the date range applies to notes in the side panel, since concepts themselves carry no date.
 */
export interface Filters {
  /** Kinds to show; empty means all. */
  kinds: string[];
  /** Communities to show; empty means all. */
  communities: number[];
  /** Co-occurrence edges lighter than this are hidden (typed relations always stay). */
  minWeight: number;
  /** ISO dates (YYYY-MM-DD), inclusive; null means open. */
  dateFrom: string | null;
  dateTo: string | null;
}

export const noFilters: Filters = { kinds: [], communities: [], minWeight: 0, dateFrom: null, dateTo: null };

export function isFiltering(filters: Filters): boolean {
  return filters.kinds.length > 0 || filters.communities.length > 0 || filters.minWeight > 0 || filters.dateFrom !== null || filters.dateTo !== null;
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

/** Notes without a date are kept only while no date range is set. */
export function keepsNoteDate(filters: Filters, date: string | null): boolean {
  if (filters.dateFrom === null && filters.dateTo === null) return true;
  if (!date) return false;
  const day = date.slice(0, 10);
  if (filters.dateFrom !== null && day < filters.dateFrom) return false;
  if (filters.dateTo !== null && day > filters.dateTo) return false;
  return true;
}

/** Communities present in the view, largest first, for the filter's choices and the legend. */
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
