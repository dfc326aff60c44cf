import { cjkChar } from '../../common/script.js';

/** One line of a note's text: `start`/`end` are offsets into the text (end excludes the newline and any `\r`). */
export interface Line {
  text: string;
  start: number;
  end: number;
}

export function indexLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const stop = newline < 0 ? text.length : newline;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ text: text.slice(start, end), start, end });
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Leading indentation in columns, a tab counting as four. */
export function indentOf(text: string): number {
  let columns = 0;
  for (const char of text) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

const cjkGlobal = new RegExp(cjkChar.source, 'gu');

const nonAscii = /[^\x00-\x7f]/;

/** Share of the non-space characters that are CJK (Han, kana, Hangul). */
export function cjkShare(text: string): number {
  if (!nonAscii.test(text)) return 0;
  const visible = text.replace(/\s+/g, '');
  if (visible.length === 0) return 0;
  return (visible.length - visible.replace(cjkGlobal, '').length) / visible.length;
}

export function hasCjk(text: string): boolean {
  return nonAscii.test(text) && cjkChar.test(text);
}

const trailingComment = /\s+(?:#\s|\/\/).*$/;

/** A text with a trailing shell or C-style comment removed (`cmd  # note`, `cmd //说明`). */
export function withoutTrailingComment(text: string): string {
  return text.includes('#') || text.includes('//') ? text.replace(trailingComment, '') : text;
}

/**
 * Sentence-shaped text: ends like a sentence, or reads as words (CJK-dominant, or mostly plain words).
 * Used to keep prose out of code, output and config detection.
 */
export function isProseLike(text: string): boolean {
  const trimmed = withoutTrailingComment(text.trim());
  if (trimmed === '') return false;
  if (cjkShare(trimmed) >= 0.3) return true;
  const words = trimmed.split(/\s+/);
  // Plain words have a lower-case (or caseless) letter: an all-caps row is a header, not a sentence.
  const plain = words.filter((word) => /^(?=.*[\p{Ll}\p{Lo}])\p{L}[\p{L}'’]*[,.;:!?]?$/u.test(word)).length;
  const share = plain / words.length;
  return (words.length >= 5 && share >= 0.7 && /[\p{L}][.!?]$/u.test(trimmed)) || (words.length >= 8 && share >= 0.8);
}

/** Share of the whitespace-separated tokens that are plain words (letters only): high for prose, low for output. */
export function plainWordShare(text: string): number {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  return tokens.length === 0 ? 0 : tokens.filter((token) => /^\p{L}+[,.;:!?]?$/u.test(token)).length / tokens.length;
}

/** An inclusive range of line indexes that a detector claims, with what it found there. */
export interface LineBlock {
  first: number;
  last: number;
  label?: string;
  /** Heading level (1 = top). */
  level?: number;
}
