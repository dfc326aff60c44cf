import { contextAround, evidence, type NoteCandidates, type TermOccurrence } from './discover-candidates.js';
import type { TermAnalyzer } from './languages/extraction-rules.js';

/**
 * Counts of every candidate term over the corpus, keyed by a folded form: case, spaces, hyphens and underscores
 * fold ("Nova API", "nova-api", "nova api"), and a plural folds into its singular when the corpus also uses the
 * singular ("smart pointers" → "smart pointer", "OSDs" → "OSD", but "Rails" stays: nobody writes "Rail").
 */
export interface TermTally {
  key: string;
  /** Lower-case words of the first occurrence. */
  words: string[];
  pack: number;
  occurrences: number;
  notes: number;
  /** Up to three distinct contexts: one passage copied into many notes is one context. */
  contexts: Set<string>;
  /** Notes where the term is in a heading, marked (backticks, wikilink), or a command word. */
  headingNotes: number;
  markedNotes: number;
  commandNotes: number;
  /** Occurrences capitalised mid-sentence, lower-case mid-sentence, at a sentence start, inside another script. */
  capitalMid: number;
  foreign: number;
  lowerMid: number;
  sentenceStart: number;
  surfaces: Map<string, number>;
  /** Internal: the last note counted, so notes count once however often they use the term. */
  lastNote: number;
  lastBits: number;
}

export interface CorpusTally {
  terms: Map<string, TermTally>;
  /** Prose words per pack, lower-case, with counts. */
  words: Map<string, number>[];
  /** Total prose words per pack. */
  totals: number[];
  /** Latin words of code, command and config lines. */
  codeWords: Map<string, number>;
  notes: number;
}

/** The folding key of a surface: lower-case, separators dropped. */
export function foldKey(words: readonly string[]): string {
  return words.join('').toLowerCase().replace(/[\s_-]+/g, '');
}

function addOccurrence(tally: CorpusTally, occurrence: TermOccurrence, noteIndex: number, text: string): void {
  const key = foldKey(occurrence.words);
  let term = tally.terms.get(key);
  if (!term) {
    term = {
      key, words: occurrence.words, pack: occurrence.pack, occurrences: 0, notes: 0, contexts: new Set(), headingNotes: 0, markedNotes: 0,
      commandNotes: 0, capitalMid: 0, foreign: 0, lowerMid: 0, sentenceStart: 0, surfaces: new Map(), lastNote: -1, lastBits: 0,
    };
    tally.terms.set(key, term);
  }
  const bits = occurrence.evidence;
  // Written as one word somewhere ("osdmap" next to "osd map"): it is a word, not a phrase.
  if (occurrence.words.length === 1 && term.words.length > 1) term.words = occurrence.words;
  if (term.lastNote !== noteIndex) {
    term.notes += 1;
    term.lastNote = noteIndex;
    term.lastBits = 0;
  }
  // Command words are uses of a tool, not prose: they count as notes and evidence, not as prose occurrences.
  if (bits & evidence.command) {
    if (!(term.lastBits & evidence.command)) term.commandNotes += 1;
  } else {
    term.occurrences += 1;
    if (bits & evidence.capitalMid) term.capitalMid += 1;
    if (bits & evidence.foreign) term.foreign += 1;
    if (bits & evidence.lowerMid) term.lowerMid += 1;
    if (bits & evidence.sentenceStart) term.sentenceStart += 1;
    if (bits & evidence.heading && !(term.lastBits & evidence.heading)) term.headingNotes += 1;
    if (bits & evidence.marked && !(term.lastBits & evidence.marked)) term.markedNotes += 1;
  }
  term.lastBits |= bits;
  if (term.contexts.size < 3) term.contexts.add(contextAround(text, occurrence.start, occurrence.end));
  term.surfaces.set(occurrence.surface, (term.surfaces.get(occurrence.surface) ?? 0) + 1);
}

export function emptyTally(packs: number): CorpusTally {
  return { terms: new Map(), words: Array.from({ length: packs }, () => new Map()), totals: new Array<number>(packs).fill(0), codeWords: new Map(), notes: 0 };
}

/** Adds one note's candidates; notes must be added one after another, each once. */
export function addNote(tally: CorpusTally, candidates: NoteCandidates): void {
  const noteIndex = tally.notes;
  tally.notes += 1;
  for (const occurrence of candidates.occurrences) addOccurrence(tally, occurrence, noteIndex, candidates.text);
  for (const [word, count] of candidates.codeWords) tally.codeWords.set(word, (tally.codeWords.get(word) ?? 0) + count);
  candidates.words.forEach((counts, pack) => {
    const words = tally.words[pack]!;
    for (const [word, count] of counts) {
      words.set(word, (words.get(word) ?? 0) + count);
      tally.totals[pack]! += count;
    }
  });
}

function mergeInto(target: TermTally, source: TermTally): void {
  target.occurrences += source.occurrences;
  // Notes may overlap; the larger count is the safe lower bound of the union, the sum an upper bound.
  target.notes = Math.max(target.notes, source.notes) + Math.floor(Math.min(target.notes, source.notes) / 2);
  for (const context of source.contexts) if (target.contexts.size < 3) target.contexts.add(context);
  target.headingNotes += source.headingNotes;
  target.markedNotes += source.markedNotes;
  target.commandNotes += source.commandNotes;
  target.capitalMid += source.capitalMid;
  target.foreign += source.foreign;
  target.lowerMid += source.lowerMid;
  target.sentenceStart += source.sentenceStart;
  for (const [surface, count] of source.surfaces) target.surfaces.set(surface, (target.surfaces.get(surface) ?? 0) + count);
}

/**
 * Folds plurals into singulars the corpus uses. Returns, for every key that was folded away, the key it
 * joined, so later stages (aliases, the lexicon) can follow it.
 */
export function foldPlurals(tally: CorpusTally, analyzers: readonly TermAnalyzer[]): Map<string, string> {
  const folded = new Map<string, string>();
  for (const term of [...tally.terms.values()]) {
    const last = term.words.at(-1)!;
    // The case of the surface matters to the fold ("OSDs" loses its "s", "DNS" does not): take the commonest.
    const surface = [...term.surfaces].sort((a, b) => b[1] - a[1])[0]![0];
    // A phrase also written as one word ("RadosGateWay" next to "RADOS Gateway") has one word: fold that word whole.
    const parts = surface.split(/\s+/);
    const tailSurface = (parts.length === term.words.length ? parts.at(-1)! : parts.join('')).split('-').at(-1)!;
    const tail = last.split('-').at(-1)!;
    const singularTail = analyzers[term.pack]!.foldWord(tailSurface);
    if (singularTail === tail || singularTail === '') continue;
    const singularKey = foldKey([...term.words.slice(0, -1), last.slice(0, last.length - tail.length) + singularTail]);
    const target = tally.terms.get(singularKey);
    // "Rails" does not fold into a "rail" written once: the singular must be in real use next to the plural.
    if (!target || target === term || target.occurrences * 10 < term.occurrences) continue;
    mergeInto(target, term);
    tally.terms.delete(term.key);
    folded.set(term.key, target.key);
  }
  return folded;
}
