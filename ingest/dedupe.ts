import { dedupeKey } from './clean.js';
import { contentId, sha256Hex } from './hash.js';
import { detectLang } from './clean.js';
import type { Note, NoteDraft } from './types.js';

interface Candidate {
  draft: NoteDraft;
  key: string;
  titleKey: string;
}

// A shorter note counts as a damaged copy of a longer one only when it has some substance.
const minContainedKeyLength = 12;

function toNote(canonical: Candidate, copies: Candidate[]): Note {
  const { draft } = canonical;
  // A date the note itself gives beats a file's modification time, whichever copy has it.
  const candidates = [canonical, ...copies];
  const dated = candidates.find((copy) => copy.draft.date && copy.draft.dateSource !== 'file') ?? candidates.find((copy) => copy.draft.date);
  return {
    id: contentId('n', canonical.key),
    title: draft.title,
    text: draft.text,
    lineStart: draft.lineStart,
    lineEnd: draft.lineEnd,
    date: dated?.draft.date ?? null,
    dateSource: dated ? (dated.draft.dateSource ?? 'note') : null,
    url: draft.url ?? copies.find((copy) => copy.draft.url)?.draft.url ?? null,
    sha256: sha256Hex(draft.text),
    lang: detectLang(draft.text),
    tags: [...new Set(copies.flatMap((copy) => copy.draft.tags))],
    occurrences: copies.map((copy) => ({ path: copy.draft.sourcePath, lineStart: copy.draft.lineStart, lineEnd: copy.draft.lineEnd })),
  };
}

/**
 * Dedupe stage: identical notes (after folding whitespace and full-width punctuation) become one; a note whose
 * text is contained in a longer note with the same title (a damaged export dropped its lines) joins that note.
 * The longest copy is kept; every place a copy occurs is recorded. Returns notes in first-occurrence order.
 */
export function dedupeNotes(drafts: NoteDraft[]): { notes: Note[]; duplicatesCollapsed: number } {
  const groups = new Map<string, Candidate[]>();
  for (const draft of drafts) {
    const key = dedupeKey(draft.text);
    if (key === '') continue;
    const candidate = { draft, key, titleKey: dedupeKey(draft.title) };
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  }
  const byTitle = new Map<string, string[]>();
  for (const [key, group] of groups) {
    const titleKey = group[0]!.titleKey;
    byTitle.set(titleKey, [...(byTitle.get(titleKey) ?? []), key]);
  }
  const absorbedInto = new Map<string, string>();
  for (const keys of byTitle.values()) {
    if (keys.length < 2) continue;
    const longestFirst = [...keys].sort((a, b) => b.length - a.length);
    longestFirst.forEach((shorter, index) => {
      if (shorter.length < minContainedKeyLength) return;
      const host = longestFirst.slice(0, index).find((longer) => !absorbedInto.has(longer) && longer.includes(shorter));
      if (host) absorbedInto.set(shorter, host);
    });
  }
  const merged = new Map<string, Candidate[]>();
  for (const [key, group] of groups) {
    const host = absorbedInto.get(key) ?? key;
    merged.set(host, [...(merged.get(host) ?? []), ...group]);
  }
  const notes: Note[] = [];
  for (const [key, copies] of merged) {
    const canonical = copies.find((copy) => copy.key === key) ?? copies[0]!;
    notes.push(toNote(canonical, copies));
  }
  return { notes, duplicatesCollapsed: drafts.length - notes.length };
}
