import { AhoCorasick, leftmostLongest } from '../aho-corasick.js';
import { AsciiAutomaton } from './ascii-automaton.js';
import { hanChar } from '../../common/script.js';
import type { RedactionKind } from './kinds.js';
import type { CompiledRules } from './rules.js';
import { isPlaceholder, isUuid, wordCoverage } from './shape.js';
import type { Finding, Spread } from './types.js';

/**
 * Propagation: a value found once (next to a label, in a chat header) is often pasted again without its label —
 * a password alone on a line, a handle in a sentence. Such values are redacted everywhere, but only when they
 * are secret-like: long enough, not a word of any pack, not a frequent term of the notes. `postgres` next to
 * a label is a password there; elsewhere it is the database. Matching is one linear Aho–Corasick pass per
 * file over all values (plus a string search for each of the few non-ASCII names), never a regular
 * expression built from them.
 */
export interface Candidate {
  value: string;
  kind: RedactionKind;
  spread: Spread;
}

/** A value occurring more often than this outside redacted places is a term of the notes, not a secret. */
const frequentTerm = { word: 3, person: 10 };

const asciiLetters = /^[A-Za-z]+$/;
const alnumEdge = /[A-Za-z0-9]/;

function isSecretLike(value: string, rules: CompiledRules): boolean {
  if (value.length < 6 || /\s/.test(value) || isPlaceholder(value) || hanChar.test(value)) return false;
  if (rules.isWord(value) || wordCoverage(value, rules.isWord) >= 0.5) return false;
  // A pure number is a secret only when long (a port, a year or a count is not).
  return !/^\d+$/.test(value) || value.length >= 8 || isUuid(value);
}

/** The values (and parts of handles: `董毅-武汉` gives `董毅`) worth looking for elsewhere. */
export function candidatesOf(findings: readonly Finding[], rules: CompiledRules): Candidate[] {
  const candidates = new Map<string, Candidate>();
  const add = (value: string, kind: RedactionKind, spread: Spread) => {
    if (!rules.notSecret.has(value) && !candidates.has(value)) candidates.set(value, { value, kind, spread });
  };
  for (const finding of findings) {
    const value = finding.value?.trim();
    if (!value || !finding.spread) continue;
    if (finding.spread === 'secret' && isSecretLike(value, rules)) add(value, finding.kind, 'secret');
    if (finding.spread === 'number' && /^\d{6,}$/.test(value)) add(value, finding.kind, 'number');
    if (finding.spread === 'person') {
      for (const part of new Set([value, ...value.split(/[-_\s·•]+/)])) {
        const name = part.replace(/^\*+|\*+$/g, '');
        const han = hanChar.test(name);
        if ((han ? name.length >= 2 : name.length >= 4) && !rules.isWord(name)) add(name, finding.kind, 'person');
      }
    }
  }
  return [...candidates.values()];
}

interface Hit {
  start: number;
  end: number;
  candidate: number;
}

/**
 * The candidates in two parts. ASCII values: one pass of a dense Aho–Corasick automaton over the whole text.
 * The others — Han names from chat headers, a handful per corpus — by the engine's own string search
 * (`indexOf`), one scan each.
 */
interface Matcher {
  ascii?: { automaton: AsciiAutomaton | AhoCorasick; indexes: number[] };
  others: number[];
}

// A dense automaton takes 512 bytes a state (a state per pattern character): past this many, the shared
// Map-based one, whose size follows the patterns, does the pass instead.
const denseStates = 20_000;

const isAscii = (value: string) => /^[\x00-\x7f]+$/.test(value);

function matcherOf(candidates: readonly Candidate[]): Matcher {
  const ascii = candidates.flatMap((candidate, index) => (isAscii(candidate.value) ? [index] : []));
  const others = candidates.flatMap((candidate, index) => (isAscii(candidate.value) ? [] : [index]));
  const values = ascii.map((index) => candidates[index]!.value);
  const states = values.reduce((sum, value) => sum + value.length, 0);
  const automaton = values.length === 0 ? undefined : states <= denseStates ? new AsciiAutomaton(values) : new AhoCorasick(values);
  return { ascii: automaton ? { automaton, indexes: ascii } : undefined, others };
}

function rawHits(matcher: Matcher, candidates: readonly Candidate[], text: string): { start: number; end: number; pattern: number }[] {
  const hits = matcher.ascii ? matcher.ascii.automaton.findAll(text).map((hit) => ({ ...hit, pattern: matcher.ascii!.indexes[hit.pattern]! })) : [];
  for (const index of matcher.others) {
    const value = candidates[index]!.value;
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) hits.push({ start: at, end: at + value.length, pattern: index });
  }
  return hits;
}

/** Exact (case-sensitive) occurrences; an ASCII value must not run on into letters or digits. */
function occurrences(matcher: Matcher, candidates: readonly Candidate[], text: string): Hit[] {
  const exact = rawHits(matcher, candidates, text).filter((hit) => {
    const value = candidates[hit.pattern]!.value;
    if (text.slice(hit.start, hit.end) !== value) return false;
    const before = text[hit.start - 1] ?? ' ';
    const after = text[hit.end] ?? ' ';
    return !(alnumEdge.test(value[0]!) && alnumEdge.test(before)) && !(alnumEdge.test(value[value.length - 1]!) && alnumEdge.test(after));
  });
  return leftmostLongest(exact).map((hit) => ({ start: hit.start, end: hit.end, candidate: hit.pattern }));
}

/**
 * The findings propagation adds to each (already redacted) text: one pass over every text finds every
 * candidate; candidates that turn out to be frequent terms of the notes are then dropped.
 */
export function propagate(candidates: readonly Candidate[], texts: readonly string[]): Finding[][] {
  if (candidates.length === 0) return texts.map(() => []);
  const matcher = matcherOf(candidates);
  const hitsByText = texts.map((text) => occurrences(matcher, candidates, text));
  const counts = new Array<number>(candidates.length).fill(0);
  for (const hits of hitsByText) for (const hit of hits) counts[hit.candidate]! += 1;
  const frequent = (candidate: Candidate, count: number) =>
    candidate.spread === 'person' ? count > frequentTerm.person : asciiLetters.test(candidate.value) && count > frequentTerm.word;
  return hitsByText.map((hits) =>
    hits
      .filter((hit) => !frequent(candidates[hit.candidate]!, counts[hit.candidate]!))
      .map((hit) => ({ start: hit.start, end: hit.end, kind: candidates[hit.candidate]!.kind, layer: 'propagation' as const })),
  );
}
