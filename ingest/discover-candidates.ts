import type { ExtractionRules, TermToken } from './languages/extraction-rules.js';
import { isWholeSpan, overlapsSpan, SpanCursor, type LayoutLine, type NoteLayout, type Span } from './discover-layout.js';

/**
 * Term candidates of one note: every noun, and every short noun phrase the language's term grammar allows
 * (modifiers then a head, no function word inside), found in prose and headings; plus the command word of
 * each command line. Each occurrence carries the structural evidence around it. Pure; language knowledge
 * comes from the packs (segmenter, tags, function words, stopwords).
 */
export const evidence = {
  heading: 1,
  /** In backticks or a wikilink. */
  marked: 2,
  capitalMid: 4,
  sentenceStart: 8,
  command: 16,
  lowerMid: 32,
  /** Written in a run of another script's text: a Latin word inside Chinese prose is a name, not English. */
  foreign: 64,
} as const;

export interface TermOccurrence {
  /** Lower-case words (not yet singular). */
  words: string[];
  surface: string;
  start: number;
  end: number;
  /** Index of the language pack whose runs it came from. */
  pack: number;
  evidence: number;
}

export interface NoteCandidates {
  /** The note's text: contexts are cut from it only for the few occurrences whose context is kept. */
  text: string;
  occurrences: TermOccurrence[];
  /** Every word of prose, lower-case, per pack: the corpus side of termhood and of phrase association. */
  words: Map<string, number>[];
  /** Latin words of code and command lines, lower-case: a name used mostly in code is an identifier. */
  codeWords: Map<string, number>;
}

export interface PackWords {
  rules: ExtractionRules;
  functionWords: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  genericHeads: ReadonlySet<string>;
  run: RegExp;
  /** Roles of words seen so far, by tag then word (see rolesOf). */
  roles: Map<string, Map<string, TokenRoles>>;
}

export function packWords(rules: ExtractionRules): PackWords {
  return {
    rules,
    functionWords: new Set(rules.functionWords),
    stopwords: new Set(rules.stopwords),
    genericHeads: new Set(rules.genericHeads),
    roles: new Map(),
    run: new RegExp(rules.terms.run.source, rules.terms.run.flags.includes('g') ? rules.terms.run.flags : `${rules.terms.run.flags}g`),
  };
}

/** Up to four characters either side of [start, end), full-width folded, spaces dropped, lower-cased. */
const nonAscii = /[^\x00-\x7f]/;

// NFKC leaves ASCII as it is: most contexts need no normalising.
const foldContext = (value: string) => (nonAscii.test(value) ? value.normalize('NFKC') : value).replace(/\s+/g, '').toLowerCase();

export function contextAround(text: string, start: number, end: number): string {
  const fold = foldContext;
  return `${fold(text.slice(Math.max(0, start - 12), start)).slice(-4)}|${fold(text.slice(end, end + 12)).slice(0, 4)}`;
}

const maxPhraseWords = 3;
const codeWord = /[A-Za-z][A-Za-z0-9.+#-]*[A-Za-z0-9+#]|[A-Za-z]/g;
// A word that is no term on its own: numbers, version strings, single letters, identifiers with underscores.
const notAWord = /^(?:[\d.,:/x-]+|v?\d[\w./-]*|.|\w*_\w*|\w{1,2}\.\w+)$/i;
// What ends a sentence or opens a list item: the next word is capitalised for the sentence, not for itself.
const sentenceBreak = /(?:[.!?。！？:：;；•*>|(#\-–—"“‘[_]|\d[.)、])$/;

/** Whether the word at `at` starts its sentence (looks back a few characters only: linear on long lines). */
export function startsSentence(text: string, lineStart: number, at: number): boolean {
  const from = Math.max(lineStart, at - 8);
  const before = text.slice(from, at).trimEnd();
  if (before === '') return from === lineStart || at - from >= 8;
  return sentenceBreak.test(before);
}

function tokenEvidence(line: LayoutLine, text: string, at: number, token: string): number {
  // Headings are written in title case: their capitals say nothing about a word.
  if (line.kind === 'heading') return evidence.heading;
  let bits = 0;
  if (startsSentence(text, line.start, at)) bits |= evidence.sentenceStart;
  else if (/^[A-Z]/.test(token)) bits |= evidence.capitalMid;
  else if (/^[a-z]/.test(token)) bits |= evidence.lowerMid;
  return bits;
}

interface LineScan {
  layout: NoteLayout;
  line: LayoutLine;
  out: NoteCandidates;
  /** The pack whose script most of the line is written in (a Chinese line weighs a Han character as a word). */
  dominantPack?: number;
}

// Characters per word: a Han character is about a word, a Latin word about five letters.
const charactersPerWord = (words: PackWords) => (words.rules.terms.joiner === '' ? 1 : 5);

/** The runs of each pack in a line, and which pack's script most of the line is written in. */
function runsOf(lineText: string, packs: readonly PackWords[]): { runs: RegExpExecArray[][]; dominant: number | undefined } {
  let dominant: number | undefined;
  let bestWeight = 0;
  const runs = packs.map((words, index) => {
    words.run.lastIndex = 0;
    const found: RegExpExecArray[] = [];
    let characters = 0;
    for (let match = words.run.exec(lineText); match !== null; match = words.run.exec(lineText)) {
      if (match[0] === '') words.run.lastIndex += 1;
      else found.push(match);
      characters += match[0].length;
    }
    const weight = characters / charactersPerWord(words);
    if (weight > bestWeight) [dominant, bestWeight] = [index, weight];
    return found;
  });
  return { runs, dominant };
}

function isTermWord(token: TermToken, words: PackWords, role: 'modifier' | 'head' | 'alone'): boolean {
  const lower = token.text.toLowerCase();
  const { terms } = words.rules;
  if (words.functionWords.has(lower) || (notAWord.test(token.text) && !(role === 'head' && isSuffix(token, words)))) return false;
  if (role === 'alone') return token.text.length >= terms.minWordLength && terms.wordTags.includes(token.tag);
  // A one-character head closes a compound (水位线, 消费者组, 存储池): the language says which tags it may have.
  if (role === 'head' && isSuffix(token, words)) return true;
  return (role === 'head' ? terms.termHeads : terms.termModifiers).includes(token.tag);
}

function isSuffix(token: TermToken, words: PackWords): boolean {
  return token.text.length === 1 && words.rules.terms.suffixTags.includes(token.tag) && !words.functionWords.has(token.text);
}

/** A flag of a command ("-DartifactId=…", "--zap"): a dash right before the word, after a space. */
function isFlag(text: string, start: number): boolean {
  return text[start - 1] === '-' && (start < 2 || /[\s-]/.test(text[start - 2]!));
}

interface TokenRoles {
  lower: string;
  modifier: boolean;
  head: boolean;
  alone: boolean;
}

/** What each word of a run may be in a term: decided once per distinct word and tag, remembered per pack. */
function rolesOf(tokens: readonly TermToken[], words: PackWords): TokenRoles[] {
  const result = new Array<TokenRoles>(tokens.length);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    // One table per tag: no key string to build for every word of the corpus.
    let byText = words.roles.get(token.tag);
    if (!byText) words.roles.set(token.tag, (byText = new Map()));
    let roles = byText.get(token.text);
    if (!roles) {
      roles = { lower: token.text.toLowerCase(), modifier: isTermWord(token, words, 'modifier'), head: isTermWord(token, words, 'head'), alone: isTermWord(token, words, 'alone') };
      if (byText.size >= 200_000) byText.clear();
      byText.set(token.text, roles);
    }
    result[i] = roles;
  }
  return result;
}

/**
 * Words retagged as names for their capitals next to another capitalised word ("Stream Processing", "Kafka
 * Connect"): the capitals belong to the name as a whole; alone, the word is only what its dictionary tag says.
 */
const capital = (token: TermToken | undefined) => token !== undefined && token.text.charCodeAt(0) >= 65 && token.text.charCodeAt(0) <= 90;

function titleCaseRun(tokens: readonly TermToken[], original: readonly TermToken[], index: number): boolean {
  if (tokens[index] === original[index] || tokens[index]!.tag !== 'propn') return false;
  return capital(tokens[index - 1]) || capital(tokens[index + 1]);
}

function retagged(scan: LineScan, tokens: TermToken[], runStart: number, foreign: boolean): TermToken[] {
  // Headings are written in title case: their capitals make no names ("Use Configured Readable Formats").
  const capitalsSay = scan.line.kind !== 'heading';
  if (!foreign && !(capitalsSay && tokens.some((token) => token.text.charCodeAt(0) >= 65 && token.text.charCodeAt(0) <= 90))) return tokens;
  return tokens.map((token) => {
    if (token.tag === 'function' || token.tag === 'propn') return token;
    // One word of another language inside this text is a name (crush算法, 使用 pool): never a verb or an adjective.
    if (foreign && tokens.length <= 2 && token.tag !== 'num') return { ...token, tag: 'propn' };
    // Capitals mid-sentence make a name of a verb or an adjective ("React", "Swift", "Rust").
    const capital = capitalsSay && token.text.charCodeAt(0) >= 65 && token.text.charCodeAt(0) <= 90;
    if (capital && !startsSentence(scan.layout.text, scan.line.start, runStart + token.index)) return { ...token, tag: 'propn' };
    return token;
  });
}

/** Whether two tokens of a run touch as a phrase's words do: one space (or tab) apart in English, none in Chinese. */
function touches(runText: string, previous: TermToken, next: TermToken, joiner: string): boolean {
  const gapStart = previous.index + previous.text.length;
  if (joiner === '') return next.index === gapStart;
  // The token's text may have lost a trailing possessive or hyphen ("Redis's"): the gap is then not blank.
  for (let at = gapStart; at < next.index; at += 1) if (runText[at] !== ' ' && runText[at] !== '\t') return false;
  return next.index > gapStart;
}

function emitRun(scan: LineScan, packIndex: number, words: PackWords, runText: string, runStart: number): void {
  // Borrowing goes one way in technical notes: Latin words in Chinese text, rarely Chinese words in English text.
  const foreign = scan.dominantPack !== undefined && scan.dominantPack !== packIndex && words.rules.terms.joiner === ' ';
  const segmented = words.rules.terms.segment(runText);
  const tokens = retagged(scan, segmented, runStart, foreign);
  const roles = rolesOf(tokens, words);
  const counts = scan.out.words[packIndex]!;
  const { text } = scan.layout;
  const { joiner, minWordLength } = words.rules.terms;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    counts.set(roles[i]!.lower, (counts.get(roles[i]!.lower) ?? 0) + 1);
    if (!roles[i]!.alone && !roles[i]!.modifier) continue;
    const start = runStart + token.index;
    if (isFlag(text, start)) continue;
    let length = 0;
    for (let size = 1; size <= maxPhraseWords && i + size <= tokens.length; size += 1) {
      const lastIndex = i + size - 1;
      const last = tokens[lastIndex]!;
      length += last.text.length;
      if (size > 1 && !roles[lastIndex - 1]!.modifier) break;
      if (!(size === 1 ? roles[i]!.alone : roles[lastIndex]!.head)) continue;
      if (size === 1 && titleCaseRun(tokens, segmented, i)) continue;
      // A verb closes a term only after nouns (数据倾斜, 负载均衡), never after a verb or an adjective (查看网络).
      if (last.tag === 'verb' && !tokens.slice(i, lastIndex).every((part) => part.tag === 'noun' || part.tag === 'verbal')) continue;
      if (size > 1 && length < minWordLength + 1) continue;
      // Words of a phrase must touch (a space in English, nothing in Chinese): the gap before the last word.
      if (size > 1 && !touches(runText, tokens[lastIndex - 1]!, last, joiner)) break;
      const end = runStart + last.index + last.text.length;
      const lowerWords = roles.slice(i, lastIndex + 1).map((role) => role.lower);
      if (words.stopwords.has(lowerWords[0]!) && (size === 1 || words.stopwords.has(lowerWords[size - 1]!))) continue;
      if (size > 1 && words.genericHeads.has(lowerWords[size - 1]!)) continue;
      if (size > 1 && token.tag === 'person') continue;
      let bits = tokenEvidence(scan.line, text, start, token.text);
      if (foreign) bits |= evidence.foreign;
      if (scan.layout.marked.length > 0 && overlapsSpan(scan.layout.marked, start, end)) bits |= evidence.marked;
      else if (scan.layout.emphasized.length > 0 && isWholeSpan(scan.layout.emphasized, start, end)) bits |= evidence.marked;
      scan.out.occurrences.push({ words: lowerWords, surface: text.slice(start, end), start, end, pack: packIndex, evidence: bits });
    }
  }
}

function scanProseLine(scan: LineScan, packs: readonly PackWords[], masks: readonly Span[]): void {
  const { text } = scan.layout;
  let lineText = text.slice(scan.line.start, scan.line.codeFrom ?? scan.line.end);
  // Masked spans (URLs, paths, dates) become spaces: no run crosses them, offsets stay those of the note.
  for (const mask of masks) {
    const from = Math.max(mask.start, scan.line.start) - scan.line.start;
    const to = Math.min(mask.end, scan.line.end) - scan.line.start;
    if (to > from) lineText = lineText.slice(0, from) + ' '.repeat(to - from) + lineText.slice(to);
  }
  const { runs, dominant } = runsOf(lineText, packs);
  scan.dominantPack = dominant;
  packs.forEach((words, packIndex) => {
    for (const match of runs[packIndex]!) emitRun(scan, packIndex, words, match[0], scan.line.start + match.index!);
  });
}

function commandOccurrence(layout: NoteLayout, command: Span, packs: readonly PackWords[]): TermOccurrence | undefined {
  const surface = layout.text.slice(command.start, command.end);
  const packIndex = packs.findIndex((words) => new RegExp(words.run.source, 'u').test(surface));
  if (packIndex < 0 || packs.some((words) => words.functionWords.has(surface.toLowerCase()))) return undefined;
  return { words: [surface.toLowerCase()], surface, start: command.start, end: command.end, pack: packIndex, evidence: evidence.command };
}

/**
 * Candidates of one laid-out note: prose and heading lines by the packs' grammars, command words of command lines.
 * `skipLine` leaves out lines the corpus has already counted (boilerplate repeated across notes).
 */
export function noteCandidates(layout: NoteLayout, packs: readonly PackWords[], skipLine: (line: LayoutLine) => boolean = () => false): NoteCandidates {
  const out: NoteCandidates = { text: layout.text, occurrences: [], words: packs.map(() => new Map()), codeWords: new Map() };
  const masked = new SpanCursor(layout.masked);
  for (const line of layout.lines) {
    if (skipLine(line)) continue;
    // Markdown tables are written by the author (cue columns, comparisons): their cells are prose.
    if (line.kind === 'prose' || line.kind === 'heading' || line.kind === 'table') {
      scanProseLine({ layout, line, out }, packs, masked.allOverlapping(line.start, line.end));
      if (!line.command) continue;
    }
    if (line.kind === 'code' || line.kind === 'command' || line.kind === 'config') {
      for (const match of layout.text.slice(line.start, line.end).matchAll(codeWord)) {
        const lower = match[0].toLowerCase();
        out.codeWords.set(lower, (out.codeWords.get(lower) ?? 0) + 1);
      }
    }
    if (line.command) {
      const occurrence = commandOccurrence(layout, line.command, packs);
      if (occurrence) out.occurrences.push(occurrence);
    }
  }
  return out;
}

