import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/**
 * English words: the `word-list` package (~275,000 lower-case words, one a line, in alphabetical order of
 * their first three letters). Redaction asks about a few hundred candidate values per run, so instead of a Set
 * of every word (150 ms to build) the file is read once and searched: a binary search finds the block of words
 * sharing the token's first three letters, and the word is looked up in that block. Answers are memoised.
 */
let words: string | undefined;
const answers = new Map<string, boolean>();

/** The word of the line that contains offset `at`, and where that line starts. */
function lineAt(text: string, at: number): { start: number; word: string } {
  // lastIndexOf treats a negative position as 0, which would find the break at offset 0 itself.
  const start = at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', start);
  return { start, word: text.slice(start, end < 0 ? undefined : end) };
}

/** Offset of the first line whose three-letter prefix is not below `prefix` (or, with `after`, above it). */
function boundary(text: string, prefix: string, after: boolean): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const line = lineAt(text, middle);
    const key = line.word.slice(0, 3);
    if (key < prefix || (after && key === prefix)) low = text.indexOf('\n', middle) + 1 || text.length;
    else high = line.start;
  }
  return lineAt(text, low).start;
}

function lookUp(word: string): boolean {
  words ??= `\n${readFileSync(wordListPath, 'utf8').trim()}\n`;
  const prefix = word.slice(0, 3);
  const block = words.slice(boundary(words, prefix, false) - 1, boundary(words, prefix, true) + 1);
  return block.includes(`\n${word}\n`);
}

export function isEnglishWord(token: string): boolean {
  const word = token.toLowerCase();
  if (!/^[a-z]+$/.test(word)) return false;
  let known = answers.get(word);
  if (known === undefined) {
    known = lookUp(word);
    // The memo is bounded by the distinct tokens asked about; keep it from growing without end in a server.
    if (answers.size > 100_000) answers.clear();
    answers.set(word, known);
  }
  return known;
}
