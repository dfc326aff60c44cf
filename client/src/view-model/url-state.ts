/**
 * The URL holds what a link must reopen: the selected concept, the search text, the Cypher query (and whether
 * its result replaced the view), the path endpoints, the local graph, the layout and the filters. Parsing never
 * throws: junk in a URL falls back to defaults.
 */
import type { UndatedNotes } from '../../../common/contract.js';
import { noFilters, type Filters } from './filters.js';

export interface LocalGraphState {
  center: string;
  depth: 1 | 2 | 3;
}

export interface ViewState {
  concept: string | null;
  search: string | null;
  cypher: string | null;
  /** The Cypher result replaced the view (Back leaves it). */
  cypherView: boolean;
  path: [string, string] | null;
  local: LocalGraphState | null;
  layout: string | null;
  filters: Filters;
}

export const emptyViewState: ViewState = { concept: null, search: null, cypher: null, cypherView: false, path: null, local: null, layout: null, filters: noFilters };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const undatedChoices: UndatedNotes[] = ['file-date', 'include', 'exclude'];

function list(value: string | null): string[] {
  return value ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
}

function text(value: string | null): string | null {
  return value && value.trim() ? value : null;
}

function count(value: string | null, max: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? Math.min(number, max) : 0;
}

function parseLocal(value: string | null): LocalGraphState | null {
  const match = value ? /^(.+):([123])$/u.exec(value) : null;
  return match ? { center: match[1]!, depth: Number(match[2]) as 1 | 2 | 3 } : null;
}

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const minWeight = Number(params.get('minWeight'));
  const from = params.get('from');
  const to = params.get('to');
  const path = list(params.get('path'));
  const undated = params.get('undated') as UndatedNotes | null;
  const cypher = text(params.get('cypher'));
  return {
    concept: text(params.get('concept')),
    search: text(params.get('q')),
    cypher,
    cypherView: cypher !== null && params.get('view') === 'cypher',
    path: path.length === 2 ? [path[0]!, path[1]!] : null,
    local: parseLocal(params.get('local')),
    layout: text(params.get('layout')),
    filters: {
      kinds: list(params.get('kinds')),
      communities: list(params.get('communities')).map(Number).filter(Number.isFinite),
      minWeight: Number.isFinite(minWeight) && minWeight > 0 ? minWeight : 0,
      showIsolated: params.get('isolated') === '1',
      minDegree: count(params.get('minDegree'), 50),
      dateFrom: from && isoDate.test(from) ? from : null,
      dateTo: to && isoDate.test(to) ? to : null,
      undated: undated && undatedChoices.includes(undated) ? undated : 'file-date',
      relationTypes: list(params.get('types')).filter((type) => /^[A-Z_]+$/u.test(type)),
    },
  };
}

/** The query string for a state, with defaults left out so links stay short. Starts with '?' or is ''. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.concept) params.set('concept', state.concept);
  if (state.search) params.set('q', state.search);
  if (state.cypher) params.set('cypher', state.cypher);
  if (state.cypher && state.cypherView) params.set('view', 'cypher');
  if (state.path) params.set('path', state.path.join(','));
  if (state.local) params.set('local', `${state.local.center}:${state.local.depth}`);
  if (state.layout && state.layout !== 'fcose') params.set('layout', state.layout);
  const { filters } = state;
  if (filters.kinds.length) params.set('kinds', filters.kinds.join(','));
  if (filters.communities.length) params.set('communities', filters.communities.join(','));
  if (filters.minWeight > 0) params.set('minWeight', String(filters.minWeight));
  if (filters.showIsolated) params.set('isolated', '1');
  if (filters.minDegree > 0) params.set('minDegree', String(filters.minDegree));
  if (filters.dateFrom) params.set('from', filters.dateFrom);
  if (filters.dateTo) params.set('to', filters.dateTo);
  if (filters.undated !== 'file-date') params.set('undated', filters.undated);
  if (filters.relationTypes.length) params.set('types', filters.relationTypes.join(','));
  const query = params.toString();
  return query ? `?${query}` : '';
}
