import type { Span } from '../common/contract.js';

/**
 * A short window of a note's text around the first match, with the offsets of every matched term inside the
 * window. Pure. Whitespace is flattened character for character, so offsets stay valid.
 */
export interface Snippet {
  snippet: string;
  highlights: Span[];
}

const ellipsis = '…';

export function findOccurrences(text: string, terms: string[]): Span[] {
  const lower = text.toLowerCase();
  // Lower-casing a few characters changes the string's length; offsets would then be wrong, so give up on them.
  if (lower.length !== text.length) return [];
  const spans: Span[] = [];
  for (const term of new Set(terms.map((t) => t.toLowerCase()).filter(Boolean))) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) {
      spans.push({ start: at, end: at + term.length });
    }
  }
  return mergeSpans(spans);
}

export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export function buildSnippet(text: string, terms: string[], options: { before?: number; length?: number } = {}): Snippet {
  const before = options.before ?? 60;
  const length = options.length ?? 220;
  const occurrences = findOccurrences(text, terms);
  const first = occurrences[0]?.start ?? 0;
  const start = Math.max(0, Math.min(first - before, text.length - length));
  const end = Math.min(text.length, start + length);
  const lead = start > 0 ? ellipsis : '';
  const trail = end < text.length ? ellipsis : '';
  const highlights = occurrences
    .filter((span) => span.start >= start && span.end <= end)
    .map((span) => ({ start: span.start - start + lead.length, end: span.end - start + lead.length }));
  return { snippet: lead + text.slice(start, end).replace(/\s/g, ' ') + trail, highlights };
}
