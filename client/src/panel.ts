/**
 * The side panel: a concept with its notes, relations and related topics, or a single note. Everything from
 * the server is inserted as text nodes (highlights as <mark> around text nodes), never as HTML.
 */
import type { ConceptDetailResponse, ConceptNote, ConceptRelation, NoteDetailResponse, RelatedTopic, Span } from '../../common/contract.js';
import { button, el, replaceContent } from './dom.js';
import { keepsNoteDate, type Filters } from './view-model/filters.js';
import { isLongNote, lineRange, segments } from './view-model/highlight.js';

export interface PanelActions {
  selectConcept(id: string): void;
  expand(id: string): void;
  collapse(id: string): void;
  togglePin(id: string): void;
  pathEndpoint(id: string, end: 'from' | 'to'): void;
  openNote(id: string): void;
  loadMoreNotes(): void;
}

export interface ConceptPanelState {
  detail: ConceptDetailResponse;
  related: RelatedTopic[] | null;
  pinned: boolean;
  expanded: boolean;
  filters: Filters;
}

export function highlightedText(text: string, spans: Span[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of segments(text, spans)) {
    fragment.append(segment.marked ? el('mark', {}, segment.text) : document.createTextNode(segment.text));
  }
  return fragment;
}

function noteCard(note: ConceptNote['note'], spans: Span[], actions: PanelActions): HTMLElement {
  const body = el('pre', { class: 'note-text' });
  body.append(highlightedText(note.text, spans));
  const card = el(
    'article',
    { class: 'note', 'data-note-id': note.id },
    el('div', { class: 'note-head' }, el('span', {}, lineRange(note.source.path, note.lineStart, note.lineEnd)), note.date ? el('span', {}, note.date.slice(0, 10)) : null),
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
  const shownNotes = notes.filter((item) => keepsNoteDate(state.filters, item.note.date));
  const hiddenByDate = notes.length - shownNotes.length;
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
    ),
    el('h3', {}, `Relations (${relations.length})`),
    relations.length ? el('ul', { class: 'plain' }, ...relations.map((relation) => relationItem(relation, actions))) : el('p', { class: 'meta' }, 'No typed relations found.'),
    el('h3', {}, 'Related topics'),
    state.related === null
      ? el('p', { class: 'meta' }, 'Loading…')
      : state.related.length
        ? el('ul', { class: 'plain' }, ...state.related.map((topic) => relatedItem(topic, actions)))
        : el('p', { class: 'meta' }, 'No related topics beyond the direct neighbours.'),
    el('h3', {}, `Notes (${notesTotal})`),
    hiddenByDate ? el('p', { class: 'meta' }, `${hiddenByDate} notes outside the date range are hidden.`) : null,
    el('div', { class: 'notes' }, ...shownNotes.map((item) => noteCard(item.note, item.spans, actions))),
    notes.length < notesTotal ? button(`Load more notes (${notes.length} of ${notesTotal})`, () => actions.loadMoreNotes()) : null,
  );
}

export function renderNotePanel(panel: HTMLElement, detail: NoteDetailResponse, actions: PanelActions): void {
  const spans = detail.concepts.flatMap((concept) => concept.spans);
  const body = el('pre', { class: 'note-text' });
  body.append(highlightedText(detail.note.text, spans));
  replaceContent(panel,
    el('h2', { id: 'panel-title' }, detail.note.title),
    el('div', { class: 'meta' }, lineRange(detail.note.source.path, detail.note.lineStart, detail.note.lineEnd), detail.note.date ? ` · ${detail.note.date.slice(0, 10)}` : ''),
    el(
      'div',
      { class: 'actions' },
      detail.previous ? button(`← ${detail.previous.title}`, () => actions.openNote(detail.previous!.id), { class: 'link' }) : null,
      detail.next ? button(`${detail.next.title} →`, () => actions.openNote(detail.next!.id), { class: 'link' }) : null,
    ),
    el('article', { class: 'note', 'data-note-id': detail.note.id }, body),
    el('h3', {}, `Concepts in this note (${detail.concepts.length})`),
    el('div', {}, ...detail.concepts.map((concept) => conceptLink(concept, actions)).flatMap((link) => [link, ' '])),
  );
}

export function renderPanelMessage(panel: HTMLElement, message: string): void {
  replaceContent(panel,el('p', { class: 'meta' }, message));
}
