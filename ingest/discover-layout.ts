import { markRegions, type RegionKind, type TextRegion } from './regions.js';
import { findWikiLinks } from './wikilinks.js';

/**
 * How a note's text is laid out for extraction: which lines are prose, headings, code, commands or machine output,
 * which spans are never mentions (URLs, paths, dates, redaction marks, fence lines), and where the author marked a
 * term (backticks, wikilinks). Pure and computed once per note; every later stage reads it instead of guessing.
 * Regions come from `markRegions` (fenced code today, more kinds as it learns them); lines that look like code
 * in a plain-text notebook (no fences) are recognised here line by line.
 */
export type LineKind = 'prose' | 'heading' | 'code' | 'command' | 'output' | 'config' | 'table' | 'fence';

export interface Span {
  start: number;
  end: number;
}

export interface LayoutLine extends Span {
  kind: LineKind;
  /** For a command line: where its command word is ("ovs-vsctl" in "$ sudo ovs-vsctl add-br br0"). */
  command?: Span;
  /** A prose line that ends in a command ("查看流表：ovs-ofctl dump-flows br0"): where the command starts. */
  codeFrom?: number;
}

export interface NoteLayout {
  text: string;
  regions: TextRegion[];
  lines: LayoutLine[];
  /** Sorted, disjoint spans that are never mentions. */
  masked: Span[];
  /** Inline code and wikilink targets in prose: the author marked these as terms. */
  marked: Span[];
}

const regionLine: Record<RegionKind, LineKind> = { code: 'code', command: 'command', output: 'output', config: 'config', table: 'table', heading: 'heading', markup: 'fence', 'inline-code': 'prose' };

/**
 * A line of code, markup or a shell command rather than prose: prompts, comments, declarations, statements
 * ending in ; { }, assignments and calls in lines without Chinese.
 */
export function isCodeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  // Log lines ("2015-09-16 15:51:14.7 [30486] … debug into VmDiskChange") carry names from code too.
  if (/^\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|^\[?\d{2}:\d{2}:\d{2}/.test(trimmed)) return true;
  if (/^(?:[$#>%]\s|sudo\s|\/\/|\/\*|\*\s|<\/?[A-Za-z!?]|@[A-Za-z]|[}\])])/.test(trimmed)) return true;
  const keyword = /^(?:class|struct|interface|enum|module|def|func|function|import|package|public|private|protected|static|return|var|let|const|#include|#define|using|if|for|while|switch|case|try|catch|throw|new|fn|impl|pub|use)\b/;
  if (keyword.test(trimmed) && !/\s(?:the|a|an|is|are)\s/i.test(trimmed)) return true;
  if (/[{};]\s*$/.test(trimmed)) return true;
  if (/\p{Script=Han}/u.test(trimmed)) return false;
  return /\w\s*(?:=|:=|==|\+=|=>|::)\s*\S|\w\([^)]*\)|\w\.\w+\(/.test(trimmed);
}

// The command word of a shell line: after a prompt, sudo or a step number; lower-case, like a program name.
const commandStart = /^\s*(?:[$#>%]\s*|\d+[.)、]\s+)?(?:sudo\s+(?:-\S+\s+)*)?([a-z][a-z0-9.+-]*[a-z0-9])(?=\s|$)/;
// An assignment or a call is a statement of a program, not a command ("retry = budget(3)", "print(x)").
const statement = /^\s*[\w.]+\s*(?:[-+*/]?=(?!=)|\()/;
const promptStart = /^\s*(?:[$#>%]\s|sudo\s)/;
// Shell words and keywords that start lines of every script: not the use of a tool.
const shellWords = new Set(['cd', 'ls', 'echo', 'export', 'set', 'unset', 'source', 'if', 'then', 'else', 'fi', 'for', 'do', 'done', 'while', 'case', 'esac', 'exit', 'return', 'sudo', 'su', 'cat', 'mkdir', 'rm', 'cp', 'mv', 'chmod', 'chown', 'touch', 'pwd', 'true', 'false', 'test', 'eval', 'exec', 'alias', 'function', 'local', 'read', 'shift', 'wait', 'kill', 'sleep', 'which', 'man', 'history', 'clear', 'exit', 'logout', 'def', 'class', 'import', 'from', 'return', 'let', 'const', 'var', 'fn', 'pub', 'use', 'mod', 'impl', 'func', 'package', 'public', 'private', 'static', 'new', 'else', 'elif', 'end', 'begin', 'select', 'insert', 'update', 'delete', 'create', 'drop', 'alter', 'with', 'print', 'printf', 'puts', 'assert', 'raise', 'try', 'except', 'finally', 'yield', 'await', 'async']);

/** A plain-text line that reads like a shell command: ASCII words, no sentence words, no sentence end. */
function looksLikeCommand(line: string, functionWords: ReadonlySet<string>): boolean {
  const trimmed = line.trim();
  if (promptStart.test(trimmed)) return true;
  if (!/^[\x20-\x7e\t]+$/.test(trimmed) || /[.:!?]$/.test(trimmed) || /\s(?:->|=>)\s/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words.length > 16 || !/^[a-z][a-z0-9._+-]*$/.test(words[0]!)) return false;
  return !words.some((word) => functionWords.has(word.toLowerCase()));
}

function commandOf(text: string, start: number, end: number): Span | undefined {
  const line = text.slice(start, end);
  if (statement.test(line)) return undefined;
  const match = commandStart.exec(line);
  if (!match || shellWords.has(match[1]!)) return undefined;
  const at = start + match.index + match[0].length - match[1]!.length;
  return { start: at, end: at + match[1]!.length };
}

function regionKindAt(regions: readonly TextRegion[], start: number, end: number): RegionKind | undefined {
  // Regions are few and sorted; a linear scan per line would be quadratic on huge notes, so callers walk them.
  for (const region of regions) if (region.start <= start && end <= Math.max(region.end, region.start)) return region.kind;
  return undefined;
}

const fenceLine = /^\s*(?:`{3,}|~{3,})/;

export interface LayoutOptions {
  /** Function words of every language pack (a line with one is a sentence, not a command). */
  functionWords: ReadonlySet<string>;
  /** Mask patterns of every pack, compiled with the global flag. */
  maskPatterns: readonly RegExp[];
}

function classifyLines(text: string, regions: readonly TextRegion[], options: LayoutOptions): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let start = 0;
  let regionIndex = 0;
  let first = true;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    while (regionIndex < regions.length && regions[regionIndex]!.end < start) regionIndex += 1;
    const region = regionKindAt(regions.slice(regionIndex, regionIndex + 2), start, end);
    let kind: LineKind;
    if (fenceLine.test(line)) kind = 'fence';
    else if (region) kind = regionLine[region];
    else if (/^\s{0,3}#{1,6}\s/.test(line)) kind = 'heading';
    else if (isCodeLine(line)) kind = 'code';
    // The first line of a plain-text note is its title when it reads like one: short, no sentence punctuation.
    else if (first && line.trim() !== '' && line.length <= 80 && !/[。，；：,;]|:\s/.test(line)) kind = 'heading';
    else if (looksLikeCommand(line, options.functionWords)) kind = 'command';
    else kind = 'prose';
    const entry: LayoutLine = { start, end, kind };
    if (kind === 'prose') {
      // A label and a colon, then a command: the tail is code, its first word a use of the tool.
      const colon = Math.max(line.lastIndexOf('：'), line.lastIndexOf(': '));
      const tail = colon >= 0 ? line.slice(colon + 1) : '';
      if (tail.trim() !== '' && /\p{Script=Han}/u.test(line.slice(0, colon)) && looksLikeCommand(tail, options.functionWords)) {
        entry.codeFrom = start + colon + 1;
        const command = commandOf(text, entry.codeFrom, end);
        if (command) entry.command = command;
      }
    }
    if (kind === 'code' || kind === 'command') {
      const command = commandOf(text, start, end);
      if (command && (kind === 'command' || promptStart.test(line))) entry.command = command;
      if (command && region === 'code') entry.command = command;
    }
    lines.push(entry);
    if (line.trim() !== '') first = false;
    start = end + 1;
  }
  return lines;
}

const alwaysMasked = [
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)\]，。]+/gi, // URLs
  /[\w.+-]+@[\w-]+\.[\w.-]+/g, // e-mail addresses
  /\[REDACTED(?::[a-z-]+)?\]/g,
  /(?<![\w.~-])(?:~|\.{1,2})?(?:\/[\w.@%+-]+){2,}\/?/gm, // paths: /usr/local/lib, ./a/b
  /(?<![\w./-])[\w.-]+(?:\/[\w.-]+){2,}\/?/g, // relative paths: nova/api/openstack/compute/
  /\b[A-Za-z]:\\[^\s]+/g, // Windows paths
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, // UUIDs
];

function maskedSpans(text: string, lines: readonly LayoutLine[], options: LayoutOptions): Span[] {
  const spans: Span[] = [];
  for (const pattern of [...alwaysMasked, ...options.maskPatterns]) {
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  for (const line of lines) if (line.kind === 'fence') spans.push({ start: line.start, end: line.end });
  return mergeSpans(spans);
}

export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function markedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/(?<!`)`([^`\n]{1,60})`(?!`)/g)) spans.push({ start: match.index + 1, end: match.index + 1 + match[1]!.length });
  for (const link of findWikiLinks(text)) {
    const open = text.indexOf(link.target, link.start);
    if (open >= 0) spans.push({ start: open, end: open + link.target.length });
  }
  return mergeSpans(spans);
}

export function layoutNote(text: string, options: LayoutOptions): NoteLayout {
  const regions = markRegions(text);
  const lines = classifyLines(text, regions, options);
  return { text, regions, lines, masked: maskedSpans(text, lines, options), marked: markedSpans(text) };
}

/**
 * A cursor over sorted, disjoint spans for offsets visited in increasing order: answers "is this inside a span"
 * in amortised constant time, so checking every hit of a huge note stays linear.
 */
export class SpanCursor {
  private index = 0;
  constructor(private readonly spans: readonly Span[]) {}

  /** The span that overlaps [start, end), if any; `start` must not decrease between calls. */
  overlapping(start: number, end: number): Span | undefined {
    while (this.index < this.spans.length && this.spans[this.index]!.end <= start) this.index += 1;
    const span = this.spans[this.index];
    return span && span.start < end ? span : undefined;
  }

  /** Every span that overlaps [start, end); same monotonic contract. */
  allOverlapping(start: number, end: number): Span[] {
    this.overlapping(start, end);
    const found: Span[] = [];
    for (let i = this.index; i < this.spans.length && this.spans[i]!.start < end; i += 1) found.push(this.spans[i]!);
    return found;
  }
}

/** Whether [start, end) overlaps one of the sorted, disjoint spans (binary search: any order of queries). */
export function overlapsSpan(spans: readonly Span[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  return low < spans.length && spans[low]!.start < end;
}

/** A cursor over the note's lines, same contract as SpanCursor: the line containing an offset. */
export class LineCursor {
  private index = 0;
  constructor(private readonly lines: readonly LayoutLine[]) {}

  at(offset: number): LayoutLine {
    while (this.index < this.lines.length - 1 && this.lines[this.index]!.end < offset) this.index += 1;
    return this.lines[this.index]!;
  }
}
