import type { SecretLabel } from '../languages/redaction-rules.js';
import { findLabelHits } from './label-keys.js';
import { isCredentialValue } from './label-values.js';
import { classCount, isCodeReference, isPlaceholder, looksRandom } from './shape.js';
import { has, noFindings, type Finding, type Line, type RedactionLayer, type TextScan } from './types.js';

/**
 * Credential tables and credential pairs without labels on the value's line:
 * - chap-secrets rows (`name * password ip`, as pasted from a VPN server or a chat): user and password;
 * - tables whose header row names a password column (and maybe a user column): those cells of every row;
 * - a password alone on its line right after a user name (`admin` then `hrpbk5480R`);
 * - a user name on the line above a password (`用户名: zsadmin` then `密码: …`).
 */
const chapRow = /^[ \t]*("?[\w.@-]+"?)[ \t]+(?:\*|"\*")[ \t]+("[^"\n]+"|\S{4,})[ \t]+(?:\*|"\*"|\d{1,3}(?:\.\d{1,3}){3}(?:\/\d+)?)[ \t]*$/;

function cellFinding(line: Line, cell: Cell, kind: Finding['kind']): Finding {
  const value = cell.text.replace(/^"|"$/g, '');
  const offset = cell.text.startsWith('"') ? 1 : 0;
  return { start: line.start + cell.start + offset, end: line.start + cell.start + offset + value.length, kind, layer: 'label', value, spread: kind === 'password' ? 'secret' : 'person' };
}

function chapSecrets(line: Line): readonly Finding[] {
  const match = line.has & has.star && line.tokens === 4 ? chapRow.exec(line.text) : null;
  if (!match) return noFindings;
  const user = { text: match[1]!, start: line.text.indexOf(match[1]!) };
  const secretStart = line.text.indexOf(match[2]!, user.start + user.text.length);
  return [cellFinding(line, user, 'username'), cellFinding(line, { text: match[2]!, start: secretStart }, 'password')];
}

interface Cell {
  text: string;
  start: number;
}

/** Cells of a table row: split on tabs, runs of 2+ spaces or pipes. */
function cells(text: string): Cell[] {
  const found: Cell[] = [];
  for (const match of text.matchAll(/[^\t|]+?(?=\t|\||  |$)/g)) {
    const trimmed = match[0].trim();
    if (trimmed !== '') found.push({ text: trimmed, start: match.index + match[0].indexOf(trimmed) });
  }
  return found;
}

/** A header row with a password column (`用户名  密码  IP`, `| user | password |`): its label and columns. */
function headerColumns(line: Line, scan: TextScan): { password: number; user: number; label: SecretLabel } | undefined {
  if (!(line.has & (has.tab | has.doubleSpace | has.pipe)) || !scan.rules.passwordLabel.test(line.text)) return undefined;
  const row = cells(line.text);
  // A header names its columns in a word or two; a row that explains a password column is not one.
  if (row.length < 2 || row.some((cell) => cell.text.length > 24 || /\s/.test(cell.text))) return undefined;
  const { labels, wholeEach, whole } = scan.rules.labels;
  for (const [password, cell] of row.entries()) {
    if (!whole.test(cell.text)) continue;
    const label = labels.find((candidate, index) => candidate.kind === 'password' && wholeEach[index]!.test(cell.text));
    if (label) return { password, label, user: row.findIndex((other) => scan.rules.userLabel.test(other.text)) };
  }
  return undefined;
}

function headerTable(lines: readonly Line[], index: number, scan: TextScan): readonly Finding[] {
  const columns = headerColumns(lines[index]!, scan);
  if (!columns) return noFindings;
  const width = cells(lines[index]!.text).length;
  const found: Finding[] = [];
  for (let at = index + 1; at < lines.length; at += 1) {
    const line = lines[at]!;
    if (/^[\s|:-]+$/.test(line.text) && line.text.includes('-')) continue;
    const row = cells(line.text);
    if (row.length !== width) break;
    const secret = row[columns.password]!;
    if (isCredentialValue(secret.text, columns.label, scan.rules, '') && !scan.rules.isWord(secret.text)) found.push(cellFinding(line, secret, 'password'));
    if (columns.user >= 0 && !isPlaceholder(row[columns.user]!.text)) found.push(cellFinding(line, row[columns.user]!, 'username'));
  }
  return found;
}


/** A lone line after a user name: a password when it is not a word, a path, an address or a command. */
function passwordAfterUser(lines: readonly Line[], index: number, scan: TextScan): readonly Finding[] {
  if (lines[index]!.text.length > 40) return noFindings;
  const user = lines[index]!.lone;
  const next = lines[index + 1];
  const token = next?.lone;
  if (!user || !next || !token || !scan.rules.accountNames.has(user.toLowerCase())) return noFindings;
  if (token.length < 6 || token.length > 64 || /[/\\:()]|^[-#$@.]|\.[a-z]{2,4}$/i.test(token) || isPlaceholder(token)) return noFindings;
  if (scan.rules.isWord(token) || scan.rules.accountNames.has(token.toLowerCase()) || scan.rules.notSecret.has(token)) return noFindings;
  if (!(classCount(token) >= 2 || looksRandom(token))) return noFindings;
  const start = next.text.indexOf(token);
  return [{ start: next.start + start, end: next.start + start + token.length, kind: 'password', layer: 'label', value: token, spread: 'secret' }];
}

/** `用户名: zsadmin` right above a password line: the user name is half of the login (shared account names stay). */
function userAbovePassword(lines: readonly Line[], index: number, scan: TextScan): readonly Finding[] {
  const text = lines[index]!.text;
  const quoted = text.length < 80 && lines[index]!.has & has.separator && lines[index + 1] !== undefined ? scan.rules.userLine.exec(text)?.[1] : undefined;
  const user = quoted?.replace(/^["']|["']$/g, '');
  if (user && (scan.rules.userLabel.test(user) || scan.rules.labels.whole.test(user))) return noFindings;
  const next = lines[index + 1];
  if (!user || !next || scan.rules.accountNames.has(user.toLowerCase()) || isPlaceholder(user) || scan.rules.notSecret.has(user)) return noFindings;
  // `username: email,` in code: a word or a reference, not a user name.
  if (scan.rules.isWord(user.replace(/[,;]$/, '')) || isCodeReference(user) || /[,;]$/.test(user)) return noFindings;
  const passwordBelow = findLabelHits(next.text, scan.rules.labels, scan.rules).some((hit) => hit.label.kind === 'password');
  if (!passwordBelow) return noFindings;
  const start = lines[index]!.text.lastIndexOf(user);
  return [{ start: lines[index]!.start + start, end: lines[index]!.start + start + user.length, kind: 'username', layer: 'label', value: user, spread: 'person' }];
}

const layouts = [(lines: readonly Line[], index: number) => chapSecrets(lines[index]!), headerTable, passwordAfterUser, userAbovePassword];

export const tableLayer: RedactionLayer = {
  name: 'label',
  find(scan) {
    const found: Finding[] = [];
    scan.lines.forEach((line, index) => {
      // Every layout here has an ASCII value on the line (or, for a header row, a label and a next line).
      if (!line.ascii && !scan.rules.passwordLabel.test(line.text)) return;
      for (const layout of layouts) for (const item of layout(scan.lines, index, scan)) found.push(item);
    });
    return found;
  },
};
