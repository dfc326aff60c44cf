import type { ExtractionRules, TermToken } from './languages/extraction-rules.js';
import { overlapsSpan, SpanCursor, type LayoutLine, type NoteLayout, type Span } from './discover-layout.js';

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
  /** The characters around it, folded: the same context everywhere means one passage copied around. */
  context: string;
}

export interface NoteCandidates {
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
  run: RegExp;
}

export function packWords(rules: ExtractionRules): PackWords {
  return {
    rules,
    functionWords: new Set(rules.functionWords),
    stopwords: new Set(rules.stopwords),
    run: new RegExp(rules.terms.run.source, rules.terms.run.flags.includes('g') ? rules.terms.run.flags : `${rules.terms.run.flags}g`),
  };
}

/** Up to four characters either side of [start, end), full-width folded, spaces dropped, lower-cased. */
export function contextAround(text: string, start: number, end: number): string {
  const fold = (value: string) => value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return `${fold(text.slice(Math.max(0, start - 12), start)).slice(-4)}|${fold(text.slice(end, end + 12)).slice(0, 4)}`;
}

const maxPhraseWords = 3;
const codeWord = /[A-Za-z][A-Za-z0-9.+#-]*[A-Za-z0-9+#]|[A-Za-z]/g;
// A word that is no term on its own: numbers, version strings, single letters, identifiers with underscores.
const notAWord = /^(?:[\d.,:/x-]+|v?\d[\w./-]*|.|\w*_\w*|\w{1,2}\.\w+)$/i;
// What ends a sentence or opens a list item: the next word is capitalised for the sentence, not for itself.
const sentenceBreak = /(?:[.!?。！？:：;；•*>|(#\-–—"“]|\d[.)、])$/;

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

function dominantPackOf(lineText: string, packs: readonly PackWords[]): number | undefined {
  let best: number | undefined;
  let bestWeight = 0;
  packs.forEach((words, index) => {
    words.run.lastIndex = 0;
    let weight = 0;
    for (const match of lineText.matchAll(words.run)) weight += match[0].replace(/\s+/g, '').length / charactersPerWord(words);
    if (weight > bestWeight) [best, bestWeight] = [index, weight];
  });
  return best;
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

function emitRun(scan: LineScan, packIndex: number, words: PackWords, runText: string, runStart: number): void {
  const foreign = scan.dominantPack !== undefined && scan.dominantPack !== packIndex;
  let tokens = words.rules.terms.segment(runText);
  // One word of another language inside this text is a name (crush算法, 使用 pool): never a verb or an adjective.
  if (foreign && tokens.length <= 2) tokens = tokens.map((token) => (token.tag === 'function' || token.tag === 'num' ? token : { ...token, tag: 'propn' }));
  // Capitals mid-sentence make a name of a verb or an adjective ("React", "Swift", "Rust"), never of a function word.
  tokens = tokens.map((token) =>
    /^[A-Z]/.test(token.text) && token.tag !== 'function' && token.tag !== 'propn' && !startsSentence(scan.layout.text, scan.line.start, runStart + token.index) ? { ...token, tag: 'propn' } : token,
  );
  const counts = scan.out.words[packIndex]!;
  const { text } = scan.layout;
  const joiner = words.rules.terms.joiner;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const lower = token.text.toLowerCase();
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
    for (let size = 1; size <= maxPhraseWords && i + size <= tokens.length; size += 1) {
      const parts = tokens.slice(i, i + size);
      const last = parts[size - 1]!;
      if (!isTermWord(last, words, size === 1 ? 'alone' : 'head') || !parts.slice(0, -1).every((part) => isTermWord(part, words, 'modifier'))) continue;
      // A verb closes a term only after nouns (数据倾斜, 负载均衡), never after a verb or an adjective (查看网络).
      if (last.tag === 'verb' && !parts.slice(0, -1).every((part) => part.tag === 'noun' || part.tag === 'verbal')) continue;
      if (size > 1 && parts.reduce((sum, part) => sum + part.text.length, 0) < words.rules.terms.minWordLength + 1) continue;
      // Words of a phrase must touch (one space in English, nothing in Chinese).
      const start = runStart + token.index;
      if (isFlag(text, start)) break;
      const end = runStart + last.index + last.text.length;
      const surface = text.slice(start, end);
      if (size > 1 && surface.replace(/[ \t]+/g, ' ') !== parts.map((part) => part.text).join(joiner)) continue;
      const lowerWords = parts.map((part) => part.text.toLowerCase());
      if (words.stopwords.has(lowerWords[0]!) && (size === 1 || words.stopwords.has(lowerWords.at(-1)!))) continue;
      if (size > 1 && words.rules.genericHeads.includes(lowerWords.at(-1)!)) continue;
      let bits = tokenEvidence(scan.line, text, start, token.text);
      if (foreign) bits |= evidence.foreign;
      if (overlapsSpan(scan.layout.marked, start, end)) bits |= evidence.marked;
      scan.out.occurrences.push({ words: lowerWords, surface, start, end, pack: packIndex, evidence: bits, context: contextAround(text, start, end) });
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
  scan.dominantPack = dominantPackOf(lineText, packs);
  packs.forEach((words, packIndex) => {
    words.run.lastIndex = 0;
    for (const match of lineText.matchAll(words.run)) emitRun(scan, packIndex, words, match[0], scan.line.start + match.index);
  });
}

function commandOccurrence(layout: NoteLayout, command: Span, packs: readonly PackWords[]): TermOccurrence | undefined {
  const surface = layout.text.slice(command.start, command.end);
  const packIndex = packs.findIndex((words) => new RegExp(words.run.source, 'u').test(surface));
  if (packIndex < 0) return undefined;
  return { words: [surface.toLowerCase()], surface, start: command.start, end: command.end, pack: packIndex, evidence: evidence.command, context: contextAround(layout.text, command.start, command.end) };
}

/** Candidates of one laid-out note: prose and heading lines by the packs' grammars, command words of command lines. */
export function noteCandidates(layout: NoteLayout, packs: readonly PackWords[]): NoteCandidates {
  const out: NoteCandidates = { occurrences: [], words: packs.map(() => new Map()), codeWords: new Map() };
  const masked = new SpanCursor(layout.masked);
  for (const line of layout.lines) {
    if (line.kind === 'prose' || line.kind === 'heading') {
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

