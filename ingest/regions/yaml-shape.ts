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

/** A key with no value followed by deeper keys or list items. */
function isNested(entries: readonly Entry[]): boolean {
  return entries.some((entry, position) => entry.key !== undefined && entry.value === '' && (entries[position + 1]?.indent ?? -1) > entry.indent);
}

/** Values that read as words: CJK text, several words, or a sentence end. */
function isWordy(value: string): boolean {
  if (/^["'[{]/.test(value)) return false;
  return hasCjk(value) || value.split(/\s+/).length >= 2 || /[.。!?！？]$/.test(value);
}

/**
 * Whether a group of entries is configuration. `continuing`: the group follows a YAML group after a blank line,
 * so one key with a scalar or a nested key is enough.
 */
function isConfiguration(entries: readonly Entry[], startsDocument: boolean, continuing: boolean): boolean {
  const keys = entries.filter((entry) => entry.key !== undefined);
  if (keys.length < (continuing ? 1 : 2)) return false;
  const values = keys.map((entry) => entry.value!).filter((value) => value !== '' && !blockScalar.test(value));
  if (values.length > 0 && values.filter(isWordy).length / values.length >= 0.5) return false;
  const scalars = values.filter(isScalar).length;
  if (isNested(entries) || startsDocument) return true;
  return scalars >= 0.8 * values.length && values.length >= (continuing ? 1 : 2) && keys.length >= (continuing ? 1 : 3);
}

export function yamlBlock(lines: readonly Line[], index: number, free: (row: number) => boolean): LineBlock | undefined {
  const first = lines[index]!.text;
  if (!keyLine.test(first) && !(documentMarker.test(first) && keyLine.test(lines[index + 1]?.text ?? ''))) return undefined;
  const group = collect(lines, index, free);
  if (!isConfiguration(group.entries, documentMarker.test(first), false)) return undefined;
  let last = group.last;
  // docker-compose and Kubernetes files separate top-level keys with blank lines.
  while (isBlank(lines[last + 1]?.text ?? 'x') && free(last + 2) && keyLine.test(lines[last + 2]?.text ?? '')) {
    const next = collect(lines, last + 2, free);
    if (!isConfiguration(next.entries, false, true)) break;
    last = next.last;
  }
  return { first: index, last, label: 'yaml' };
}
