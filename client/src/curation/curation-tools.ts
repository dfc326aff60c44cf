/**
 * The "Correct" section of a concept's panel: rename, change kind, merge into another concept, split an alias
 * off, hide, remove a wrong typed relation, and — from text selected in one of the notes — make a concept or add
 * a typed relation with the selected sentence as evidence. Each is one action; the host runs it, updates the
 * graph and panel from the result and offers Undo. Everything from the server goes in as text.
 */
import type { ConceptDetailResponse } from '../../../common/contract.js';
import type { CurationResult, CurationStatus } from '../../../common/curation-contract.js';
import { conceptKinds, relationTypeTable, type ConceptKind, type TypedRelationType } from '../../../common/graph-model.js';
import { button, el } from '../dom.js';
import { curationApi } from './curation-api.js';
import { addConceptCommand, addRelationCommand, mergeTargets, removeRelationCommand, selectedTerm, type NoteSelection } from './curation-model.js';

export interface ConceptChoice {
  id: string;
  name: string;
}

export interface CurationHost {
  status(): CurationStatus | null;
  /** Other concepts picked in the graph (the current one excluded or not), in the order picked. */
  pickedConcepts(): ConceptChoice[];
  /** Concepts whose name matches, for the relation-target and merge-target pickers. */
  findConcepts(query: string): Promise<ConceptChoice[]>;
  /** The text selected in one of the panel's notes, if any. */
  noteSelection(): NoteSelection | null;
  noteText(noteId: string): string | undefined;
  /** Runs the command; on success the host shows the change and offers Undo, on failure it shows the error. */
  perform(run: () => Promise<CurationResult>): Promise<void>;
}

function select<T extends string>(label: string, values: readonly T[], selected: T, describe: (value: T) => string = (value) => value): HTMLSelectElement {
  return el('select', { 'aria-label': label }, ...values.map((value) => el('option', { value, selected: value === selected }, describe(value))));
}

/** An inline form under the buttons: one at a time, Escape or Cancel closes it. */
function openForm(slot: HTMLElement, title: string, fields: HTMLElement[], submitLabel: string, submit: () => void): void {
  const form = el('form', { class: 'curation-form', 'aria-label': title }, el('div', { class: 'meta' }, title), ...fields);
  const cancel = button('Cancel', () => slot.replaceChildren(), { class: 'link' });
  form.append(el('div', { class: 'actions' }, el('button', { type: 'submit' }, submitLabel), cancel));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  form.addEventListener('keydown', (event) => event.key === 'Escape' && slot.replaceChildren());
  slot.replaceChildren(form);
  form.querySelector<HTMLElement>('input, select')?.focus();
}

/** A text input with suggestions from the host's concept search; resolves the picked concept id on submit. */
function conceptPicker(label: string, host: CurationHost, initial: ConceptChoice[]): { element: HTMLElement; chosen: () => string | null } {
  const listId = `concept-choices-${Math.random().toString(36).slice(2, 8)}`;
  const input = el('input', { type: 'text', 'aria-label': label, list: listId, placeholder: 'Concept name', autocomplete: 'off' });
  const list = el('datalist', { id: listId });
  let choices = [...initial];
  const fill = () => list.replaceChildren(...choices.map((choice) => el('option', { value: choice.name }, choice.id)));
  fill();
  input.addEventListener('input', () => {
    const query = input.value.trim();
    if (query.length < 2) return;
    void host.findConcepts(query).then((found) => {
      choices = [...initial, ...found.filter((choice) => !initial.some((known) => known.id === choice.id))];
      fill();
    });
  });
  const chosen = () => choices.find((choice) => choice.name === input.value.trim() || choice.id === input.value.trim())?.id ?? null;
  return { element: el('label', {}, `${label} `, input, list), chosen };
}

function conceptActions(detail: ConceptDetailResponse, host: CurationHost, slot: HTMLElement): HTMLElement {
  const { concept } = detail;
  const kind = select('Kind', conceptKinds, concept.kind as ConceptKind);
  kind.addEventListener('change', () => void host.perform(() => curationApi.kind({ id: concept.id, kind: kind.value as ConceptKind })));
  const rename = button('Rename…', () => {
    const input = el('input', { type: 'text', value: concept.name, 'aria-label': 'New name', maxlength: '200' });
    openForm(slot, `Rename ${concept.name} (the old name stays an alias)`, [input], 'Rename', () => void host.perform(() => curationApi.rename({ id: concept.id, name: input.value })));
  });
  const merge = button('Merge into…', () => {
    const picked = mergeTargets(concept.id, host.pickedConcepts());
    const quick = picked.map((target) => button(`Merge into ${target.name}`, () => void host.perform(() => curationApi.merge({ from: concept.id, into: target.id })), { 'data-merge-into': target.id }));
    const picker = conceptPicker('Into', host, picked);
    openForm(slot, `Merge ${concept.name} into another concept: its names become aliases there, its notes and edges move`, [...quick, picker.element], 'Merge', () => {
      const into = picker.chosen();
      if (into) void host.perform(() => curationApi.merge({ from: concept.id, into }));
    });
  });
  const hide = button('Hide', () => void host.perform(() => curationApi.hide({ id: concept.id })), { title: `Not a concept: "${concept.name}" becomes a stopword`, 'aria-label': `Hide ${concept.name} (not a concept)` });
  return el('div', { class: 'actions' }, rename, el('label', {}, 'Kind ', kind), merge, hide);
}

function aliasActions(detail: ConceptDetailResponse, host: CurationHost): HTMLElement | null {
  const { concept } = detail;
  if (concept.aliases.length === 0) return null;
  const items = concept.aliases.map((alias) =>
    el('li', {}, el('span', { class: 'chip' }, alias), ' ', button('Split off', () => void host.perform(() => curationApi.split({ id: concept.id, alias })), { class: 'link', 'aria-label': `Split ${alias} off into its own concept` })),
  );
  return el('div', {}, el('div', { class: 'meta' }, 'Aliases'), el('ul', { class: 'plain curation-aliases' }, ...items));
}

function relationActions(detail: ConceptDetailResponse, host: CurationHost): HTMLElement | null {
  const removable = detail.relations.map((relation) => ({ relation, command: removeRelationCommand(detail.concept.id, relation) })).filter((item) => item.command !== null);
  if (removable.length === 0) return null;
  const items = removable.map(({ relation, command }) => {
    const label = relation.direction === 'out' ? `${detail.concept.name} ${relation.type} ${relation.other.name}` : `${relation.other.name} ${relation.type} ${detail.concept.name}`;
    return el('li', {}, el('span', {}, label), ' ', button('Remove', () => void host.perform(() => curationApi.removeRelation(command!)), { class: 'link', 'aria-label': `Remove ${label}` }));
  });
  return el('div', {}, el('div', { class: 'meta' }, 'Typed relations'), el('ul', { class: 'plain curation-relations' }, ...items));
}

function selectionActions(detail: ConceptDetailResponse, host: CurationHost, slot: HTMLElement): HTMLElement {
  const makeConcept = button('Make concept from selection…', () => {
    const selection = host.noteSelection();
    const term = selectedTerm(selection);
    if (!selection || term === null) return;
    const name = el('input', { type: 'text', value: term, 'aria-label': 'Concept name', maxlength: '200' });
    const kind = select('Kind of the new concept', conceptKinds, 'concept');
    openForm(slot, `Make “${term}” a concept`, [el('label', {}, 'Name ', name), el('label', {}, 'Kind ', kind)], 'Make concept', () => {
      const command = addConceptCommand(selection, kind.value as ConceptKind, name.value);
      if (command) void host.perform(() => curationApi.addConcept(command));
    });
  });
  const addRelation = button('Add relation from selected sentence…', () => {
    const selection = host.noteSelection();
    const text = selection ? host.noteText(selection.noteId) : undefined;
    if (!selection || text === undefined) return;
    const type = select('Relation type', relationTypeTable.map((row) => row.type), 'USES', (value) => relationTypeTable.find((row) => row.type === value)?.reads ?? value);
    const direction = select('Direction', ['out', 'in'] as const, 'out', (value) => (value === 'out' ? `${detail.concept.name} → other` : `other → ${detail.concept.name}`));
    const picker = conceptPicker('Other concept', host, mergeTargets(detail.concept.id, host.pickedConcepts()));
    openForm(slot, 'Add a typed relation; the selected sentence is its evidence', [el('label', {}, 'Type ', type), el('label', {}, 'Direction ', direction), picker.element], 'Add relation', () => {
      const other = picker.chosen();
      if (!other) return;
      const [source, target] = direction.value === 'out' ? [detail.concept.id, other] : [other, detail.concept.id];
      const command = addRelationCommand(selection, text, { source, type: type.value as TypedRelationType, target });
      if (command) void host.perform(() => curationApi.addRelation(command));
    });
  });
  return el('div', { class: 'actions' }, makeConcept, addRelation, el('span', { class: 'meta' }, 'Select text in a note first.'));
}

/** The section for the panel, or a one-line notice when this server is read-only. */
export function curationTools(detail: ConceptDetailResponse, host: CurationHost): HTMLElement {
  const status = host.status();
  const section = el('section', { class: 'curation', 'aria-label': `Correct ${detail.concept.name}` }, el('h3', {}, 'Correct'));
  if (!status?.editable) {
    section.append(el('p', { class: 'meta curation-read-only' }, status?.message ?? 'This server does not accept corrections.'));
    return section;
  }
  const slot = el('div', { class: 'curation-slot' });
  section.append(conceptActions(detail, host, slot), slot);
  for (const part of [aliasActions(detail, host), relationActions(detail, host), selectionActions(detail, host, slot)]) if (part) section.append(part);
  return section;
}
