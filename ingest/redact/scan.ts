import type { CompiledRules } from './rules.js';
import type { Line, Span, TextScan } from './types.js';

/**
 * Splits a file into lines with their offsets, and marks the spans no layer may touch: `data:` payloads
 * (pasted screenshots; the structure stage drops them as images) and other long base64 blobs. Inside such a
 * payload every short pattern matches somewhere (`QQ`, a 16-character "hex" run), so they are not searched.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    const trimmed = line.trim();
    const lone = trimmed !== '' && !/\s/.test(trimmed) ? trimmed : undefined;
    lines.push({ number, start, end: lineEnd, text: line, lone, ascii: /[A-Za-z0-9]/.test(line) });
    if (newline < 0) return lines;
    start = newline + 1;
    number += 1;
  }
}

const dataUri = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,[A-Za-z0-9+/=]*/gi;
const longBlobLength = 1000;
const base64Codes = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=') base64Codes[char.charCodeAt(0)] = 1;

/** Runs of 1000+ base64 characters, in one pass (a `{1000,}` pattern would rescan every shorter run). */
function longBlobs(text: string): Span[] {
  const spans: Span[] = [];
  const length = text.length;
  let start = -1;
  for (let at = 0; at <= length; at += 1) {
    const code = at < length ? text.charCodeAt(at) : 0;
    if (code < 128 && base64Codes[code] === 1) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      if (at - start >= longBlobLength) spans.push({ start, end: at });
      start = -1;
    }
  }
  return spans;
}

export function findProtectedSpans(text: string): Span[] {
  const spans = longBlobs(text);
  if (text.includes('base64,')) {
    for (const match of text.matchAll(dataUri)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function scanText(text: string, rules: CompiledRules): TextScan {
  return { text, lines: splitLines(text), protectedSpans: findProtectedSpans(text), rules };
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
