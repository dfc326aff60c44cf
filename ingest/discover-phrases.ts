import nlp from 'compromise';
import type { Candidate } from './discover-candidates.js';

/**
 * English noun phrases from compromise, which is slow (tens of KB/s): it only sees lines that read as English
 * prose, and results are cached by sentence text because the notes repeat themselves.
 */
const cache = new Map<string, string[]>();
const determiners = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'your', 'my', 'his', 'her', 'some', 'any', 'each', 'every', 'all', 'no', 'other', 'such', 'same', 'new', 'own']);

export function isEnglishProse(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length < 6) return false;
  const visible = line.replace(/\s+/g, '');
  const letters = visible.match(/[A-Za-z]/g)?.length ?? 0;
  const code = visible.match(/[{}();=<>$#\\[\]]/g)?.length ?? 0;
  return letters >= visible.length * 0.75 && code <= 2 && words.filter((word) => /^[a-z]{3,}$/.test(word)).length >= 3;
}

function normalisePhrase(raw: string): string | undefined {
  const words = raw
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 0 && determiners.has(words[0]!)) words.shift();
  if (words.length < 2 || words.length > 3) return undefined;
  if (!words.every((word) => /^[a-z][a-z0-9-]{1,}$/.test(word) && !determiners.has(word))) return undefined;
  return words.join(' ');
}

function phrasesOfSentence(sentence: string): string[] {
  const cached = cache.get(sentence);
  if (cached) return cached;
  const phrases = (nlp(sentence).match('#Adjective? #Noun+').out('array') as string[])
    .map(normalisePhrase)
    .filter((phrase): phrase is string => phrase !== undefined);
  cache.set(sentence, phrases);
  return phrases;
}

export function englishPhrases(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const line of text.split('\n')) {
    if (!isEnglishProse(line)) continue;
    for (const sentence of line.split(/(?<=[.!?;])\s+/)) {
      for (const phrase of phrasesOfSentence(sentence.trim())) found.push({ surface: phrase, shape: 'phrase' });
    }
  }
  return found;
}
