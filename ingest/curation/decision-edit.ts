import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { slugify } from '../hash.js';
import type { DecisionDocuments, DecisionFileKind } from './decision-files.js';
import { invertChange, relationKey, type Decision, type DecisionChange } from './decisions.js';

/**
 * Adding and removing decisions, as pure functions: documents and a decision (or a change) in, new documents
 * and the exact change out. Each decision has one place in the files (its slot: `decisions.rename.<id>`, the
 * `split` entry for (from, alias), the stopword, the relation triple …); adding one displaces whatever held its
 * slot, and the change records both, so applying the inverted change restores the files exactly.
 */
export type EditResult = { ok: true; files: DecisionDocuments; change: DecisionChange } | { ok: false; conflict: string };

interface Slot {
  file: DecisionFileKind;
  /** Identity of the place, e.g. `decisions.rename.nova`: a change that empties and refills it edits in place. */
  key: string;
  /** The entry that holds this slot now, read back as a decision. */
  find(doc: Document): Decision | undefined;
  remove(doc: Document): void;
  put(doc: Document): void;
  /** Puts this decision where another one is, keeping the comments written next to it. */
  replace(doc: Document): void;
}

type Plain = Record<string, unknown>;

/**
 * An entry read back from a file, tagged as the decision whose slot it holds. It may carry fields the decision
 * type does not know (a hand-written concept entry with `exact:`); such entries are only compared by
 * `decisionText` and written back as they were, so the extra fields are never lost.
 */
const readBack = (decision: Decision['decision'], item: Plain): Decision => ({ ...item, decision }) as unknown as Decision;

function ensureCollection(doc: Document, path: string[], kind: 'map' | 'seq'): void {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({});
  const existing = doc.getIn(path, true);
  if (kind === 'map' ? isMap(existing) : isSeq(existing)) return;
  for (let depth = 1; depth < path.length; depth += 1) {
    if (!isMap(doc.getIn(path.slice(0, depth), true))) doc.setIn(path.slice(0, depth), doc.createNode({}));
  }
  doc.setIn(path, doc.createNode(kind === 'map' ? {} : []));
}

/** True when the pair holding `path` (its key or its value) carries a comment the owner wrote. */
function hasComment(doc: Document, path: string[]): boolean {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return false;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
  const nodes = [pair?.key, pair?.value] as (Node | null | undefined)[];
  return nodes.some((node) => node && (node.commentBefore || node.comment));
}

/** Drops collections along `path` that an edit left empty, innermost first; a commented one stays (as `[]`). */
function pruneEmpty(doc: Document, path: string[]): void {
  for (let depth = path.length; depth >= 1; depth -= 1) {
    const at = path.slice(0, depth);
    const node = doc.getIn(at, true);
    if (!(isMap(node) || isSeq(node)) || node.items.length > 0 || hasComment(doc, at)) return;
    doc.deleteIn(at);
  }
}

function mapSlot(file: DecisionFileKind, path: string[], key: string, value: string, read: (value: string) => Decision): Slot {
  const full = [...path, key];
  return {
    file,
    key: JSON.stringify(full),
    find: (doc) => {
      const node = doc.getIn(full, true);
      return isScalar(node) && node.value !== null ? read(String(node.value)) : undefined;
    },
    remove: (doc) => {
      doc.deleteIn(full);
      pruneEmpty(doc, path);
    },
    put: (doc) => {
      ensureCollection(doc, path, 'map');
      doc.setIn(full, doc.createNode(value));
    },
    replace: (doc) => {
      const node = doc.getIn(full, true);
      if (isScalar(node)) node.value = value;
    },
  };
}

function seqSlot(file: DecisionFileKind, path: string[], identity: string, matches: (item: Plain) => boolean, read: (item: Plain) => Decision, value: unknown): Slot {
  const itemsOf = (doc: Document) => {
    const seq = doc.getIn(path, true);
    return isSeq(seq) ? seq : undefined;
  };
  const plain = (node: unknown): Plain => {
    const json: unknown = isScalar(node) ? { value: node.value } : (node as { toJSON?: () => unknown })?.toJSON?.();
    return json !== null && typeof json === 'object' ? (json as Plain) : {};
  };
  const indexIn = (doc: Document) => itemsOf(doc)?.items.findIndex((item) => matches(plain(item))) ?? -1;
  const nodeFor = (doc: Document) => doc.createNode(value, { flow: typeof value === 'object' });
  return {
    file,
    key: JSON.stringify([...path, identity]),
    find: (doc) => {
      const index = indexIn(doc);
      return index < 0 ? undefined : read(plain(itemsOf(doc)!.items[index]));
    },
    remove: (doc) => {
      const index = indexIn(doc);
      if (index >= 0) itemsOf(doc)!.items.splice(index, 1);
      pruneEmpty(doc, path);
    },
    put: (doc) => {
      ensureCollection(doc, path, 'seq');
      itemsOf(doc)!.items.push(nodeFor(doc));
    },
    replace: (doc) => {
      const items = itemsOf(doc)?.items;
      const index = indexIn(doc);
      if (!items || index < 0) return;
      const old = items[index] as Node;
      const node = nodeFor(doc);
      Object.assign(node, { commentBefore: old.commentBefore, comment: old.comment, spaceBefore: old.spaceBefore });
      items[index] = node;
    },
  };
}

const lower = (value: unknown) => String(value ?? '').toLowerCase();
const same = (a: unknown, b: unknown) => String(a ?? '') === String(b ?? '');
const omitEmpty = (entry: Plain): Plain => Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));

function relationSlot(decision: Extract<Decision, { decision: 'remove-relation' | 'add-relation' }>, section: 'remove' | 'add'): Slot {
  const key = relationKey(decision);
  const { decision: _tag, ...entry } = decision;
  return seqSlot(
    'relations',
    [section],
    key,
    (item) => relationKey({ source: String(item.source), type: String(item.type), target: String(item.target) }) === key,
    (item) => readBack(section === 'add' ? 'add-relation' : 'remove-relation', item),
    omitEmpty(section === 'remove' ? { source: entry.source, type: entry.type, target: entry.target } : entry),
  );
}

/** The slots a decision occupies or clears: its own, plus the opposite entry for a relation triple. */
function slotsOf(decision: Decision): Slot[] {
  switch (decision.decision) {
    case 'rename':
      return [mapSlot('lexicon', ['decisions', 'rename'], decision.id, decision.name, (name) => ({ decision: 'rename', id: decision.id, name }))];
    case 'kind':
      return [mapSlot('lexicon', ['decisions', 'kind'], decision.id, decision.kind, (kind) => ({ decision: 'kind', id: decision.id, kind }) as Decision)];
    case 'merge':
      return [mapSlot('lexicon', ['decisions', 'merge'], decision.from, decision.into, (into) => ({ decision: 'merge', from: decision.from, into }))];
    case 'split': {
      const { decision: _tag, ...entry } = decision;
      const matches = (item: Plain) => same(item.from, decision.from) && lower(item.alias) === lower(decision.alias);
      return [seqSlot('lexicon', ['decisions', 'split'], `${decision.from}\u0000${lower(decision.alias)}`, matches, (item) => readBack('split', item), entry)];
    }
    case 'stopword':
      return [seqSlot('lexicon', ['stopwords'], lower(decision.word), (item) => lower(item.value) === lower(decision.word), (item) => ({ decision: 'stopword', word: String(item.value) }), decision.word)];
    case 'concept': {
      const id = slugify(decision.name);
      const matches = (item: Plain) => slugify(String(item.name ?? '')) === id;
      const read = (item: Plain) => readBack('concept', { aliases: [], ...item });
      const { decision: _tag, ...entry } = decision;
      return [seqSlot('lexicon', ['concepts'], id, matches, read, omitEmpty(entry))];
    }
    case 'remove-relation':
      return [relationSlot(decision, 'remove'), relationSlot({ ...decision, decision: 'add-relation', evidence: '' }, 'add')];
    case 'add-relation':
      return [relationSlot(decision, 'add'), relationSlot({ ...decision, decision: 'remove-relation' }, 'remove')];
  }
}

/** The file a decision is written to. */
export function decisionFile(decision: Decision): DecisionFileKind {
  return slotsOf(decision)[0]!.file;
}

/** Canonical text of a decision, for comparing one read back from a file with one a command made. */
export function decisionText(decision: Decision): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? [...value].map(String).sort()
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, inner]) => [key, sorted(inner)]))
        : value;
  const { decision: tag, ...rest } = decision;
  const normal = tag === 'stopword' ? { word: decision.word.toLowerCase() } : rest;
  return JSON.stringify({ tag, ...(sorted(omitEmpty(normal as Plain)) as Plain) });
}

/** What adding `decision` would change: the entries it displaces, or a conflict when it cannot be added. */
export function planDecision(files: DecisionDocuments, decision: Decision): { ok: true; change: DecisionChange } | { ok: false; conflict: string } {
  const [own, ...others] = slotsOf(decision);
  const existing = own!.find(files[own!.file]);
  if (existing && decisionText(existing) === decisionText(decision)) return { ok: true, change: { added: [], removed: [] } };
  if (existing && decision.decision === 'concept') return { ok: false, conflict: `a concept named "${decision.name}" is already listed in the lexicon file` };
  const displaced = [existing, ...others.map((slot) => slot.find(files[slot.file]))].filter((entry): entry is Decision => entry !== undefined);
  return { ok: true, change: { added: [decision], removed: displaced } };
}

/**
 * Applies a change exactly: every `removed` entry must be in the files as recorded, every `added` slot must be
 * free once they are gone. Otherwise nothing is changed and the conflict says why (the files moved on).
 */
export function applyChange(files: DecisionDocuments, change: DecisionChange): EditResult {
  const next: DecisionDocuments = { lexicon: files.lexicon.clone(), relations: files.relations.clone() };
  const refilled = new Set(change.added.map((entry) => slotsOf(entry)[0]!.key));
  const emptied = new Set<string>();
  for (const entry of change.removed) {
    const slot = slotsOf(entry)[0]!;
    const found = slot.find(next[slot.file]);
    if (!found || decisionText(found) !== decisionText(entry)) return { ok: false, conflict: `the decision files no longer hold ${describeDecision(entry)}` };
    if (refilled.has(slot.key)) emptied.add(slot.key);
    else slot.remove(next[slot.file]);
  }
  for (const entry of change.added) {
    const slot = slotsOf(entry)[0]!;
    if (emptied.has(slot.key)) slot.replace(next[slot.file]);
    else if (slot.find(next[slot.file])) return { ok: false, conflict: `the decision files already hold another entry in the place of ${describeDecision(entry)}` };
    else slot.put(next[slot.file]);
  }
  return { ok: true, files: next, change };
}

/** Adds one decision (displacing what held its place). */
export function addDecision(files: DecisionDocuments, decision: Decision): EditResult {
  const plan = planDecision(files, decision);
  return plan.ok ? applyChange(files, plan.change) : plan;
}

/** Takes back a change made earlier (the Undo of a command). */
export function revertChange(files: DecisionDocuments, change: DecisionChange): EditResult {
  return applyChange(files, invertChange(change));
}

/** A short, content-free description for messages: which decision, on which ids. */
export function describeDecision(decision: Decision): string {
  switch (decision.decision) {
    case 'rename':
    case 'kind':
      return `${decision.decision} ${decision.id}`;
    case 'merge':
      return `merge ${decision.from} → ${decision.into}`;
    case 'split':
      return `split ${decision.from} / ${decision.alias}`;
    case 'stopword':
      return `stopword ${decision.word}`;
    case 'concept':
      return `concept ${decision.name}`;
    case 'remove-relation':
    case 'add-relation':
      return `${decision.decision} ${decision.source} ${decision.type} ${decision.target}`;
  }
}
