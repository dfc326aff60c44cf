import type { ConceptHit, NoteHit, SearchResponse } from '../../common/contract.js';
import type { Database } from '../../queries/database.js';
import { searchTerms } from '../../queries/lucene-query.js';
import { type ConceptMatch, type NoteMatch, searchConcepts, searchNotes } from '../../queries/search.js';
import { buildSnippet } from '../search-snippet.js';

/** Score bonuses that put exact and prefix name matches above plain full-text matches (autocomplete). */
const exactBonus = 20;
const prefixBonus = 10;

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
      .sort((a, b) => b.score - a.score)
      .slice(0, input.limit),
    notes: notes.map((match) => toNoteHit(match, terms)),
  };
}

export function toConceptHit(match: ConceptMatch, query: string): ConceptHit {
  const wanted = query.trim().toLowerCase();
  const names = [match.concept.name, ...match.concept.aliases];
  const exact = names.find((name) => name.toLowerCase() === wanted);
  const prefix = names.find((name) => name.toLowerCase().startsWith(wanted));
  const contains = names.find((name) => name.toLowerCase().includes(wanted));
  const bonus = exact ? exactBonus : prefix ? prefixBonus : 0;
  return {
    id: match.concept.id,
    name: match.concept.name,
    kind: match.concept.kind,
    score: Math.round((match.textScore + bonus) * 1000) / 1000,
    matched: exact ?? prefix ?? contains ?? match.concept.name,
  };
}

export function toNoteHit(match: NoteMatch, terms: string[]): NoteHit {
  const { snippet, highlights } = buildSnippet(match.text, terms);
  return {
    id: match.id,
    title: match.title,
    source: match.source,
    lineStart: match.lineStart,
    snippet,
    highlights,
    score: Math.round(match.score * 1000) / 1000,
  };
}
