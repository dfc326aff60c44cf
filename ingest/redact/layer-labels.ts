import { hanChar } from '../../common/script.js';
import type { SecretLabel } from '../languages/redaction-rules.js';
import { findLabelHits, type LabelHit } from './label-keys.js';
import { isCredentialValue, readValue, skipAuthScheme, type ValueSpan } from './label-values.js';
import { isPlaceholder, looksRandom, quotedLiterals } from './shape.js';
import type { Finding, Line, RedactionLayer, Spread, TextScan } from './types.js';

/**
 * The label layer: a value introduced by a label of any pack, in every layout notes use — same line (`:`,
 * `=`, `=>`, `：`, `是`, tabs, table cells, glued to a Han label, `define('X_PASSWORD', '…')`), the next line,
 * the following indented lines (`七牛key：` then two tab-indented keys), and the label after its value.
 */
const closers = /^["'`\]\)*]*/;
// Not `==`: `pass == "x"` compares.
const separator = /^[ \t]*(?:=>|:=|[:：|]|=(?!=))[ \t]*/;
// `密码是 abc`: a Han label may be followed by "is"; `Secret 是 Kubernetes 的…` is a sentence about Secrets.
const hanSeparator = /^[ \t]*(?:是|为)[ \t]*/;
const whitespace = /^[ \t]+/;
const loneLabelRest = /^[ \t]*[:：=]?[ \t]*$/;
const singleToken = /^[ \t]*(\S+)[ \t]*$/;

const spreadOf = (value: string): Spread => (/^\d+$/.test(value) ? 'number' : 'secret');

function finding(line: Line, span: { start: number; end: number; value: string }, label: SecretLabel): Finding {
  return { start: line.start + span.start, end: line.start + span.end, kind: label.kind, layer: 'label', value: span.value, spread: spreadOf(span.value) };
}

interface Separated {
  offset: number;
  kind: 'mark' | 'space' | 'tab' | 'none' | 'comma' | 'element';
  pipe?: boolean;
}

function separatorAfter(text: string, quotedKey: boolean, han: boolean): Separated {
  const mark = separator.exec(text) ?? (han ? hanSeparator.exec(text) : null);
  if (mark) return { offset: mark[0].length, kind: 'mark', pipe: mark[0].includes('|') };
  // `define('DB_PASSWORD', '…')`, and .NET's `<add key="DbPassword" value="…"/>`: the value follows the quoted key.
  const comma = quotedKey ? /^[ \t]*,[ \t]*|^[ \t]+value[ \t]*=[ \t]*/i.exec(text) : null;
  if (comma) return { offset: comma[0].length, kind: 'comma' };
  // `<password>…</password>`: an XML element's text.
  const element = /^>(?=[^<\n]+<\/)/.exec(text);
  if (element) return { offset: 1, kind: 'element' };
  const space = whitespace.exec(text);
  if (space) return { offset: space[0].length, kind: space[0].includes('\t') ? 'tab' : 'space' };
  return { offset: 0, kind: 'none' };
}

/** Which separators a label accepts: a Han label also takes a space or nothing (`密码951!#%…`). */
function acceptsSeparator(separated: Separated, han: boolean, value: ValueSpan, text: string, quotedKey: boolean): boolean {
  if (separated.kind === 'mark' || separated.kind === 'tab' || separated.kind === 'element') return true;
  // `resource "alicloud_ram_access_key" "ak"`: a quoted key then a quoted word is HCL, not an argument.
  if (quotedKey && separated.kind === 'space') return false;
  if (separated.kind === 'comma') return value.quoted;
  if (han) return /^[\x21-\x7e]/.test(value.value);
  // `password "newpwd"` is an argument; `pass \`!$\`` is a Markdown code span in a sentence.
  return separated.kind === 'space' && value.quoted && !text.startsWith('`');
}

/** Quoted literals in a comment after the value: the previous passwords (`'pwd' => 'x',//'old1',//'old2'`). */
function commentTail(line: Line, from: number, label: SecretLabel): Finding[] {
  const rest = line.text.slice(from);
  const comment = /\/\/|#/.exec(rest);
  if (!comment) return [];
  const found: Finding[] = [];
  for (const literal of quotedLiterals(rest.slice(comment.index))) {
    const start = from + comment.index + literal.start;
    if (literal.value.length >= 4 && !isPlaceholder(literal.value)) found.push(finding(line, { start, end: start + literal.value.length, value: literal.value }, label));
  }
  return found;
}

function sameLineValue(line: Line, hit: LabelHit, scan: TextScan): Finding[] {
  const key = line.text.slice(0, hit.start);
  const close = closers.exec(line.text.slice(hit.end))![0];
  const afterKey = hit.end + close.length;
  const han = hanChar.test(line.text[hit.start]!);
  const quotedKey = /["']/.test(close) && /["'][\w.-]*$/.test(key);
  const separated = separatorAfter(line.text.slice(afterKey), quotedKey, han);
  const valueStart = afterKey + separated.offset;
  const read = readValue(line.text.slice(valueStart));
  if (!read) return [];
  const value = skipAuthScheme(read, line.text.slice(valueStart), scan.rules);
  if (!acceptsSeparator(separated, han, value, line.text.slice(valueStart), quotedKey || /["']/.test(close))) return [];
  // A table cell separator only in a table row (`| password | x |`), not a shell pipe (`get secret | grep`).
  if (separated.pipe && !/\|[ \t]*$/.test(key)) return [];
  const valueEnd = valueStart + value.end;
  const after = line.text.slice(valueEnd + (value.quoted ? 1 : 0));
  const tail = commentTail(line, valueEnd, hit.label);
  // A short Latin run glued to Chinese text is a word of the sentence (`账号：qq邮箱2`), not a value.
  if (!value.quoted && value.value.length <= 3 && hanChar.test(after[0] ?? '')) return tail;
  if (!isCredentialValue(value.value, hit.label, scan.rules, separated.kind === 'mark' || han ? after : ` ${after}`)) return tail;
  return [finding(line, { start: valueStart + value.start, end: valueEnd, value: value.value }, hit.label), ...tail];
}

/** A label alone on its line: the value is on the next line, or on the following, more indented lines. */
function valuesBelow(lines: readonly Line[], index: number, hit: LabelHit, scan: TextScan): Finding[] {
  const labelLine = lines[index]!;
  const indent = /^[ \t]*/.exec(labelLine.text)![0].length;
  const found: Finding[] = [];
  let next = index + 1;
  while (next < lines.length && next <= index + 2 && lines[next]!.text.trim() === '') next += 1;
  for (let at = next; at < lines.length; at += 1) {
    const line = lines[at]!;
    const token = singleToken.exec(line.text);
    const lineIndent = /^[ \t]*/.exec(line.text)![0].length;
    if (!token || hanChar.test(token[1]!) || (at > next && lineIndent <= indent)) break;
    if (!isCredentialValue(token[1]!, hit.label, scan.rules, '')) break;
    found.push(finding(line, { start: lineIndent, end: lineIndent + token[1]!.length, value: token[1]! }, hit.label));
    if (lineIndent <= indent) break;
  }
  return found;
}

function isLoneLabel(line: Line, hit: LabelHit): boolean {
  const close = closers.exec(line.text.slice(hit.end))![0];
  const rest = line.text.slice(hit.end + close.length);
  // A Latin label needs its colon (`password:`), or `pass` in Python and a `Password` heading would count.
  const marked = hanChar.test(line.text[hit.start]!) || /[:：=]/.test(rest);
  return marked && loneLabelRest.test(rest) && /^[ \t]*[^\s]{0,20}$/.test(line.text.slice(0, hit.start));
}

/** `<value> [qualifier] <label>` on a line of its own: `c6ed0147-… 96密钥`, `CA6575B91C191BB09558优惠券`. */
function trailingValue(line: Line, scan: TextScan): Finding[] {
  const trailing = scan.rules.trailingLabels;
  const match = trailing.trailingLine.exec(line.text);
  if (!match) return [];
  let group = 3;
  while (group < match.length && match[group] === undefined) group += 1;
  const label = trailing.labels[group - 3];
  const value = match[1]!;
  if (!label || isPlaceholder(value) || value.includes('/') || !(/\d/.test(value) || looksRandom(value))) return [];
  // A Latin label needs a space before it (`abc123 password`); a Han one may be glued (`…09558优惠券`).
  if (/^[A-Za-z]/.test(match[group]!) && match[2] === '') return [];
  const start = line.text.indexOf(value);
  return [finding(line, { start, end: start + value.length, value }, label)];
}

// A line that can hold `<value> [qualifier] <label>`: an ASCII start and at most three words.
const trailingCandidate = /^[ \t]*[A-Za-z0-9]\S{5,}(?:[ \t]+\S+){0,2}[ \t]*$/;

export const labelLayer: RedactionLayer = {
  name: 'label',
  find(scan) {
    const found: Finding[] = [];
    // One pass of the label pattern over the whole text, then the layouts of the lines that have a label.
    const hits = findLabelHits(scan.text, scan.rules.labels, scan.rules);
    let at = 0;
    scan.lines.forEach((line, index) => {
      for (; at < hits.length && hits[at]!.start < line.end; at += 1) {
        const hit = hits[at]!;
        if (hit.start < line.start) continue;
        const local = { ...hit, start: hit.start - line.start, end: hit.end - line.start };
        const same = sameLineValue(line, local, scan);
        found.push(...(same.length > 0 ? same : isLoneLabel(line, local) ? valuesBelow(scan.lines, index, local, scan) : []));
      }
      if (line.tokens >= 1 && line.tokens <= 3 && line.ascii && trailingCandidate.test(line.text)) found.push(...trailingValue(line, scan));
    });
    return found;
  },
};
