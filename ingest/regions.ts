/**
 * Regions of a note's text that are not running prose: code, commands, output, configuration, tables,
 * headings, markup. Pure: `markRegions(text)` looks only at the text, so any stage can ask for the regions of
 * a note's final (cleaned, deduplicated) text and get the same offsets. Discovery and relation extraction read
 * regions to treat code and output differently from sentences (issue "Ingest 2", item 2).
 *
 * Regions nest: a fenced or indented block is one `code` region, and the command lines and output inside it
 * are marked again as `command` and `output`. Outside blocks, lines are classified one by one.
 */
import { asciiTable, columnOutput, logLines, markdownTable, stackTrace, type BlockDetector } from './regions/output.js';
import { envBlock, iniBlock, jsonBlock, xmlBlock, yamlBlock } from './regions/config.js';
import { indentedCode, singleCodeLine, unfencedCode } from './regions/code-blocks.js';
import { isCodeLine } from './regions/code-lines.js';
import { fenceKind, findFences, inspectsBody, scriptLabels, terminalLabels, type Fence } from './regions/fences.js';
import { atxHeading, numberedHeading, setextHeading } from './regions/headings.js';
import { hasCjk, indexLines, isBlank, isProseLike, plainWordShare, type Line, type LineBlock } from './regions/lines.js';
import { continuesCommand, looksLikeBareCommand, looksLikeCommand, looksLikePlainCommand, programOf, promptOf, type PromptOptions } from './regions/shell.js';

/**
 * - `code`: a code block (fenced, indented, or an unfenced run of code lines); `label` = fence label or `indented`.
 * - `command`: one command line (continuations included), prompt excluded; `program` = what it runs.
 * - `output`: what a command printed: column tables, bordered tables, logs, stack traces, session output.
 * - `config`: YAML, JSON, INI, env, XML (and fences labelled with a config format); `label` = the format.
 * - `table`: a Markdown table (author-written cells: prose-like, unlike `output`).
 * - `heading`: an ATX, setext or numbered heading line; `level` 1–6.
 * - `markup`: syntax around content: fence lines (`label` = the fence label), shell prompts.
 * - `inline-code`: the inside of a `backtick` span in prose — written by the author as a name, still a mention.
 * Added to the first version's five kinds: `command` (a command's first word names a tool, unlike output),
 * `markup` (fence labels and prompts are metadata, never mentions) and `inline-code` (evidence for a term).
 */
export type RegionKind = 'code' | 'command' | 'output' | 'config' | 'table' | 'heading' | 'markup' | 'inline-code';

export interface TextRegion {
  kind: RegionKind;
  /** Character offsets into the note text, end exclusive. For fenced code: the body, fences excluded. */
  start: number;
  end: number;
  /** Fence label (```bash → "bash"), config format, output shape (table, log, traceback, session). Metadata, never a mention. */
  label?: string;
  /** Heading level. */
  level?: number;
  /** The program a command line runs (`sudo kubectl get pods` → "kubectl"). */
  program?: string;
}

/** Machine text: a word seen only in these regions is not used in prose (commands aside, which name their tool). */
export const nonProseKinds: readonly RegionKind[] = ['code', 'command', 'output', 'config', 'markup'];

const blockDetectors: readonly [RegionKind, BlockDetector][] = [
  ['table', markdownTable],
  ['output', asciiTable],
  ['output', stackTrace],
  ['output', logLines],
  ['output', columnOutput],
  ['config', jsonBlock],
  ['config', xmlBlock],
  ['config', envBlock],
  ['config', iniBlock],
  ['heading', atxHeading],
  ['heading', setextHeading],
  ['heading', numberedHeading],
  ['config', yamlBlock],
  ['code', indentedCode],
  ['code', unfencedCode],
];
/** After prompts and commands: a lone line of code between prose lines. */
const lineDetectors: readonly [RegionKind, BlockDetector][] = [['code', singleCodeLine]];
/** Inside an unlabelled or session block: what a command may have printed. */
const outputDetectors: readonly [RegionKind, BlockDetector][] = [
  ['output', asciiTable],
  ['output', stackTrace],
  ['output', logLines],
  ['output', columnOutput],
  ['config', jsonBlock],
  ['config', yamlBlock],
];

class RegionBuilder {
  readonly regions: TextRegion[] = [];
  private readonly claimed: Uint8Array;

  constructor(readonly lines: readonly Line[]) {
    this.claimed = new Uint8Array(lines.length);
  }

  free = (row: number): boolean => row >= 0 && row < this.lines.length && this.claimed[row] === 0;

  claim(first: number, last: number): void {
    this.claimed.fill(1, first, last + 1);
  }

  add(kind: RegionKind, first: number, last: number, extra: Partial<TextRegion> = {}): void {
    this.regions.push({ kind, start: this.lines[first]!.start, end: this.lines[last]!.end, ...extra });
  }

  addBlock(kind: RegionKind, block: LineBlock): void {
    this.add(kind, block.first, block.last, { ...(block.label ? { label: block.label } : {}), ...(block.level ? { level: block.level } : {}) });
  }
}

/** The last line of a fence's body: the line before the closing fence, or the closing line itself for `code</pre>`. */
function lastBodyLine(lines: readonly Line[], fence: Fence): number {
  return fence.closeInline ? fence.close! : (fence.close ?? lines.length) - 1;
}

function fenceBody(lines: readonly Line[], fence: Fence): TextRegion {
  const bodyFirst = fence.open + 1;
  const bodyLast = lastBodyLine(lines, fence);
  const start = bodyFirst < lines.length ? lines[bodyFirst]!.start : lines[fence.open]!.end;
  const end = bodyLast >= bodyFirst ? lines[bodyLast]!.end : start;
  return { kind: fenceKind(fence.label), start, end, ...(fence.label ? { label: fence.label } : {}) };
}

function markFences(builder: RegionBuilder): void {
  const { lines } = builder;
  for (const fence of findFences(lines)) {
    const label = fence.label ? { label: fence.label } : {};
    builder.add('markup', fence.open, fence.open, label);
    if (fence.closeInline) {
      const close = lines[fence.close!]!;
      const tag = close.text.search(/<\/pre>\s*$/i);
      builder.regions.push({ kind: 'markup', start: close.start + tag, end: close.end, ...label });
    } else if (fence.close !== undefined) builder.add('markup', fence.close, fence.close, label);
    const body = fenceBody(lines, fence);
    // The body of `code</pre>` stops before the tag.
    if (fence.closeInline) body.end = Math.max(body.start, lines[fence.close!]!.start + lines[fence.close!]!.text.search(/<\/pre>\s*$/i));
    builder.regions.push(body);
    builder.claim(fence.open, fence.close ?? lines.length - 1);
    const bodyLast = lastBodyLine(lines, fence);
    if (bodyLast > fence.open && inspectsBody(fence.label)) markInsideBlock(builder, fence.open + 1, bodyLast, fence.label);
  }
}

/** A command starting on `row` (with its `\` continuations): the prompt as markup, the command with its program. */
function addCommand(builder: RegionBuilder, row: number, commandStart: number, repl: boolean): number {
  const { lines } = builder;
  let last = row;
  while (last + 1 < lines.length && continuesCommand(lines[last]!.text)) last += 1;
  const line = lines[row]!;
  if (commandStart > 0) builder.regions.push({ kind: 'markup', start: line.start, end: line.start + commandStart, label: 'prompt' });
  const program = repl ? undefined : programOf(line.text.slice(commandStart));
  builder.regions.push({ kind: 'command', start: line.start + commandStart, end: lines[last]!.end, ...(program ? { program } : {}) });
  return last;
}

/** Commands, session output, tables and logs inside a code block (rows `first`..`last`). */
function markInsideBlock(builder: RegionBuilder, first: number, last: number, label: string): void {
  const { lines } = builder;
  const script = scriptLabels.has(label);
  // In a fence labelled with a language (sql, python) a line without a prompt is a statement of it, not a command.
  const terminal = terminalLabels.has(label);
  const options: PromptOptions = { inCode: true, hashComments: !terminalLabels.has(label) };
  const rows = lines.slice(first, last + 1);
  const prompted = rows.some((line) => promptOf(line.text, options));
  const mostlyCode = rows.filter((line) => isCodeLine(line.text)).length > rows.filter((line) => !isBlank(line.text)).length / 2;
  const inner = new Uint8Array(lines.length);
  let outputFrom: number | undefined;
  const closeOutput = (row: number) => {
    let end = row - 1;
    while (outputFrom !== undefined && end >= outputFrom && isBlank(lines[end]!.text)) end -= 1;
    if (outputFrom !== undefined && end >= outputFrom) builder.add('output', outputFrom, end, { label: 'session' });
    outputFrom = undefined;
  };
  for (let row = first; row <= last; row += 1) {
    const text = lines[row]!.text;
    const prompt = promptOf(text, options);
    if (prompt) {
      closeOutput(row);
      const end = addCommand(builder, row, prompt.commandStart, prompt.repl);
      inner.fill(1, row, end + 1);
      row = end;
    } else if (prompted) {
      if (outputFrom === undefined && !isBlank(text)) outputFrom = row;
    } else if (script ? !isBlank(text) && !/^\s*#/.test(text) : terminal && !mostlyCode && (looksLikeBareCommand(text) || looksLikePlainCommand(text))) {
      const at = text.length - text.trimStart().length;
      const end = addCommand(builder, row, 0, false);
      builder.regions.at(-1)!.start = lines[row]!.start + at;
      inner.fill(1, row, end + 1);
      row = end;
    }
  }
  closeOutput(last + 1);
  if (prompted || script) return;
  const free = (row: number) => row >= first && row <= last && inner[row] === 0;
  runDetectors(builder, outputDetectors, first, last, free, (block) => inner.fill(1, block.first, block.last + 1));
}

function runDetectors(
  builder: RegionBuilder,
  detectors: readonly [RegionKind, BlockDetector][],
  first: number,
  last: number,
  free: (row: number) => boolean,
  claim: (block: LineBlock) => void,
): void {
  const { lines } = builder;
  for (let row = first; row <= last; row += 1) {
    if (!free(row) || isBlank(lines[row]!.text)) continue;
    for (const [kind, detect] of detectors) {
      const block = detect(lines, row, free);
      if (!block) continue;
      builder.addBlock(kind, block);
      claim(block);
      if (kind === 'code') markInsideBlock(builder, block.first, block.last, '');
      row = block.last;
      break;
    }
  }
}

/** Outside code blocks, a line under a prompted command is its output only if it does not read as words or another command. */
function looksLikeOutput(text: string): boolean {
  if (isBlank(text) || isProseLike(text) || plainWordShare(text) >= 0.6) return false;
  return !promptOf(text, { inCode: false, hashComments: false }) && !looksLikeBareCommand(text) && !/^\s*(?:#|[-*+]\s|\d+[.)]\s)/.test(text);
}

/**
 * "查看流表：ovs-ofctl dump-flows br0", "列出网桥: ovs-vsctl list-br": a label in prose, a colon, then a command.
 * The command is marked from its first word to the end of the line; the label stays prose. In Chinese text the
 * label is Han and the colon may be full-width; elsewhere the command needs a shell signal (a flag, a pipe).
 */
function markCommandTail(builder: RegionBuilder, row: number): void {
  const line = builder.lines[row]!;
  const colon = Math.max(line.text.lastIndexOf('：'), line.text.lastIndexOf(': '));
  if (colon < 0) return;
  const tail = line.text.slice(colon + 1);
  const hanLabel = hasCjk(line.text.slice(0, colon));
  if (tail.trim() === '' || !(looksLikeBareCommand(tail) || (hanLabel && looksLikePlainCommand(tail)))) return;
  const at = colon + 1 + (tail.length - tail.trimStart().length);
  const program = programOf(tail);
  builder.regions.push({ kind: 'command', start: line.start + at, end: line.end, ...(program ? { program } : {}) });
  builder.claim(row, row);
}

/** Lines outside every block: a prompt or a clear command line, and what a prompted command printed under it. */
function markCommandLines(builder: RegionBuilder): void {
  const { lines, free } = builder;
  for (let row = 0; row < lines.length; row += 1) {
    if (!free(row)) continue;
    const text = lines[row]!.text;
    const prompt = promptOf(text, { inCode: false, hashComments: false });
    if (!prompt && !looksLikeBareCommand(text) && !looksLikePlainCommand(text)) {
      markCommandTail(builder, row);
      continue;
    }
    const at = prompt ? prompt.commandStart : text.length - text.trimStart().length;
    let last = addCommand(builder, row, prompt ? at : 0, prompt?.repl ?? false);
    if (!prompt) builder.regions.at(-1)!.start = lines[row]!.start + at;
    builder.claim(row, last);
    if (!prompt) continue;
    const outputFirst = last + 1;
    while (free(last + 1) && looksLikeOutput(lines[last + 1]!.text)) last += 1;
    if (last >= outputFirst) {
      builder.add('output', outputFirst, last, { label: 'session' });
      builder.claim(outputFirst, last);
    }
    row = last;
  }
}

const inlineCode = /(`+)(?!`)(.+?)(?<!`)\1(?!`)/g;

/** Rows covered by machine-text regions (code, output, config, …), found with one sweep over sorted regions. */
function machineRows(builder: RegionBuilder): Uint8Array {
  const rows = new Uint8Array(builder.lines.length);
  const spans = builder.regions.filter((region) => nonProseKinds.includes(region.kind) && region.end > region.start).sort((a, b) => a.start - b.start);
  let next = 0;
  builder.lines.forEach((line, row) => {
    while (next < spans.length && spans[next]!.end < line.end) next += 1;
    for (let i = next; i < spans.length && spans[i]!.start <= line.start; i += 1) {
      if (spans[i]!.end >= line.end) {
        rows[row] = 1;
        break;
      }
    }
  });
  return rows;
}

/** Backtick spans on lines that are prose, headings or table rows. */
function markInlineCode(builder: RegionBuilder, text: string): void {
  const machine = machineRows(builder);
  builder.lines.forEach((line, row) => {
    if (machine[row] === 1 || !line.text.includes('`')) return;
    for (const match of line.text.matchAll(inlineCode)) {
      const start = line.start + match.index + match[1]!.length;
      const content = text.slice(start, start + match[2]!.length);
      const lead = content.length - content.trimStart().length;
      if (content.trim() !== '') builder.regions.push({ kind: 'inline-code', start: start + lead, end: start + lead + content.trim().length });
    }
  });
}

/** Every non-prose region of `text`, sorted by start (an enclosing region before the regions inside it). */
export function markRegions(text: string): TextRegion[] {
  const builder = new RegionBuilder(indexLines(text));
  markFences(builder);
  runDetectors(builder, blockDetectors, 0, builder.lines.length - 1, builder.free, (block) => builder.claim(block.first, block.last));
  markCommandLines(builder);
  runDetectors(builder, lineDetectors, 0, builder.lines.length - 1, builder.free, (block) => builder.claim(block.first, block.last));
  markInlineCode(builder, text);
  return builder.regions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The fenced code blocks of a Markdown text, bodies only (an unclosed fence runs to the end of the text). */
export function fencedCode(text: string): TextRegion[] {
  const lines = indexLines(text);
  return findFences(lines).map((fence) => fenceBody(lines, fence));
}

/** True when [start, end) lies inside one of `regions` (of the given kinds, or any kind). */
export function insideRegion(regions: readonly TextRegion[], start: number, end: number, kinds?: readonly RegionKind[]): boolean {
  return regions.some((region) => region.start <= start && end <= region.end && (!kinds || kinds.includes(region.kind)));
}
