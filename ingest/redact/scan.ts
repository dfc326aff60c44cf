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
    lines.push({ number, start, end: lineEnd, text: text.slice(start, lineEnd) });
    if (newline < 0) return lines;
    start = newline + 1;
    number += 1;
  }
}

const dataUri = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,[A-Za-z0-9+/=]*/gi;
const longBlobLength = 1000;

const isBase64Code = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47 || code === 61;

/** Runs of 1000+ base64 characters, found in one pass (a `{1000,}` regex would rescan every shorter run). */
function longBlobs(text: string): Span[] {
  const spans: Span[] = [];
  let start = -1;
  for (let at = 0; at <= text.length; at += 1) {
    const inRun = at < text.length && isBase64Code(text.charCodeAt(at));
    if (inRun && start < 0) start = at;
    if (!inRun && start >= 0) {
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
