/**
 * Builds the Lucene query for the full-text indexes from what a user typed. Pure.
 *
 * The indexes use the `cjk` analyzer: Chinese, Japanese and Korean runs are indexed as overlapping bigrams, so a
 * CJK term must be searched as a phrase (otherwise any one bigram matches). Latin words are matched as a term
 * or, for autocomplete, as a prefix; wildcard terms are not analysed, so they are lower-cased here.
 */
import { cjkChar as cjk } from '../common/script.js';
const plainWord = /^[\p{L}\p{N}_]+$/u;
const luceneSpecial = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const maxTerms = 12;

export function escapeLucene(term: string): string {
  return term.replace(luceneSpecial, '\\$&');
}

/** The search terms of an input: whitespace-separated, with at least one letter or digit, at most 12. */
export function searchTerms(input: string): string[] {
  return input
    .trim()
    .split(/\s+/u)
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, maxTerms);
}

function termClause(term: string, prefix: boolean): string {
  if (plainWord.test(term) && !cjk.test(term)) {
    const word = escapeLucene(term.toLowerCase());
    return prefix && term.length >= 2 ? `(${word} OR ${word}*)` : word;
  }
  // Phrases keep CJK bigrams in order and keep "nova-api" together as the two tokens the analyzer makes.
  return `"${term.replace(/["\\]/g, '\\$&')}"`;
}

/** All terms required; null when the input has nothing searchable. */
export function buildLuceneQuery(input: string, options: { prefix: boolean }): string | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  return terms.map((term) => termClause(term, options.prefix)).join(' AND ');
}

/** Edits a typo may have: none for short words (too many false friends), one from 4 letters, two from 8. */
export function typoDistance(word: string): 0 | 1 | 2 {
  const length = Array.from(word).length;
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * A fuzzy query for typo-tolerant concept search ("kubernets" → Kubernetes): every Latin word within its
 * typoDistance. Null when a word cannot be fuzzy (CJK, punctuation, too short), since then nothing should match
 * that an exact search missed.
 */
export function buildFuzzyLuceneQuery(input: string): string | null {
  const terms = searchTerms(input).flatMap((term) => term.split(/[-_.]/u)).filter(Boolean);
  if (terms.length === 0) return null;
  const clauses: string[] = [];
  for (const term of terms) {
    if (!plainWord.test(term) || cjk.test(term)) return null;
    const distance = typoDistance(term);
    clauses.push(distance === 0 ? escapeLucene(term.toLowerCase()) : `${escapeLucene(term.toLowerCase())}~${distance}`);
  }
  return clauses.some((clause) => clause.includes('~')) ? clauses.join(' AND ') : null;
}
