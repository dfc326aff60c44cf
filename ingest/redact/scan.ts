import type { CompiledRules } from './rules.js';
import { has, type Line, type Span, type TextScan } from './types.js';

/**
 * Splits a file into lines with their offsets, and marks the spans no layer may touch: `data:` payloads
 * (pasted screenshots; the structure stage drops them as images) and other long base64 blobs. Inside such a
 * payload every short pattern matches somewhere (`QQ`, a 16-character "hex" run), so they are not searched.
 */

// Character classes by code unit: the `has` bits (low 12) plus four of the scan's own.
const ASCII = 1 << 12;
const SPACE = 1 << 13;
const BASE64 = 1 << 14;
const DIGIT = 1 << 15;
const classes = new Uint16Array(65536);
const mark = (chars: string, bits: number) => {
  for (const char of chars) classes[char.charCodeAt(0)]! |= bits;
};
mark('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', ASCII | BASE64);
mark('0123456789', ASCII | BASE64 | DIGIT);
mark('+/=', BASE64);
mark(' \t\u3000', SPACE);
mark('\t', has.tab);
mark('|', has.pipe);
mark('*', has.star);
mark('=:：', has.separator);
mark(`"'\``, has.quote);
mark('(', has.paren);
mark('-', has.dash);
const hasBits = (1 << 12) - 1;
const longBlobLength = 1000;

/**
 * One pass over the text: its lines (with what each holds, so layouts skip lines without running a pattern)
 * and its runs of 1000+ base64 characters.
 */
function scanLines(text: string): { lines: Line[]; blobs: Span[] } {
  const lines: Line[] = [];
  const blobs: Span[] = [];
  let lineStart = 0;
  let flags = 0;
  let ascii = false;
  let tokens = 0;
  let previous = 0;
  let blobStart = -1;
  for (let at = 0; at <= text.length; at += 1) {
    const code = at < text.length ? text.charCodeAt(at) : 10;
    const cls = classes[code]!;
    if (cls & BASE64) {
      if (blobStart < 0) blobStart = at;
    } else if (blobStart >= 0) {
      if (at - blobStart >= longBlobLength) blobs.push({ start: blobStart, end: at });
      blobStart = -1;
    }
    if (code === 10) {
      const end = at > lineStart && text.charCodeAt(at - 1) === 13 ? at - 1 : at;
      const line = text.slice(lineStart, end);
      lines.push({ number: lines.length + 1, start: lineStart, end, text: line, lone: tokens === 1 ? line.trim() : undefined, ascii, has: flags, tokens });
      lineStart = at + 1;
      flags = 0;
      ascii = false;
      tokens = 0;
      previous = 0;
      continue;
    }
    flags |= cls & hasBits;
    if (cls & ASCII) ascii = true;
    if (cls & SPACE) {
      if (code === 32 && previous === 32) flags |= has.doubleSpace;
    } else if (previous === 0 || classes[previous]! & SPACE) {
      tokens += 1;
    }
    // A time of day: a digit, a colon, two digits.
    if (code === 58 && classes[previous]! & DIGIT && classes[text.charCodeAt(at + 1)]! & DIGIT && classes[text.charCodeAt(at + 2)]! & DIGIT) flags |= has.time;
    previous = code;
  }
  return { lines, blobs };
}

export function splitLines(text: string): Line[] {
  return scanLines(text).lines;
}

const dataUri = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,[A-Za-z0-9+/=]*/gi;

function protectedSpans(text: string, blobs: Span[]): Span[] {
  const spans = [...blobs];
  if (text.includes('base64,')) {
    for (const match of text.matchAll(dataUri)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function findProtectedSpans(text: string): Span[] {
  return protectedSpans(text, scanLines(text).blobs);
}

export function scanText(text: string, rules: CompiledRules): TextScan {
  const { lines, blobs } = scanLines(text);
  return { text, lines, protectedSpans: protectedSpans(text, blobs), rules };
}

/** True when [start, end) overlaps a protected span (spans are sorted and few: a linear walk is enough). */
export function isProtected(scan: TextScan, start: number, end: number): boolean {
  for (const span of scan.protectedSpans) {
    if (span.start >= end) return false;
    if (span.end > start) return true;
  }
  return false;
}

/** The line containing `offset` (binary search). */
export function lineAt(lines: readonly Line[], offset: number): Line {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return lines[low]!;
}
