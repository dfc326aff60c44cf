import { createRequire } from 'node:module';
import type { Candidate } from './discover-candidates.js';

/**
 * English noun phrases (2–3 words) from compromise. compromise tags at tens of KB/s and takes ~0.35 s to load,
 * so it is loaded on first use and only sees sentences that can yield a phrase worth keeping: a discovered
 * phrase must recur in at least two notes, so its first two words recur too, and a sentence whose content
 * bigrams occur in no other note is skipped. Results are cached by sentence text (the notes repeat).
 */
interface TaggedText {
  match(pattern: string): { out(format: 'array'): string[] };
}
type Tagger = (text: string) => TaggedText;

let loaded: Tagger | undefined;
// The "two" build has the part-of-speech tagger without "three"'s chunker, which a tag match does not need.
const tagger = (): Tagger => (loaded ??= createRequire(import.meta.url)('compromise/two') as Tagger);
const cache = new Map<string, string[]>();

const determiners = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'your', 'my', 'his', 'her', 'some', 'any', 'each', 'every', 'all', 'no', 'other', 'such', 'same', 'new', 'own']);
// Words that never start or end a technical noun phrase; a bigram containing one is not a phrase's start.
const functionWords = new Set([
  ...determiners, 'of', 'to', 'in', 'on', 'for', 'with', 'and', 'or', 'but', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'we',
  'you', 'they', 'he', 'she', 'i', 'as', 'at', 'by', 'from', 'into', 'if', 'then', 'so', 'not', 'can', 'will', 'would', 'should',
  'could', 'may', 'might', 'must', 'do', 'does', 'did', 'has', 'have', 'had', 'which', 'what', 'who', 'when', 'where', 'how', 'why',
  'there', 'here', 'more', 'most', 'only', 'also', 'just', 'than', 'too', 'very', 'about', 'over', 'up', 'out', 'one', 'us', 'them',
]);

export function isEnglishProse(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length < 6) return false;
  const visible = line.replace(/\s+/g, '');
  const letters = visible.match(/[A-Za-z]/g)?.length ?? 0;
  const code = visible.match(/[{}();=<>$#\\[\]]/g)?.length ?? 0;
  return letters >= visible.length * 0.75 && code <= 2 && words.filter((word) => /^[a-z]{3,}$/.test(word)).length >= 3;
}

/**
 * The sentences of a note's English prose lines. Tokens with non-ASCII characters (a Chinese aside, a
 * marker like 〔v3〕) can never be part of an English phrase; dropping them lets the cache see the same
 * sentence as the same sentence.
 */
export function proseSentences(text: string): string[] {
  return text
    .split('\n')
    .filter(isEnglishProse)
    .flatMap((line) => line.split(/(?<=[.!?;])\s+/))
    .map((sentence) => sentence.split(/\s+/).filter((token) => /^[\x21-\x7e]+$/.test(token)).join(' '))
    .filter((sentence) => sentence !== '');
}

const wordsOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9\s-]/g, ' ').split(/\s+/).filter(Boolean);

/** Adjacent word pairs in which neither word is a function word or a stopword. */
export function contentBigrams(sentence: string, stopwords: ReadonlySet<string>): string[] {
  const words = wordsOf(sentence);
  const skip = (word: string) => functionWords.has(word) || stopwords.has(word) || !/^[a-z]/.test(word);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < words.length; i += 1) if (!skip(words[i]!) && !skip(words[i + 1]!)) pairs.push(`${words[i]} ${words[i + 1]}`);
  return pairs;
}

export function normalisePhrase(raw: string): string | undefined {
  const words = wordsOf(raw);
  while (words.length > 0 && determiners.has(words[0]!)) words.shift();
  if (words.length < 2 || words.length > 3) return undefined;
  if (!words.every((word) => /^[a-z][a-z0-9-]{1,}$/.test(word) && !functionWords.has(word))) return undefined;
  return words.join(' ');
}

function phrasesOfSentence(sentence: string): string[] {
  const cached = cache.get(sentence);
  if (cached) return cached;
  const phrases = tagger()(sentence)
    .match('#Adjective? #Noun+')
    .out('array')
    .map(normalisePhrase)
    .filter((phrase): phrase is string => phrase !== undefined);
  cache.set(sentence, phrases);
  return phrases;
}

/**
 * Phrase candidates of every note, by note id. Each candidate's context is its sentence, so a phrase seen
 * only in one passage copied around counts as one context.
 */
export function recurringPhrases(notes: { id: string; text: string }[], stopwords: ReadonlySet<string>): Map<string, Candidate[]> {
  const sentencesByNote = new Map(notes.map((note) => [note.id, proseSentences(note.text)]));
  const notesByBigram = new Map<string, Set<string>>();
  for (const [noteId, sentences] of sentencesByNote) {
    for (const bigram of sentences.flatMap((sentence) => contentBigrams(sentence, stopwords))) {
      const seen = notesByBigram.get(bigram) ?? new Set<string>();
      seen.add(noteId);
      notesByBigram.set(bigram, seen);
    }
  }
  const found = new Map<string, Candidate[]>();
  for (const [noteId, sentences] of sentencesByNote) {
    const candidates: Candidate[] = [];
    for (const sentence of sentences) {
      if (!contentBigrams(sentence, stopwords).some((bigram) => (notesByBigram.get(bigram)?.size ?? 0) >= 2)) continue;
      const context = sentence.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
      for (const phrase of phrasesOfSentence(sentence)) candidates.push({ surface: phrase, shape: 'phrase', context, prose: true });
    }
    if (candidates.length > 0) found.set(noteId, candidates);
  }
  return found;
}
