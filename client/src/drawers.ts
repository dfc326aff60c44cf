/** The filters drawer, the path tool and the legend: small DOM builders that report through callbacks. */
import { button, el, replaceContent } from './dom.js';
import type { Filters } from './view-model/filters.js';
import { communityColor, kindShape } from './view-model/palette.js';

export function renderFilters(
  root: HTMLElement,
  options: { kinds: string[]; communities: { community: number; count: number; example: string }[]; filters: Filters },
  onChange: (filters: Filters) => void,
): void {
  const { filters } = options;
  const toggle = <T>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((item) => item !== value));
  const checkbox = (label: string, checked: boolean, change: (on: boolean) => void, swatch?: string): HTMLElement => {
    const input = el('input', { type: 'checkbox', checked });
    input.addEventListener('change', () => change(input.checked));
    return el('label', {}, input, swatch ? el('span', { class: 'swatch', style: `background:${swatch}` }) : null, label);
  };
  const number = el('input', { type: 'number', min: '0', step: '0.5', value: String(filters.minWeight), 'aria-label': 'Minimum co-occurrence weight', id: 'filter-min-weight' });
  number.addEventListener('change', () => onChange({ ...filters, minWeight: Math.max(0, Number(number.value) || 0) }));
  const date = (value: string | null, label: string, key: 'dateFrom' | 'dateTo'): HTMLElement => {
    const input = el('input', { type: 'date', value: value ?? '', 'aria-label': label });
    input.addEventListener('change', () => onChange({ ...filters, [key]: input.value || null }));
    return el('label', {}, label, input);
  };
  replaceContent(
    root,
    el('fieldset', {}, el('legend', {}, 'Kinds (none ticked = all)'),
      ...options.kinds.map((kind) => checkbox(kind, filters.kinds.includes(kind), (on) => onChange({ ...filters, kinds: toggle(filters.kinds, kind, on) })))),
    el('fieldset', {}, el('legend', {}, 'Communities'),
      ...options.communities.slice(0, 12).map(({ community, count, example }) =>
        checkbox(`${example} (${count})`, filters.communities.includes(community), (on) => onChange({ ...filters, communities: toggle(filters.communities, community, on) }), communityColor(community)))),
    el('fieldset', {}, el('legend', {}, 'Edges'), el('label', {}, 'min weight', number)),
    el('fieldset', {}, el('legend', {}, 'Note dates (panel)'), date(filters.dateFrom, 'from', 'dateFrom'), date(filters.dateTo, 'to', 'dateTo')),
    button('Reset filters', () => onChange({ kinds: [], communities: [], minWeight: 0, dateFrom: null, dateTo: null })),
  );
}

export interface PathToolElements {
  from: HTMLInputElement;
  to: HTMLInputElement;
  maxLength: HTMLSelectElement;
  result: HTMLElement;
}

export function renderPathTool(root: HTMLElement, find: () => void, clear: () => void): PathToolElements {
  const from = el('input', { type: 'text', id: 'path-from', placeholder: 'from concept (name or id)', 'aria-label': 'Path start concept' });
  const to = el('input', { type: 'text', id: 'path-to', placeholder: 'to concept (name or id)', 'aria-label': 'Path end concept' });
  const maxLength = el('select', { 'aria-label': 'Longest path to look for', id: 'path-max' }, ...[2, 3, 4, 5, 6, 8].map((n) => el('option', { value: String(n), selected: n === 4 }, `≤ ${n} hops`)));
  const result = el('span', { class: 'meta', role: 'status', id: 'path-result' });
  for (const input of [from, to]) input.addEventListener('keydown', (event) => event.key === 'Enter' && find());
  replaceContent(root, el('label', {}, 'From', from), el('label', {}, 'To', to), maxLength, button('Find path', find, { id: 'path-find' }), button('Clear', clear), result);
  return { from, to, maxLength, result };
}

export function renderLegend(root: HTMLElement, communities: { community: number; example: string }[], kinds: string[]): void {
  replaceContent(
    root,
    el('h2', {}, 'Communities'),
    el('ul', {}, ...communities.slice(0, 8).map(({ community, example }) => el('li', {}, el('span', { class: 'swatch', style: `background:${communityColor(community)}` }), example))),
    el('h2', {}, 'Shapes'),
    el('ul', {}, ...kinds.map((kind) => el('li', {}, `${kindShape(kind)}: ${kind}`))),
    el('h2', {}, 'Edges'),
    el('div', {}, 'dashed arrow = typed relation; grey line = co-occurrence, wider = more often together'),
  );
}
