/**
 * The "Correct" section of a concept's panel: rename, change kind, merge with a concept picked in the graph or
 * chosen by name, split an alias off, hide, remove a wrong typed relation, and — from text selected in one of the
 * notes — make a concept or add a typed relation with the selected sentence as evidence. An opened note gets the
 * two selection actions too. Each is one action; the host runs it, updates graph and panel from the result and
 * offers Undo. Everything from the server goes in as text.
 */
import type { ConceptDetailResponse, NoteDetailResponse } from '../../../common/contract.js';
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
  /** Other concepts picked in the graph besides the selected one (Shift/Ctrl/Cmd+click), in the order picked. */
  pickedConcepts(): ConceptChoice[];
  /** Concepts whose name matches, for the relation-target and merge-target pickers. */
  findConcepts(query: string): Promise<ConceptChoice[]>;
  /** The text selected in one of the panel's notes, if any. */
  noteSelection(): NoteSelection | null;
  noteText(noteId: string): string | undefined;
  /** Runs the command; on success the host shows the change and offers Undo, on failure it shows the error. */
  perform(run: () => Promise<CurationResult>): Promise<void>;
  notify(message: string): void;
}

function select<T extends string>(label: string, values: readonly T[], selected: T, describe: (value: T) => string = (value) => value): HTMLSelectElement {
  return el('select', { 'aria-label': label }, ...values.map((value) => el('option', { value, selected: value === selected }, describe(value))));
}

/** An inline form under the buttons: one at a time, Escape or Cancel closes it. */
function openForm(slot: HTMLElement, title: string, fields: HTMLElement[], submitLabel: string, submit: () => void | Promise<void>): void {
  const form = el('form', { class: 'curation-form', 'aria-label': title }, el('div', { class: 'meta' }, title), ...fields);
  const cancel = button('Cancel', () => slot.replaceChildren(), { class: 'link' });
  form.append(el('div', { class: 'actions' }, el('button', { type: 'submit' }, submitLabel), cancel));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  form.addEventListener('keydown', (event) => event.key === 'Escape' && slot.replaceChildren());
  slot.replaceChildren(form);
  form.querySelector<HTMLElement>('input, select')?.focus();
}

let pickerCount = 0;

/** A text input with suggestions from the host's concept search; resolves the picked concept id on submit. */
function conceptPicker(label: string, host: CurationHost, initial: ConceptChoice[]): { element: HTMLElement; chosen: () => Promise<string | null> } {
  const listId = `concept-choices-${(pickerCount += 1)}`;
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
  // A name typed (or pasted) faster than the suggestions came is looked up once more on submit.
  const chosen = async () => {
    const text = input.value.trim().toLowerCase();
    const match = (list: ConceptChoice[]) => list.find((choice) => choice.name.toLowerCase() === text || choice.id === text)?.id ?? null;
    return match(choices) ?? (text.length > 0 ? match(await host.findConcepts(input.value.trim()).catch(() => [])) : null);
  };
  return { element: el('label', {}, `${label} `, input, list), chosen };
}

function mergeButton(from: ConceptChoice, into: ConceptChoice, host: CurationHost): HTMLButtonElement {
  return button(`Merge ${from.name} into ${into.name}`, () => void host.perform(() => curationApi.merge({ from: from.id, into: into.id })), {
    'data-merge-from': from.id,
    'data-merge-into': into.id,
  });
}

/** With concepts picked in the graph: merge either way in one click (which name stays is the user's choice). */
function pickedRow(current: ConceptChoice, host: CurationHost): HTMLElement | null {
  const picked = mergeTargets(current.id, host.pickedConcepts());
  if (picked.length === 0) return null;
  return el(
    'div',
    { class: 'curation-picked', 'aria-label': 'Picked concepts' },
    el('div', { class: 'meta' }, `Picked with ${current.name}: ${picked.map((concept) => concept.name).join(', ')}`),
    ...picked.flatMap((other) => [mergeButton(current, other, host), mergeButton(other, current, host)]),
  );
}

function conceptActions(detail: ConceptDetailResponse, host: CurationHost, slot: HTMLElement): HTMLElement {
  const { concept } = detail;
  const current = { id: concept.id, name: concept.name };
  const kind = select('Kind', conceptKinds, concept.kind as ConceptKind);
  kind.addEventListener('change', () => void host.perform(() => curationApi.kind({ id: concept.id, kind: kind.value as ConceptKind })));
  const rename = button('Rename…', () => {
    const input = el('input', { type: 'text', value: concept.name, 'aria-label': 'New name', maxlength: '200' });
    openForm(slot, `Rename ${concept.name} (the old name stays an alias)`, [input], 'Rename', () => void host.perform(() => curationApi.rename({ id: concept.id, name: input.value })));
  });
  const merge = button('Merge into…', () => {
    const picked = mergeTargets(concept.id, host.pickedConcepts());
    const picker = conceptPicker('Into', host, picked);
    const hint = picked.length === 0 ? el('div', { class: 'meta' }, 'Type a name, or Shift+click the other concept in the graph.') : null;
    openForm(slot, `Merge ${concept.name} into another concept: its names become aliases there, its notes and edges move`, [...picked.map((target) => mergeButton(current, target, host)), picker.element, ...(hint ? [hint] : [])], 'Merge', async () => {
      const into = await picker.chosen();
      if (into) await host.perform(() => curationApi.merge({ from: concept.id, into }));
      else host.notify('Choose a concept from the list to merge into.');
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

const relationTypeSelect = () =>
  select('Relation type', relationTypeTable.map((row) => row.type), 'USES', (value) => `${value} (${relationTypeTable.find((row) => row.type === value)?.reads ?? value})`);

/** The selection actions; `current` is the concept whose panel this is (one end of a new relation), if any. */
function selectionActions(host: CurationHost, slot: HTMLElement, current: ConceptChoice | null, suggestions: ConceptChoice[]): HTMLElement {
  const needSelection = () => host.notify('Select text in one of the notes first.');
  const makeConcept = button('Make concept from selection…', () => {
    const selection = host.noteSelection();
    const term = selectedTerm(selection);
    if (!selection || term === null) return needSelection();
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
    if (!selection || text === undefined) return needSelection();
    const type = relationTypeSelect();
    const others = current ? mergeTargets(current.id, [...host.pickedConcepts(), ...suggestions]) : suggestions;
    const from = current ? null : conceptPicker('From', host, others);
    const direction = current ? select('Direction', ['out', 'in'] as const, 'out', (value) => (value === 'out' ? `${current.name} → other` : `other → ${current.name}`)) : null;
    const to = conceptPicker(current ? 'Other concept' : 'To', host, others);
    const fields = current ? [el('label', {}, 'Type ', type), el('label', {}, 'Direction ', direction!), to.element] : [from!.element, el('label', {}, 'Type ', type), to.element];
    openForm(slot, 'Add a typed relation; the selected sentence is its evidence', fields, 'Add relation', async () => {
      const other = await to.chosen();
      const start = current ? current.id : await from!.chosen();
      if (!other || !start) return host.notify('Choose the concepts from the lists.');
      const [source, target] = !current || direction!.value === 'out' ? [start, other] : [other, start];
      const command = addRelationCommand(selection, text, { source, type: type.value as TypedRelationType, target });
      if (command) await host.perform(() => curationApi.addRelation(command));
    });
  });
  return el('div', { class: 'actions' }, makeConcept, addRelation, el('span', { class: 'meta' }, 'Select text in a note first.'));
}

function section(label: string, host: CurationHost, build: (slot: HTMLElement) => (HTMLElement | null)[]): HTMLElement {
  const status = host.status();
  const element = el('section', { class: 'curation', 'aria-label': label }, el('h3', {}, 'Correct'));
  if (!status?.editable) {
    element.append(el('p', { class: 'meta curation-read-only' }, status?.message ?? 'This server does not accept corrections.'));
    return element;
  }
  const slot = el('div', { class: 'curation-slot' });
  for (const part of build(slot)) if (part) element.append(part);
  return element;
}

/** The section for a concept's panel, or a one-line notice when this server is read-only. */
export function curationTools(detail: ConceptDetailResponse, host: CurationHost): HTMLElement {
  const current = { id: detail.concept.id, name: detail.concept.name };
  return section(`Correct ${detail.concept.name}`, host, (slot) => [
    pickedRow(current, host),
    conceptActions(detail, host, slot),
    slot,
    aliasActions(detail, host),
    relationActions(detail, host),
    selectionActions(host, slot, current, []),
  ]);
}

/** The section for an opened note: a concept or a relation from text selected in it. */
export function noteCurationTools(detail: NoteDetailResponse, host: CurationHost): HTMLElement {
  const inNote = detail.concepts.map((concept) => ({ id: concept.id, name: concept.name }));
  return section(`Correct from ${detail.note.title}`, host, (slot) => [selectionActions(host, slot, null, inNote), slot]);
}
