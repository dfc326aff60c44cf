import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/**
 * English words (the `word-list` package: ~275,000 lower-case words, one a line), loaded on first use — only
 * redaction's propagation and prose checks ask, and only about a few candidate values per file.
 */
let words: Set<string> | undefined;

export function isEnglishWord(token: string): boolean {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words.has(token.toLowerCase());
}
