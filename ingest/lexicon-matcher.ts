import { AhoCorasick, leftmostLongest, type PatternHit } from './aho-corasick.js';
import type { Lexicon, LexiconEntry } from './lexicon.js';

export interface ConceptHit {
  conceptId: string;
  start: number;
  end: number;
}

interface Candidate {
  entry: LexiconEntry;
  /** Set when the alias only counts with exactly this case ("RBD" the device, "rbd" the command). */
  exact?: string;
  /** Set when the alias only counts if the note mentions one of these concept ids. */
  context?: string[];
}

const isWordCode = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isAsciiAlnum = (code: number): boolean => isWordCode(code) && code !== 95;

/**
 * ASCII-aware word boundary: a Latin alias must not continue a Latin word ("pg" in "pg_num", "nova" in
 * "nova-compute"), while Chinese text on either side is fine ("Nova API服务器"). `\b` cannot express this.
 */
export function hasAsciiBoundaries(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if (isAsciiAlnum(first) && start > 0) {
    const before = text.charCodeAt(start - 1);
    if (isWordCode(before)) return false;
    if (before === 45 && start > 1 && isAsciiAlnum(text.charCodeAt(start - 2))) return false;
  }
  if (isAsciiAlnum(last) && end < text.length) {
    const after = text.charCodeAt(end);
    if (isWordCode(after)) return false;
    if (after === 45 && end + 1 < text.length && isAsciiAlnum(text.charCodeAt(end + 1))) return false;
  }
  return true;
}

const urlPattern = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)，。]+/gi;

/** Character ranges of URLs: a host name like ceph.com or the scheme http:// is not a mention of a concept. */
export function urlRanges(text: string): [number, number][] {
  return [...text.matchAll(urlPattern)].map((match) => [match.index, match.index + match[0].length]);
}

/**
 * Whether [start, end) overlaps one of `ranges`, which must be sorted and disjoint (as `urlRanges` gives them):
 * only the last range that starts before `end` can decide, found by binary search (a long note has many URLs).
 */
export function insideRanges(ranges: [number, number][], start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle]![0] < end) low = middle + 1;
    else high = middle;
  }
  return low > 0 && ranges[low - 1]![1] > start;
}

/** Matches every lexicon alias in a note with one linear pass, then resolves case and context rules. */
export class LexiconMatcher {
  private readonly automaton: AhoCorasick;
  private readonly candidates: Candidate[][] = [];

  constructor(lexicon: Lexicon) {
    const byKey = new Map<string, Candidate[]>();
    const add = (alias: string, candidate: Candidate) => {
      const key = alias.trim().replace(/[A-Z]/g, (char) => char.toLowerCase());
      if (key.length < 2 && !/[\u3400-\u9fff]/.test(key)) return;
      byKey.set(key, [...(byKey.get(key) ?? []), candidate]);
    };
    for (const entry of lexicon.entries) {
      // A name that is also a context alias ("container") only counts in context, like the alias.
      const caseBound = entry.exact.some((alias) => alias.toLowerCase() === entry.name.toLowerCase());
      const contextBound = entry.contextAliases.some((alias) => alias.toLowerCase() === entry.name.toLowerCase());
      if (!caseBound && !contextBound) add(entry.name, { entry });
      for (const alias of entry.aliases) add(alias, { entry });
      for (const alias of entry.exact) add(alias, { entry, exact: alias });
      for (const alias of entry.contextAliases) add(alias, { entry, context: entry.context });
    }
    const keys = [...byKey.keys()];
    this.candidates = keys.map((key) => byKey.get(key)!);
    this.automaton = new AhoCorasick(keys);
  }

  match(text: string): ConceptHit[] {
    const viable: PatternHit[] = [];
    const urls = urlRanges(text);
    for (const hit of this.automaton.findAll(text)) {
      if (!hasAsciiBoundaries(text, hit.start, hit.end)) continue;
      if (urls.length > 0 && insideRanges(urls, hit.start, hit.end)) continue;
      const surface = text.slice(hit.start, hit.end);
      if (this.candidates[hit.pattern]!.some((candidate) => candidate.exact === undefined || candidate.exact === surface)) viable.push(hit);
    }
    const chosen = leftmostLongest(viable);
    const present = new Set<string>();
    for (const hit of chosen) {
      const plain = this.candidates[hit.pattern]!.find((candidate) => !candidate.context && this.caseFits(candidate, text, hit));
      if (plain) present.add(plain.entry.id);
    }
    const hits: ConceptHit[] = [];
    for (const hit of chosen) {
      const options = this.candidates[hit.pattern]!.filter((candidate) => this.caseFits(candidate, text, hit));
      const inContext = options.find((candidate) => candidate.context?.some((id) => present.has(id)));
      const plain = options.find((candidate) => !candidate.context);
      const pick = inContext ?? plain;
      if (pick) hits.push({ conceptId: pick.entry.id, start: hit.start, end: hit.end });
    }
    return hits;
  }

  private caseFits(candidate: Candidate, text: string, hit: PatternHit): boolean {
    return candidate.exact === undefined || candidate.exact === text.slice(hit.start, hit.end);
  }
}
