import { hasCjk, isBlank, isProseLike, type Line, type LineBlock } from './lines.js';
import { looksLikeBareCommand, promptOf } from './shell.js';

/**
 * Tables and command output: Markdown tables, bordered ASCII tables (mysql, openstack CLI), pasted column
 * output under a header row (`NAME READY STATUS RESTARTS AGE`, `Filesystem  Size  Used`), logs and stack
 * traces. Each detector looks at one start line and returns the block it claims there, or undefined.
 */
export type BlockDetector = (lines: readonly Line[], index: number, free: (index: number) => boolean) => LineBlock | undefined;

const tableDelimiter = /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{1,}:?\s*\|\s*$/;

/** `| a | b |` over `|---|---|`, and the rows under it. */
export const markdownTable: BlockDetector = (lines, index, free) => {
  const header = lines[index]!.text;
  if (!header.includes('|') || !free(index + 1) || !tableDelimiter.test(lines[index + 1]?.text ?? '')) return undefined;
  let last = index + 1;
  while (free(last + 1) && (lines[last + 1]?.text.includes('|') ?? false) && !isBlank(lines[last + 1]!.text)) last += 1;
  return { first: index, last, label: 'markdown' };
};

const asciiBorder = /^\s*[+┌├└╔╠╚][-=+─┬┼┴═╦╬╩]{2,}[+┐┤┘╗╣╝]\s*$/;
const asciiRow = /^\s*[|│║].*[|│║]\s*$/;

/** `+----+------+` bordered tables, as CLIs print them. */
export const asciiTable: BlockDetector = (lines, index, free) => {
  if (!asciiBorder.test(lines[index]!.text)) return undefined;
  let last = index;
  while (free(last + 1) && (asciiBorder.test(lines[last + 1]!.text) || asciiRow.test(lines[last + 1]!.text))) last += 1;
  return last > index ? { first: index, last, label: 'table' } : undefined;
};

const headerToken = /^[A-Z][A-Z0-9_%/()+#.-]*$|^%[A-Z]+$/;

/** A header row of pasted column output: three or more upper-case column names and nothing else. */
export function isUpperCaseHeader(text: string): boolean {
  // A lower-case letter fails its token: most lines are ruled out before they are split.
  if (/[a-z]/.test(text)) return false;
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 3 || /[:;,.!?]$/.test(text.trim()) || hasCjk(text)) return false;
  return tokens.every((token) => headerToken.test(token)) && tokens.filter((token) => token.length >= 2).length >= 3;
}

/**
 * The header's columns are spaced like a table (a gap of two spaces or a tab), or the row under it has about
 * as many fields and a number: "CREATING AN I/O CONTEXT" over a sentence is a shouted title, not a header.
 */
function spacedLikeColumns(header: string, row: string): boolean {
  if (/\S(?: {2,}|\t)\S/.test(header.trim())) return true;
  const fields = row.trim().split(/\s+/).length;
  return /\d/.test(row) && Math.abs(fields - header.trim().split(/\s+/).length) <= 2 && !isProseLike(row);
}

/** Columns of a line: cells separated by two or more spaces or a tab. */
function cells(text: string): string[] {
  return text.trim().split(/\s{2,}|\t+/).filter((cell) => cell !== '');
}

/** A mixed-case header (`Filesystem  Size  Used Avail Use% Mounted on`) is a table only with aligned rows under it. */
function alignedHeader(lines: readonly Line[], index: number, free: (index: number) => boolean): boolean {
  const header = lines[index]!.text;
  if (!/\S(?: {2,}|\t)\s*\S/.test(header)) return false;
  const columns = cells(header);
  if (columns.length < 3 || isProseLike(header) || hasCjk(header) || /[.:;!?]$/.test(header.trim())) return false;
  if (!columns.every((cell) => cell.split(' ').length <= 6 && /^[A-Za-z%#][\w%#()/ .+-]*$/.test(cell))) return false;
  if (looksLikeBareCommand(header) || promptOf(header, { inCode: true, hashComments: false })) return false;
  let aligned = 0;
  for (let row = index + 1; row <= index + 3 && free(row) && !isBlank(lines[row]?.text ?? ''); row += 1) {
    if (cells(lines[row]!.text).length >= columns.length - 1) aligned += 1;
  }
  return aligned >= 2;
}

/** Pasted column output: the header row and the rows under it, up to a blank line. */
export const columnOutput: BlockDetector = (lines, index, free) => {
  const header = lines[index]!.text;
  const next = lines[index + 1]?.text;
  if (next === undefined || !free(index + 1) || isBlank(next)) return undefined;
  if (!(isUpperCaseHeader(header) && spacedLikeColumns(header, next)) && !alignedHeader(lines, index, free)) return undefined;
  let last = index;
  while (free(last + 1) && !isBlank(lines[last + 1]!.text) && !isProseLike(lines[last + 1]!.text)) last += 1;
  return last > index ? { first: index, last, label: 'table' } : undefined;
};

const months = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const logStamp = new RegExp(
  [
    String.raw`^\s*\[?\d{4}[-/.]\d{2}[-/.]\d{2}[T ]\d{2}:\d{2}(?::\d{2})?`, // 2024-01-05 12:00:01, 2024/01/05 12:00
    String.raw`^\s*\[?(?:${months})\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\b`, // syslog: Jan  5 12:00:01
    String.raw`^\s*\[?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]?\s`, // 12:00:01.123
    String.raw`^\s*[IWEF]\d{4} \d{2}:\d{2}:\d{2}`, // glog: I0105 12:00:01
    String.raw`^\s*\[\s*\d+\.\d+\]\s`, // dmesg: [   12.345678]
  ].join('|'),
);
const logLevel = /^\s*\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRITICAL|FATAL|PANIC)\]?[\s:]/;
const levelAnywhere = /\b(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL|FATAL)\b|\[\d+\]|\bpid\b/i;

function isLogLine(text: string): boolean {
  return logStamp.test(text) || logLevel.test(text);
}

/** A log: two or more lines that start with a timestamp or a level (with their indented continuations). */
export const logLines: BlockDetector = (lines, index, free) => {
  const text = lines[index]!.text;
  if (!isLogLine(text)) return undefined;
  let last = index;
  let logCount = 1;
  while (free(last + 1) && !isBlank(lines[last + 1]!.text)) {
    const next = lines[last + 1]!.text;
    if (isLogLine(next)) logCount += 1;
    else if (!/^\s+\S/.test(next)) break;
    last += 1;
  }
  // One stamped line is a log line only when it also carries a level or a pid; a dated journal entry is prose.
  if (logCount < 2 && !(logStamp.test(text) && levelAnywhere.test(text))) return undefined;
  return { first: index, last, label: 'log' };
};

const tracebackStart = /^\s*Traceback \(most recent call last\):\s*$/;
const javaFrame = /^\s+at [\w$.<>]+\(.*\)\s*$/;
const exceptionLine = /^\s*(?:[\w$]+\.)*[\w$]*(?:Exception|Error|Throwable)(?::\s.*)?$/;

/** A Python traceback (to its final error line) or a Java stack trace (the exception line and its frames). */
export const stackTrace: BlockDetector = (lines, index, free) => {
  const text = lines[index]!.text;
  if (tracebackStart.test(text)) {
    let last = index;
    while (free(last + 1) && /^\s+\S/.test(lines[last + 1]!.text)) last += 1;
    if (free(last + 1) && /^[\w.]+(?::\s.*)?$/.test(lines[last + 1]!.text)) last += 1;
    return { first: index, last, label: 'traceback' };
  }
  if (!exceptionLine.test(text) || !javaFrame.test(lines[index + 1]?.text ?? '') || !free(index + 1)) return undefined;
  let last = index + 1;
  while (free(last + 1) && (javaFrame.test(lines[last + 1]!.text) || /^\s*(?:Caused by:|\.\.\. \d+ more)/.test(lines[last + 1]!.text))) last += 1;
  return { first: index, last, label: 'traceback' };
};
