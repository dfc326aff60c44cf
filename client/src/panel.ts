/**
 * The side panel: a concept with its notes, relations and related topics, or a single note. Everything from
 * the server is inserted as text nodes (highlights as <mark> around text nodes), never as HTML.
 */
import type { ConceptDetailResponse, ConceptNote, ConceptRelation, NoteDetailResponse, NoteSummary, RelatedTopic, Span } from '../../common/contract.js';
import { button, el, replaceContent } from './dom.js';
import { hasTimeRange, type Filters } from './view-model/filters.js';
import { dateLabel, isLongNote, lineRange, segments } from './view-model/highlight.js';

export interface PanelActions {
  selectConcept(id: string): void;
  expand(id: string): void;
  collapse(id: string): void;
  togglePin(id: string): void;
  pathEndpoint(id: string, end: 'from' | 'to'): void;
  openNote(id: string): void;
  loadMoreNotes(): void;
  localGraph(id: string): void;
}

export interface ConceptPanelState {
  detail: ConceptDetailResponse;
  related: RelatedTopic[] | null;
  pinned: boolean;
  expanded: boolean;
  filters: Filters;
  /** A section under the actions (the curation tools), if any. */
  extra?: HTMLElement | null;
}

export function highlightedText(text: string, spans: Span[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of segments(text, spans)) {
    fragment.append(segment.marked ? el('mark', {}, segment.text) : document.createTextNode(segment.text));
  }
  return fragment;
}

/**
 * Where a note occurs: the first place always, the others behind "n more places" (a note deduplicated across
 * exports, or repeated in one file, is one card with every place).
 */
function placesLine(note: NoteSummary): HTMLElement {
  const [first, ...others] = note.places.length ? note.places : [{ source: note.source, lineStart: note.lineStart, lineEnd: note.lineEnd }];
  const line = el('div', { class: 'note-places' }, el('span', { class: 'note-place' }, lineRange(first!.source.path, first!.lineStart, first!.lineEnd)));
  if (others.length === 0) return line;
  const list = el('ul', { class: 'plain note-more-places', hidden: true }, ...others.map((place) => el('li', { class: 'note-place' }, lineRange(place.source.path, place.lineStart, place.lineEnd))));
  const toggle = button(`+${others.length} more place${others.length === 1 ? '' : 's'}`, () => {
    list.hidden = !list.hidden;
    toggle.setAttribute('aria-expanded', String(!list.hidden));
  }, { class: 'link places-toggle', 'aria-expanded': 'false' });
  line.append(' ', toggle, list);
  return line;
}

function noteCard(note: ConceptNote['note'], spans: Span[], actions: PanelActions): HTMLElement {
  const body = el('pre', { class: 'note-text' });
  body.append(highlightedText(note.text, spans));
  const date = dateLabel(note.date, note.dateSource);
  const card = el(
    'article',
    { class: 'note', 'data-note-id': note.id, 'data-places': String(note.places.length) },
    el('div', { class: 'note-head' }, placesLine(note), date ? el('span', { class: 'note-date', title: note.dateSource === 'file' ? 'The note gives no date: this is when its file was last modified' : 'Date given by the note' }, date) : null),
    el('div', { class: 'note-title' }, note.title),
    body,
  );
  const tools = el('div', { class: 'actions' });
  if (isLongNote(note.text)) {
    body.classList.add('collapsed');
    const toggle = button('Show all', () => {
      const collapsed = body.classList.toggle('collapsed');
      toggle.textContent = collapsed ? 'Show all' : 'Show less';
      toggle.setAttribute('aria-expanded', String(!collapsed));
    }, { 'aria-expanded': 'false', class: 'link' });
    tools.append(toggle);
  }
  tools.append(button('Open note', () => actions.openNote(note.id), { class: 'link' }));
  if (note.url) tools.append(el('a', { href: note.url, target: '_blank', rel: 'noopener noreferrer' }, 'source link'));
  card.append(tools);
  return card;
}

function conceptLink(concept: { id: string; name: string }, actions: PanelActions): HTMLButtonElement {
  return button(concept.name, () => actions.selectConcept(concept.id), { class: 'link', 'data-concept-id': concept.id });
}

function relationItem(relation: ConceptRelation, actions: PanelActions): HTMLElement {
  const arrow = relation.direction === 'out' ? `→ ${relation.type} →` : `← ${relation.type} ←`;
  return el(
    'li',
    { class: 'relation' },
    el('span', { class: 'chip' }, arrow),
    ' ',
    conceptLink(relation.other, actions),
    relation.evidence ? el('span', { class: 'evidence' }, `“${relation.evidence}”`) : null,
  );
}

function relatedItem(topic: RelatedTopic, actions: PanelActions): HTMLElement {
  return el('li', { class: 'relation' }, conceptLink(topic.concept, actions), ' ', el('span', { class: 'evidence' }, topic.explanation));
}

export function renderConceptPanel(panel: HTMLElement, state: ConceptPanelState, actions: PanelActions): void {
  const { concept, notes, notesTotal, relations } = state.detail;
  const range = hasTimeRange(state.filters) ? `${state.filters.dateFrom ?? '…'} – ${state.filters.dateTo ?? '…'}` : null;
  replaceContent(panel,
    el('h2', { id: 'panel-title' }, concept.name),
    el('div', { class: 'meta' }, `${concept.kind} · ${concept.mentions} mentions · community ${concept.community}`),
    concept.aliases.length ? el('div', { class: 'aliases', 'aria-label': 'Aliases' }, ...concept.aliases.map((alias) => el('span', { class: 'chip' }, alias))) : null,
    el(
      'div',
      { class: 'actions' },
      state.expanded
        ? button('Collapse', () => actions.collapse(concept.id), { 'aria-label': `Collapse ${concept.name}` })
        : button('Expand', () => actions.expand(concept.id), { 'aria-label': `Expand the neighbours of ${concept.name}` }),
      button(state.pinned ? 'Unpin' : 'Pin', () => actions.togglePin(concept.id), { 'aria-pressed': String(state.pinned) }),
      button('Path from here', () => actions.pathEndpoint(concept.id, 'from')),
      button('Path to here', () => actions.pathEndpoint(concept.id, 'to')),
      button('Local graph', () => actions.localGraph(concept.id), { 'aria-label': `Local graph of ${concept.name}` }),
    ),
    state.extra ?? null,
    el('h3', {}, `Relations (${relations.length})`),
    relations.length ? el('ul', { class: 'plain' }, ...relations.map((relation) => relationItem(relation, actions))) : el('p', { class: 'meta' }, 'No typed relations found.'),
    el('h3', {}, 'Related topics'),
    state.related === null
      ? el('p', { class: 'meta' }, 'Loading…')
      : state.related.length
        ? el('ul', { class: 'plain' }, ...state.related.map((topic) => relatedItem(topic, actions)))
        : el('p', { class: 'meta' }, 'No related topics with shared notes or shared relations.'),
    el('h3', { id: 'notes-heading' }, `Notes (${notesTotal})`),
    range ? el('p', { class: 'meta' }, `Only notes dated ${range} (see Filters).`) : null,
    el('div', { class: 'notes' }, ...notes.map((item) => noteCard(item.note, item.spans, actions))),
    notes.length < notesTotal ? button(`Load more notes (${notes.length} of ${notesTotal})`, () => actions.loadMoreNotes(), { id: 'load-more-notes' }) : null,
  );
}

export function renderNotePanel(panel: HTMLElement, detail: NoteDetailResponse, actions: PanelActions, extra: HTMLElement | null = null): void {
  const spans = detail.concepts.flatMap((concept) => concept.spans);
  const body = el('pre', { class: 'note-text' });
  body.append(highlightedText(detail.note.text, spans));
  replaceContent(panel,
    el('h2', { id: 'panel-title' }, detail.note.title),
    el('div', { class: 'meta' }, placesLine(detail.note), detail.note.date ? ` · ${dateLabel(detail.note.date, detail.note.dateSource)}` : ''),
    el(
      'div',
      { class: 'actions' },
      detail.previous ? button(`← ${detail.previous.title}`, () => actions.openNote(detail.previous!.id), { class: 'link' }) : null,
      detail.next ? button(`${detail.next.title} →`, () => actions.openNote(detail.next!.id), { class: 'link' }) : null,
    ),
    el('article', { class: 'note', 'data-note-id': detail.note.id }, body),
    el('h3', {}, `Concepts in this note (${detail.concepts.length})`),
    el('div', { class: 'note-concepts' }, ...detail.concepts.map((concept) => conceptLink(concept, actions)).flatMap((link) => [link, ' '])),
    extra,
  );
}

export function renderPanelMessage(panel: HTMLElement, message: string): void {
  replaceContent(panel,el('p', { class: 'meta' }, message));
}
