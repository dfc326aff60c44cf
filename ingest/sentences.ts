import type { ConceptHit } from './lexicon-matcher.js';

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

// Sentence ends: Chinese full stops and friends anywhere, Latin ones only before whitespace (not "nova.conf").
const boundary = /[。！？；\n]+|[.!?;](?=\s)/g;

/** Splits note text into sentences with their offsets; lines always end a sentence (notes are line-oriented). */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') sentences.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
  };
  for (const match of text.matchAll(boundary)) {
    push(match.index + (match[0].startsWith('\n') ? 0 : 1));
    start = match.index + match[0].length;
  }
  push(text.length);
  return sentences;
}

/**
 * The hits inside each sentence, in one sweep over both sorted lists (linear, where filtering all hits per
 * sentence was quadratic on a long note). `hits` must be sorted by start.
 */
export function hitsBySentence(sentences: readonly Sentence[], hits: readonly ConceptHit[]): ConceptHit[][] {
  const result: ConceptHit[][] = sentences.map(() => []);
  let index = 0;
  for (let s = 0; s < sentences.length; s += 1) {
    const sentence = sentences[s]!;
    while (index < hits.length && hits[index]!.start < sentence.start) index += 1;
    let scan = index;
    while (scan < hits.length && hits[scan]!.start < sentence.end) {
      if (hits[scan]!.end <= sentence.end) result[s]!.push(hits[scan]!);
      scan += 1;
    }
    index = scan;
  }
  return result;
}

/** Concept ids of every sentence that mentions at least two concepts: the sentence windows of co-occurrence. */
export function sentenceConcepts(text: string, hits: readonly ConceptHit[]): string[][] {
  if (hits.length < 2) return [];
  return hitsBySentence(splitSentences(text), hits)
    .map((inSentence) => inSentence.map((hit) => hit.conceptId))
    .filter((ids) => ids.length >= 2);
}
