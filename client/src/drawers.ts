/** The filters drawer and the path tool: small DOM builders that report through callbacks. */
import type { UndatedNotes } from '../../common/contract.js';
import { conceptEdgeTypes } from '../../common/graph-model.js';
import { button, el, replaceContent } from './dom.js';
import type { CommunityEntry } from './view-model/graph-view-model.js';
import { noFilters, type Filters } from './view-model/filters.js';

export interface FilterChoices {
  kinds: string[];
  communities: CommunityEntry[];
  filters: Filters;
}

const toggle = <T>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((item) => item !== value));

function checkbox(label: string, checked: boolean, change: (on: boolean) => void, attributes: Record<string, string> = {}, swatch?: string): HTMLElement {
  const input = el('input', { type: 'checkbox', checked, ...attributes });
  input.addEventListener('change', () => change(input.checked));
  return el('label', {}, input, swatch ? el('span', { class: 'swatch', style: `background:${swatch}` }) : null, label);
}

function structureFields(filters: Filters, onChange: (change: Partial<Filters>) => void): HTMLElement {
  const weight = el('input', { type: 'number', min: '0', step: '0.5', value: String(filters.minWeight), 'aria-label': 'Minimum co-occurrence weight', id: 'filter-min-weight' });
  weight.addEventListener('change', () => onChange({ minWeight: Math.max(0, Number(weight.value) || 0) }));
  const degree = el('input', { type: 'range', min: '0', max: '10', step: '1', value: String(filters.minDegree), 'aria-label': 'Minimum number of edges', id: 'filter-min-degree' });
  const degreeText = el('output', { for: 'filter-min-degree' }, String(filters.minDegree));
  degree.addEventListener('input', () => (degreeText.textContent = degree.value));
  degree.addEventListener('change', () => onChange({ minDegree: Number(degree.value) }));
  return el('fieldset', {}, el('legend', {}, 'Structure'),
    checkbox('show isolated concepts', filters.showIsolated, (on) => onChange({ showIsolated: on }), { id: 'filter-isolated' }),
    el('label', {}, 'min edges', degree, degreeText),
    el('label', {}, 'min co-occurrence weight', weight));
}

function timeFields(filters: Filters, onChange: (change: Partial<Filters>) => void): HTMLElement {
  const date = (value: string | null, label: string, key: 'dateFrom' | 'dateTo'): HTMLElement => {
    const input = el('input', { type: 'date', value: value ?? '', 'aria-label': `Notes ${label}`, id: `filter-${label}` });
    input.addEventListener('change', () => onChange({ [key]: input.value || null }));
    return el('label', {}, label, input);
  };
  const undated = el('select', { 'aria-label': 'Notes without a date of their own', id: 'filter-undated' },
    ...([['file-date', 'by file date'], ['include', 'always'], ['exclude', 'never']] as const).map(([value, text]) =>
      el('option', { value, selected: filters.undated === value }, text)));
  undated.addEventListener('change', () => onChange({ undated: undated.value as UndatedNotes }));
  return el('fieldset', {}, el('legend', {}, 'Time (graph and notes, from the server)'),
    date(filters.dateFrom, 'from', 'dateFrom'), date(filters.dateTo, 'to', 'dateTo'),
    el('label', {}, 'notes without their own date:', undated));
}

/** Each control reports only what it changes, so a control drawn before another change never undoes it. */
export function renderFilters(root: HTMLElement, choices: FilterChoices, onChange: (change: Partial<Filters>) => void): void {
  const { filters } = choices;
  replaceContent(
    root,
    el('fieldset', {}, el('legend', {}, 'Kinds (none ticked = all)'),
      ...choices.kinds.map((kind) => checkbox(kind, filters.kinds.includes(kind), (on) => onChange({ kinds: toggle(filters.kinds, kind, on) })))),
    el('fieldset', { class: 'communities' }, el('legend', {}, 'Communities (none ticked = all)'),
      ...choices.communities.slice(0, 16).map(({ community, count, name, color }) =>
        checkbox(`${name} (${count})`, filters.communities.includes(community), (on) => onChange({ communities: toggle(filters.communities, community, on) }), {}, color))),
    structureFields(filters, onChange),
    timeFields(filters, onChange),
    el('fieldset', {}, el('legend', {}, 'Expand and local graph follow (none ticked = all)'),
      ...conceptEdgeTypes.map((type) => checkbox(type, filters.relationTypes.includes(type), (on) => onChange({ relationTypes: toggle(filters.relationTypes, type, on) }), { 'data-relation-type': type }))),
    button('Reset filters', () => onChange(noFilters)),
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
