import { markRegions, type RegionKind, type TextRegion } from './regions.js';
import { everydayPrograms } from './regions/shell.js';
import { findWikiLinks } from './wikilinks.js';

/**
 * How a note's text is laid out for extraction: which lines are prose, headings, code, commands or machine output,
 * which spans are never mentions (URLs, paths, dates, redaction marks, fence lines and prompts), and where the
 * author marked a term (inline code, wikilinks). Pure and computed once per note; every later stage reads it
 * instead of guessing. Everything about code, commands and output comes from the region model (`markRegions`):
 * this module only reads it line by line.
 */
export type LineKind = 'prose' | 'heading' | 'code' | 'command' | 'output' | 'config' | 'table' | 'fence';

export interface Span {
  start: number;
  end: number;
}

export interface LayoutLine extends Span {
  kind: LineKind;
  /** For a command: where the program it runs is named ("ovs-vsctl" in "$ sudo ovs-vsctl add-br br0"). */
  command?: Span;
  /** A prose line that ends in a command ("查看流表：ovs-ofctl dump-flows br0"): where the command starts. */
  codeFrom?: number;
  /** A heading only by guess: the first line of a plain-text note, short and without sentence punctuation. */
  guessedTitle?: boolean;
}

export interface NoteLayout {
  text: string;
  regions: TextRegion[];
  lines: LayoutLine[];
  /** Sorted, disjoint spans that are never mentions. */
  masked: Span[];
  /** Inline code and wikilink targets in prose: the author marked these as terms. */
  marked: Span[];
  /**
   * Bold phrases (`**consistent hashing**`, `__归置组__`): the author marked these too, but bold also carries
   * labels and whole clauses, so only a term that is the whole span counts as marked (see isWholeSpan).
   */
  emphasized: Span[];
}

/** Which region decides a line's kind when regions nest (a command inside a fenced block is a command). */
const precedence: readonly RegionKind[] = ['markup', 'command', 'output', 'config', 'table', 'heading', 'code'];
const lineKindOf: Partial<Record<RegionKind, LineKind>> = { markup: 'fence', command: 'command', output: 'output', config: 'config', table: 'table', heading: 'heading', code: 'code' };

export interface LayoutOptions {
  /** Mask patterns of every pack, compiled with the global flag. */
  maskPatterns: readonly RegExp[];
  /** The regions of `text`, when an earlier stage computed them (`markRegions(text)` otherwise). */
  regions?: TextRegion[];
}

/**
 * Where a command's program is named: its first occurrence in the command's first line (after wrappers). An
 * everyday program (cd, cat, mkdir) names no tool of the notes: no span.
 */
function programSpan(text: string, region: TextRegion): Span | undefined {
  if (!region.program || everydayPrograms.has(region.program)) return undefined;
  const newline = text.indexOf('\n', region.start);
  const firstLine = text.slice(region.start, newline < 0 || newline > region.end ? region.end : newline);
  const at = firstLine.search(new RegExp(`(?<![\\w.-])${region.program.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
  return at < 0 ? undefined : { start: region.start + at, end: region.start + at + region.program.length };
}

/** A line of a note with the regions that overlap it. */
function kindOfLine(text: string, line: Span, overlapping: readonly TextRegion[]): LayoutLine {
  const indent = text.slice(line.start, line.end).search(/\S/);
  const contentStart = indent < 0 ? line.start : line.start + indent;
  const entry: LayoutLine = { start: line.start, end: line.end, kind: 'prose' };
  for (const kind of precedence) {
    const region = overlapping.find((candidate) => candidate.kind === kind && (kind !== 'markup' || candidate.label !== 'prompt'));
    if (!region) continue;
    if (kind === 'command' && region.start > contentStart && !overlapping.some((other) => other.kind === 'markup' && other.label === 'prompt')) {
      // A command after a label in prose ("查看流表：ovs-ofctl …"): the line stays prose up to the command.
      const enclosing = precedence.slice(precedence.indexOf('command') + 1).find((outer) => overlapping.some((other) => other.kind === outer));
      if (enclosing === undefined && region.start > line.start) {
        entry.codeFrom = region.start;
        const program = programSpan(text, region);
        if (program) entry.command = program;
        return entry;
      }
    }
    entry.kind = lineKindOf[kind]!;
    if (kind === 'command' && region.start >= line.start) {
      const program = programSpan(text, region);
      if (program) entry.command = program;
    }
    return entry;
  }
  return entry;
}

/** A first line that names its note: short, no sentence punctuation, not a comment or a line of code. */
function readsLikeTitle(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && line.length <= 80 && !/[。，；：,;]|:\s/.test(line) && !/^(?:\/\/|\/\*|#|--)|[{(:).!?！？]$/.test(trimmed);
}

/**
 * The kind of every line, read from the regions in one sweep (regions are sorted by start, and few of them
 * overlap any one line). The first line of a plain-text note is its title when it reads like one: short, no
 * sentence punctuation.
 */
function classifyLines(text: string, regions: readonly TextRegion[]): LayoutLine[] {
  const lines: LayoutLine[] = [];
  const active: TextRegion[] = [];
  let next = 0;
  let start = 0;
  let first = true;
  for (const lineText of text.split('\n')) {
    const end = start + lineText.length;
    while (next < regions.length && regions[next]!.start <= end) active.push(regions[next++]!);
    for (let i = active.length - 1; i >= 0; i -= 1) if (active[i]!.end < start || (active[i]!.end === start && end > start)) active.splice(i, 1);
    const overlapping = active.filter((region) => region.kind !== 'inline-code' && (end > start ? region.start < end && region.end > start : region.start <= start && region.end >= end));
    const entry = kindOfLine(text, { start, end }, overlapping);
    if (first && entry.kind === 'prose' && entry.codeFrom === undefined && readsLikeTitle(lineText)) {
      entry.kind = 'heading';
      entry.guessedTitle = true;
    }
    lines.push(entry);
    if (lineText.trim() !== '') first = false;
    start = end + 1;
  }
  return lines;
}

const alwaysMasked = [
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)\]，。]+/gi, // URLs
  /[\w.+-]+@[\w-]+\.[\w.-]+/g, // e-mail addresses
  /\[REDACTED(?::[a-z-]+)?\]/g,
  /<\/?[A-Za-z][\w-]*(?:\s[^<>\n]*)?\/?>/g, // HTML tags in prose (<pre>, </font>, <br/>): markup, never a mention
  /(?<![\w.~-])(?:~|\.{1,2})?(?:\/[\w.@%+-]+){2,}\/?/gm, // paths: /usr/local/lib, ./a/b
  /(?<![\w./-])[\w.-]+(?:\/[\w.-]+){2,}\/?/g, // relative paths: nova/api/openstack/compute/
  /\b[A-Za-z]:\\[^\s]+/g, // Windows paths
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, // UUIDs
];

/** URLs, paths, dates and the packs' patterns, and markup: fence lines with their labels, shell prompts. */
function maskedSpans(text: string, regions: readonly TextRegion[], options: LayoutOptions): Span[] {
  const spans: Span[] = [];
  for (const pattern of [...alwaysMasked, ...options.maskPatterns]) {
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  for (const region of regions) if (region.kind === 'markup') spans.push({ start: region.start, end: region.end });
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

/** Inline code (short spans: a long one is a snippet, not a name) and the targets of wikilinks. */
function markedSpans(text: string, regions: readonly TextRegion[]): Span[] {
  const spans: Span[] = [];
  for (const region of regions) if (region.kind === 'inline-code' && region.end - region.start <= 60) spans.push({ start: region.start, end: region.end });
  for (const link of findWikiLinks(text)) {
    const open = text.indexOf(link.target, link.start);
    if (open >= 0) spans.push({ start: open, end: open + link.target.length });
  }
  return mergeSpans(spans);
}

/** `**…**` or `__…__` on one line, not starting or ending in a space, at most 60 characters inside. */
const boldPhrase = /(\*\*|__)(?=[^\s*_])([^*_\n]{1,60}?)(?<=[^\s*_])\1/g;

/** The insides of bold phrases outside code (in code, `**` is an operator and `__` a name). */
function emphasizedSpans(text: string, regions: readonly TextRegion[]): Span[] {
  if (!text.includes('**') && !text.includes('__')) return [];
  const code = mergeSpans(regions.filter((region) => region.kind !== 'heading' && region.kind !== 'table').map(({ start, end }) => ({ start, end })));
  const spans: Span[] = [];
  for (const match of text.matchAll(boldPhrase)) {
    const start = match.index + match[1]!.length;
    const span = { start, end: start + match[2]!.length };
    if (!overlapsSpan(code, match.index, match.index + match[0].length)) spans.push(span);
  }
  return spans;
}

export function layoutNote(text: string, options: LayoutOptions): NoteLayout {
  const regions = options.regions ?? markRegions(text);
  return {
    text,
    regions,
    lines: classifyLines(text, regions),
    masked: maskedSpans(text, regions, options),
    marked: markedSpans(text, regions),
    emphasized: emphasizedSpans(text, regions),
  };
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

/** Whether [start, end) is exactly one of the sorted, disjoint spans. */
export function isWholeSpan(spans: readonly Span[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.start < start) low = middle + 1;
    else high = middle;
  }
  return low < spans.length && spans[low]!.start === start && spans[low]!.end === end;
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
