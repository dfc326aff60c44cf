import type { KeyGroups } from './discover-aliases.js';
import { foldKey, type CorpusTally, type TermTally } from './discover-tally.js';

/**
 * Names the notes write in two shapes that are one concept, found by their shape alone — no list of products:
 * - a tool's or vendor's prefix: `ceph-osd`, "Ceph OSD" and `osd`, "Apache Kafka" and `Kafka` (the part after
 *   the prefix is itself a name);
 * - an acronym of a phrase the notes use: `PG` and "placement group", `OVS` and "Open vSwitch" (capitals inside a
 *   word count, as in vSwitch), when no other phrase of the notes has the same initials;
 * - a contraction: `rgw` and `radosgw` (the first letter of a name, then the rest of the longer word);
 * - a version glued to a program's name: `sqlite3` and `sqlite`, `python3` and `python` (not `HTTP/2`);
 * - a query-language or database suffix: `Postgres` and `PostgreSQL`, `Mongo` and `MongoDB`.
 * Only terms that are terms on their own join (`isTerm`), and the short side must not be a word of general
 * language (`proxy` in `kube-proxy` stays a word).
 */
export interface FoldContext {
  tally: CorpusTally;
  groups: KeyGroups;
  isTerm: (term: TermTally) => boolean;
  /** General-language frequency (per million) of a term's commonest spelling. */
  backgroundOf: (term: TermTally) => number;
}

const maxNameBackground = 1;

function singleWord(term: TermTally): string | undefined {
  return term.words.length === 1 ? term.words[0] : undefined;
}

/** Initials of a phrase: each word's first letter and every capital after a lower-case letter (vSwitch → v, S). */
export function initialsOf(surface: string): string {
  return surface
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => word[0]! + [...word.matchAll(/(?<=[a-z])[A-Z]/g)].map((match) => match[0]).join(''))
    .join('')
    .toLowerCase();
}

function isName(context: FoldContext, term: TermTally | undefined): term is TermTally {
  return term !== undefined && context.isTerm(term) && context.backgroundOf(term) < maxNameBackground;
}

function joinToolPrefixes(context: FoldContext): void {
  for (const term of context.tally.terms.values()) {
    // `ceph-osd` and "Ceph OSD", "Apache Kafka", "Amazon S3": a product or vendor before a name.
    const parts = term.words.length === 2 ? term.words : singleWord(term)?.split('-');
    if (!parts || parts.length !== 2 || parts[0]!.length < 2 || parts[1]!.length < 2) continue;
    const rest = context.tally.terms.get(foldKey([parts[1]!]));
    const tool = context.tally.terms.get(foldKey([parts[0]!]));
    if (rest && tool && isName(context, rest) && context.isTerm(tool) && context.isTerm(term)) context.groups.join(rest.key, term.key);
  }
}

function joinAcronyms(context: FoldContext): void {
  const phrasesByInitials = new Map<string, TermTally[]>();
  for (const term of context.tally.terms.values()) {
    if ((term.words.length < 2 && !term.words[0]!.includes('-')) || !context.isTerm(term)) continue;
    const surface = [...term.surfaces.keys()].find((spelling) => /[A-Z]/.test(spelling)) ?? [...term.surfaces.keys()][0]!;
    const initials = initialsOf(surface);
    if (initials.length < 2) continue;
    phrasesByInitials.set(initials, [...(phrasesByInitials.get(initials) ?? []), term]);
  }
  for (const term of context.tally.terms.values()) {
    if (!singleWord(term) || !/^[a-z0-9]{2,6}$/.test(term.key)) continue;
    // Written as an acronym somewhere in the notes, and not a word of general language ("IT", "US").
    if (![...term.surfaces.keys()].some((spelling) => /^[A-Z][A-Z0-9]+$/.test(spelling)) || !isName(context, term)) continue;
    const phrases = phrasesByInitials.get(term.key);
    if (phrases?.length === 1) context.groups.join(term.key, phrases[0]!.key);
  }
}

function joinContractions(context: FoldContext): void {
  // Long words by first letter and ending: "radosgw" is found from "rgw" as r…gw.
  const byShape = new Map<string, TermTally[]>();
  for (const term of context.tally.terms.values()) {
    const word = singleWord(term);
    if (!word || !/^[a-z][a-z0-9]{5,}$/.test(term.key) || !context.isTerm(term)) continue;
    for (let tail = 2; tail <= 4; tail += 1) {
      const shape = `${term.key[0]}|${term.key.slice(-tail)}`;
      byShape.set(shape, [...(byShape.get(shape) ?? []), term]);
    }
  }
  for (const term of context.tally.terms.values()) {
    if (!/^[a-z][a-z0-9]{2,4}$/.test(term.key) || !isName(context, term)) continue;
    const tail = term.key.slice(1);
    const longer = (byShape.get(`${term.key[0]}|${tail}`) ?? []).filter((candidate) => {
      const head = context.tally.terms.get(candidate.key.slice(0, candidate.key.length - tail.length));
      return candidate.key.length - tail.length >= 3 && head !== undefined && context.isTerm(head);
    });
    if (longer.length === 1) context.groups.join(term.key, longer[0]!.key);
  }
}

function joinVersionsAndSuffixes(context: FoldContext): void {
  for (const term of context.tally.terms.values()) {
    if (!singleWord(term) || !context.isTerm(term)) continue;
    // A version glued to a program's name is the program (sqlite3, python3); a protocol's version is a protocol of
    // its own (HTTP/2).
    const version = /^([a-z][a-z+#.]{2,}?)\d{1,2}$/.exec(term.key)?.[1];
    const suffixed = /^([a-z]{4,})(?:sql|ql|db)$/.exec(term.key)?.[1];
    for (const base of [version, suffixed]) {
      const target = base === undefined ? undefined : context.tally.terms.get(base);
      if (target && target !== term && context.isTerm(target) && (base === version || isName(context, target))) context.groups.join(target.key, term.key);
    }
  }
}

export function joinByShape(context: FoldContext): void {
  joinToolPrefixes(context);
  joinAcronyms(context);
  joinContractions(context);
  joinVersionsAndSuffixes(context);
}
