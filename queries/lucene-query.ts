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
