/**
 * Note text split into plain and highlighted segments from the API's spans. The panel turns segments into
 * text nodes and <mark> elements, so note text is never parsed as HTML.
 */
import type { Span } from '../../../common/contract.js';

export interface Segment {
  text: string;
  marked: boolean;
}

/** Sorts, clamps and merges overlapping or touching spans. */
export function normaliseSpans(spans: Span[], length: number): Span[] {
  const clamped = spans
    .map((span) => ({ start: Math.max(0, Math.min(length, span.start)), end: Math.max(0, Math.min(length, span.end)) }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of clamped) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export function segments(text: string, spans: Span[]): Segment[] {
  const result: Segment[] = [];
  let cursor = 0;
  for (const span of normaliseSpans(spans, text.length)) {
    if (span.start > cursor) result.push({ text: text.slice(cursor, span.start), marked: false });
    result.push({ text: text.slice(span.start, span.end), marked: true });
    cursor = span.end;
  }
  if (cursor < text.length || result.length === 0) result.push({ text: text.slice(cursor), marked: false });
  return result;
}

const longNoteChars = 700;
const longNoteLines = 12;

/** Long notes start collapsed in the panel. */
export function isLongNote(text: string): boolean {
  return text.length > longNoteChars || text.split('\n').length > longNoteLines;
}

/** "notes/foo.txt:12–30" for a note's place in its source. */
export function lineRange(path: string, lineStart: number, lineEnd: number): string {
  return lineEnd > lineStart ? `${path}:${lineStart}–${lineEnd}` : `${path}:${lineStart}`;
}

/** "2019-04-02", or "2019-04-02 (file modified)" when the note gives no date and its file's mtime stands in. */
export function dateLabel(date: string | null, source: 'note' | 'file' | null): string | null {
  if (!date) return null;
  return source === 'file' ? `${date.slice(0, 10)} (file modified)` : date.slice(0, 10);
}
