import { hasCjk, indentOf, isBlank, type Line, type LineBlock } from './lines.js';

/**
 * YAML by shape. A run of `key: value` lines is YAML when it is structured like configuration — nested keys
 * under a key with no value, or a `---` document start, or three or more keys whose values are scalars
 * (`nginx:1.25`, `8080`, `true`, `/var/lib`, `"quoted"`) — and not when its values read as words: a
 * definition list (`Keystone: 认证服务`, `Nova: the compute service`) or a Q/A list stays prose.
 */

const keyLine = /^(\s*)(?:-\s+)?([A-Za-z_$@][\w$@.\-/]*|"[^"\n]*"|'[^'\n]*')\s*:(?:\s+(.*?))?\s*$/;
const listLine = /^(\s*)-(?:\s+\S.*)?\s*$/;
const commentLine = /^\s*#(?:\s|$)/;
const documentMarker = /^(?:---|\.\.\.)\s*$/;
const blockScalar = /^[|>][-+]?\d*$/;
const scalar = /^(?:[\w.@:/${}*+~%=,()-]+|"[^"]*"|'[^']*'|\[.*\]|\{.*\}|&\w+|\*\w+|!\S+(?:\s.*)?)$/;

interface Entry {
  row: number;
  indent: number;
  key?: string;
  value?: string;
}

function entryOf(line: Line, row: number): Entry | undefined {
  const key = keyLine.exec(line.text);
  if (key) return { row, indent: indentOf(line.text), key: key[2]!, value: key[3] ?? '' };
  if (listLine.test(line.text)) return { row, indent: indentOf(line.text) };
  return undefined;
}

function isScalar(value: string): boolean {
  return scalar.test(value) && !(hasCjk(value) && !/^["']/.test(value));
}

/**
 * Collects the run of YAML-shaped lines that starts at `index`: block scalars, comments, and blank lines only
 * where the structure goes on indented after them (a blank line before a top-level key ends the group).
 */
function collect(lines: readonly Line[], index: number, free: (row: number) => boolean): { entries: Entry[]; last: number } {
  const entries: Entry[] = [];
  let last = index - 1;
  let scalarIndent: number | undefined;
  for (let row = index; row < lines.length && free(row); row += 1) {
    const line = lines[row]!;
    if (scalarIndent !== undefined && !isBlank(line.text) && indentOf(line.text) > scalarIndent) {
      last = row;
      continue;
    }
    scalarIndent = undefined;
    if (isBlank(line.text)) {
      const next = lines[row + 1];
      if (next && free(row + 1) && indentOf(next.text) > 0 && entryOf(next, row + 1) && entries.length > 0) continue;
      break;
    }
    if ((commentLine.test(line.text) && entries.length > 0) || (documentMarker.test(line.text) && row === index)) {
      last = row;
      continue;
    }
    const entry = entryOf(line, row);
    if (!entry) break;
    entries.push(entry);
    if (entry.value !== undefined && blockScalar.test(entry.value)) scalarIndent = entry.indent;
    last = row;
  }
  return { entries, last };
}

/** Values that read as words: CJK text, several words, or a sentence end. */
function isWordy(value: string): boolean {
  if (/^["'[{]/.test(value)) return false;
  return hasCjk(value) || value.split(/\s+/).length >= 2 || /[.。!?！？]$/.test(value);
}

/** Counts over the entries of a group from some position to its end. */
interface Tally {
  keys: number;
  values: number;
  wordy: number;
  scalars: number;
  /** A key with no value followed by deeper keys or list items. */
  nested: boolean;
}

interface Group {
  entries: Entry[];
  last: number;
  /** `suffix[i]` tallies `entries[i..]`, so the group can be judged from any of its rows in constant time. */
  suffix: Tally[];
}

function tallySuffixes(entries: readonly Entry[]): Tally[] {
  const suffix: Tally[] = new Array<Tally>(entries.length + 1);
  suffix[entries.length] = { keys: 0, values: 0, wordy: 0, scalars: 0, nested: false };
  for (let position = entries.length - 1; position >= 0; position -= 1) {
    const entry = entries[position]!;
    const next = suffix[position + 1]!;
    const value = entry.value ?? '';
    const counted = entry.key !== undefined && value !== '' && !blockScalar.test(value);
    suffix[position] = {
      keys: next.keys + (entry.key !== undefined ? 1 : 0),
      values: next.values + (counted ? 1 : 0),
      wordy: next.wordy + (counted && isWordy(value) ? 1 : 0),
      scalars: next.scalars + (counted && isScalar(value) ? 1 : 0),
      nested: next.nested || (entry.key !== undefined && value === '' && (entries[position + 1]?.indent ?? -1) > entry.indent),
    };
  }
  return suffix;
}

/**
 * Whether a group (from some entry on) is configuration. `continuing`: the group follows a YAML group after a
 * blank line, so one key with a scalar or a nested key is enough.
 */
function isConfiguration(tally: Tally, startsDocument: boolean, continuing: boolean): boolean {
  if (tally.keys < (continuing ? 1 : 2)) return false;
  if (tally.values > 0 && tally.wordy / tally.values >= 0.5) return false;
  if (tally.nested || startsDocument) return true;
  return tally.scalars >= 0.8 * tally.values && tally.values >= (continuing ? 1 : 2) && tally.keys >= (continuing ? 1 : 3);
}

/**
 * Groups already collected, per sweep (each sweep has its own `free`): a rejected run of N `key: value` lines is
 * judged again from each of its rows, and collecting it each time would cost N² (a long definition list).
 */
const groupsBySweep = new WeakMap<(row: number) => boolean, Map<number, Group>>();

function groupAt(lines: readonly Line[], index: number, free: (row: number) => boolean): { group: Group; position: number } {
  const cache = groupsBySweep.get(free) ?? new Map<number, Group>();
  groupsBySweep.set(free, cache);
  let group = cache.get(index);
  if (!group) {
    const { entries, last } = collect(lines, index, free);
    group = { entries, last, suffix: tallySuffixes(entries) };
    for (const entry of entries) if (!cache.has(entry.row)) cache.set(entry.row, group);
  }
  // The first entry at or after `index` (entries are in row order).
  let low = 0;
  let high = group.entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (group.entries[middle]!.row < index) low = middle + 1;
    else high = middle;
  }
  return { group, position: low };
}

export function yamlBlock(lines: readonly Line[], index: number, free: (row: number) => boolean): LineBlock | undefined {
  const first = lines[index]!.text;
  if (!keyLine.test(first) && !(documentMarker.test(first) && keyLine.test(lines[index + 1]?.text ?? ''))) return undefined;
  const { group, position } = groupAt(lines, index, free);
  if (!isConfiguration(group.suffix[position]!, documentMarker.test(first), false)) return undefined;
  let last = group.last;
  // docker-compose and Kubernetes files separate top-level keys with blank lines.
  while (isBlank(lines[last + 1]?.text ?? 'x') && free(last + 2) && keyLine.test(lines[last + 2]?.text ?? '')) {
    const next = groupAt(lines, last + 2, free).group;
    if (!isConfiguration(next.suffix[0]!, false, true)) break;
    last = next.last;
  }
  return { first: index, last, label: 'yaml' };
}
