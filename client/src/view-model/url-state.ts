/**
 * The URL holds what a link must reopen: the selected concept, the search text, the Cypher query, the path
 * endpoints, the layout and the filters. Parsing never throws: junk in a URL falls back to defaults.
 */
import { noFilters, type Filters } from './filters.js';

export interface ViewState {
  concept: string | null;
  search: string | null;
  cypher: string | null;
  path: [string, string] | null;
  layout: string | null;
  filters: Filters;
}

export const emptyViewState: ViewState = { concept: null, search: null, cypher: null, path: null, layout: null, filters: noFilters };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function list(value: string | null): string[] {
  return value ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
}

function text(value: string | null): string | null {
  return value && value.trim() ? value : null;
}

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const minWeight = Number(params.get('minWeight'));
  const from = params.get('from');
  const to = params.get('to');
  const path = list(params.get('path'));
  return {
    concept: text(params.get('concept')),
    search: text(params.get('q')),
    cypher: text(params.get('cypher')),
    path: path.length === 2 ? [path[0]!, path[1]!] : null,
    layout: text(params.get('layout')),
    filters: {
      kinds: list(params.get('kinds')),
      communities: list(params.get('communities')).map(Number).filter(Number.isFinite),
      minWeight: Number.isFinite(minWeight) && minWeight > 0 ? minWeight : 0,
      dateFrom: from && isoDate.test(from) ? from : null,
      dateTo: to && isoDate.test(to) ? to : null,
    },
  };
}

/** The query string for a state, with defaults left out so links stay short. Starts with '?' or is ''. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.concept) params.set('concept', state.concept);
  if (state.search) params.set('q', state.search);
  if (state.cypher) params.set('cypher', state.cypher);
  if (state.path) params.set('path', state.path.join(','));
  if (state.layout && state.layout !== 'fcose') params.set('layout', state.layout);
  const { filters } = state;
  if (filters.kinds.length) params.set('kinds', filters.kinds.join(','));
  if (filters.communities.length) params.set('communities', filters.communities.join(','));
  if (filters.minWeight > 0) params.set('minWeight', String(filters.minWeight));
  if (filters.dateFrom) params.set('from', filters.dateFrom);
  if (filters.dateTo) params.set('to', filters.dateTo);
  const query = params.toString();
  return query ? `?${query}` : '';
}
