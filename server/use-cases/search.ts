import { distance } from 'fastest-levenshtein';
import type { ConceptHit, NoteHit, SearchResponse } from '../../common/contract.js';
import type { Database } from '../../queries/database.js';
import { searchTerms, typoDistance } from '../../queries/lucene-query.js';
import { type ConceptMatch, type NoteMatch, searchConcepts, searchNotes } from '../../queries/search.js';
import { buildSnippet } from '../search-snippet.js';

/** Exact name or alias first, then prefix (autocomplete), then full-text, then typos; score orders within a tier. */
const tierOrder: Record<ConceptHit['match'], number> = { exact: 0, prefix: 1, text: 2, fuzzy: 3 };
const tierBonus: Record<ConceptHit['match'], number> = { exact: 30, prefix: 20, text: 10, fuzzy: 0 };

export async function searchGraph(db: Database, input: { q: string; limit: number; kind?: string }): Promise<SearchResponse> {
  const [concepts, notes] = await Promise.all([
    searchConcepts(db, input.q, { limit: input.limit, kind: input.kind }),
    searchNotes(db, input.q, { limit: input.limit }),
  ]);
  const terms = searchTerms(input.q);
  return {
    query: input.q,
    concepts: concepts
      .map((match) => toConceptHit(match, input.q))
      .filter((hit): hit is ConceptHit => hit !== null)
      .sort((a, b) => tierOrder[a.match] - tierOrder[b.match] || b.score - a.score)
      .slice(0, input.limit),
    notes: notes.map((match) => toNoteHit(match, terms)),
  };
}

/** The closest name or alias to what was typed, when it is within the typo distance for its length. */
export function closestName(names: string[], wanted: string): { name: string; edits: number } | null {
  const allowed = typoDistance(wanted);
  let best: { name: string; edits: number } | null = null;
  for (const name of names) {
    const edits = distance(name.toLowerCase(), wanted);
    if (edits <= allowed && (!best || edits < best.edits)) best = { name, edits };
  }
  return best;
}

/**
 * A concept hit with its match tier, or null for a fuzzy candidate whose names are all further than the typo
 * distance from the input (Lucene's fuzzy query matches per word; the hit must be close as a whole).
 */
export function toConceptHit(match: ConceptMatch, query: string): ConceptHit | null {
  const wanted = query.trim().toLowerCase();
  const names = [match.concept.name, ...match.concept.aliases];
  const exact = names.find((name) => name.toLowerCase() === wanted);
  const prefix = names.find((name) => name.toLowerCase().startsWith(wanted));
  const contains = names.find((name) => name.toLowerCase().includes(wanted));
  let kind: ConceptHit['match'] = exact ? 'exact' : prefix ? 'prefix' : 'text';
  let matched = exact ?? prefix ?? contains ?? match.concept.name;
  let score = match.textScore;
  if (match.fuzzy && kind === 'text') {
    const close = closestName(names, wanted);
    if (!close) return null;
    kind = 'fuzzy';
    matched = close.name;
    score = 1 - close.edits / 4;
  }
  return {
    id: match.concept.id,
    name: match.concept.name,
    kind: match.concept.kind,
    score: Math.round((score + tierBonus[kind]) * 1000) / 1000,
    matched,
    match: kind,
  };
}

export function toNoteHit(match: NoteMatch, terms: string[]): NoteHit {
  const { snippet, highlights } = buildSnippet(match.text, terms);
  return {
    id: match.id,
    title: match.title,
    source: match.source,
    lineStart: match.lineStart,
    places: match.places,
    snippet,
    highlights,
    score: Math.round(match.score * 1000) / 1000,
  };
}
