import type { ConceptInfo } from '../extract-concepts.js';
import { slugify } from '../hash.js';
import type { ConceptHit } from '../lexicon-matcher.js';
import type { Diagnostic } from '../types.js';
import { lexiconFileName, type ConceptDecisions, type SplitDecision } from './decisions.js';

/**
 * Applies the owner's concept decisions to what extraction found, before relations, co-occurrence and analysis
 * (so notes, edges, rank and communities follow): split → merge → rename → kind, then hide (the owner's
 * stopwords). Works on per-note concept hits and the concept info table; both are returned as new maps. A
 * decision that matches nothing extracted is kept in its file and reported here as a diagnostic.
 */
export interface ConceptState {
  hitsByNote: ReadonlyMap<string, readonly ConceptHit[]>;
  info: ReadonlyMap<string, ConceptInfo>;
}

export interface ConceptDecisionInput {
  concepts: ConceptDecisions;
  /** The owner's stopwords (hidden concepts): surface forms and concept names that are never a concept. */
  stopwords: readonly string[];
}

export interface AppliedConceptDecisions {
  hitsByNote: Map<string, ConceptHit[]>;
  info: Map<string, ConceptInfo>;
  /** Where each merged-away id went (after chains), so relation decisions naming it still apply. */
  mergedInto: Map<string, string>;
  diagnostics: Diagnostic[];
}

interface Working {
  hits: Map<string, ConceptHit[]>;
  info: Map<string, ConceptInfo>;
  textOf: (noteId: string) => string;
  report: (message: string) => void;
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const withoutText = (list: string[], value: string) => list.filter((item) => !sameText(item, value));
const withText = (list: string[], value: string) => (list.some((item) => sameText(item, value)) ? list : [...list, value]);

function mentioned(work: Working): Set<string> {
  const ids = new Set<string>();
  for (const hits of work.hits.values()) for (const hit of hits) ids.add(hit.conceptId);
  return ids;
}

/** Re-labels hits in place (the working copy): `pick` returns the new concept id or undefined to keep the hit. */
function relabel(work: Working, pick: (hit: ConceptHit, noteId: string) => string | undefined): number {
  let moved = 0;
  for (const [noteId, hits] of work.hits) {
    work.hits.set(
      noteId,
      hits.map((hit) => {
        const next = pick(hit, noteId);
        if (next === undefined || next === hit.conceptId) return hit;
        moved += 1;
        return { ...hit, conceptId: next };
      }),
    );
  }
  return moved;
}

function applySplit(work: Working, split: SplitDecision, present: Set<string>): void {
  const id = slugify(split.name);
  const from = work.info.get(split.from);
  if (!from || !present.has(split.from)) return work.report(`split ${split.from} / ${split.alias}: no extracted concept ${split.from}; kept`);
  if (id === split.from) return work.report(`split ${split.from} / ${split.alias}: the new name has the same id as ${split.from}; kept, not applied`);
  const moved = relabel(work, (hit, noteId) =>
    hit.conceptId === split.from && sameText(work.textOf(noteId).slice(hit.start, hit.end), split.alias) ? id : undefined,
  );
  const hadAlias = from.aliases.some((alias) => sameText(alias, split.alias));
  if (moved === 0 && !hadAlias) return work.report(`split ${split.from} / ${split.alias}: ${split.from} has no alias ${split.alias}; kept`);
  work.info.set(split.from, { ...from, aliases: withoutText(from.aliases, split.alias) });
  const existing = work.info.get(id);
  const aliases = sameText(split.alias, split.name) ? [] : [split.alias];
  work.info.set(id, existing ? { ...existing, aliases: withText(existing.aliases, split.alias) } : { id, name: split.name, kind: split.kind, aliases });
}

/** Follows merge chains (a → b → c gives a → c); a cycle is reported and none of its decisions apply. */
export function resolveMerges(merge: Readonly<Record<string, string>>, report: (message: string) => void): Map<string, string> {
  const resolved = new Map<string, string>();
  for (const from of Object.keys(merge).sort()) {
    const seen = new Set([from]);
    let into = merge[from]!;
    while (merge[into] !== undefined && !seen.has(into)) {
      seen.add(into);
      into = merge[into]!;
    }
    if (seen.has(into)) report(`merge ${from} → ${merge[from]}: the merges form a cycle; kept, not applied`);
    else resolved.set(from, into);
  }
  return resolved;
}

function applyMerges(work: Working, merge: Readonly<Record<string, string>>, present: Set<string>): Map<string, string> {
  const resolved = resolveMerges(merge, work.report);
  const applied = new Map<string, string>();
  for (const [from, into] of resolved) {
    const source = work.info.get(from);
    const target = work.info.get(into);
    if (!source || !present.has(from)) work.report(`merge ${from} → ${merge[from]}: no extracted concept ${from}; kept`);
    else if (!target) work.report(`merge ${from} → ${merge[from]}: no concept ${into} to merge into; kept`);
    else {
      applied.set(from, into);
      const aliases = [source.name, ...source.aliases].reduce(withText, target.aliases);
      work.info.set(into, { ...target, aliases: withoutText(aliases, target.name) });
    }
  }
  relabel(work, (hit) => applied.get(hit.conceptId));
  for (const from of applied.keys()) work.info.delete(from);
  return applied;
}

function applyRenames(work: Working, rename: Readonly<Record<string, string>>, present: Set<string>): void {
  for (const [id, name] of Object.entries(rename).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const concept = work.info.get(id);
    if (!concept || !present.has(id)) {
      work.report(`rename ${id}: no extracted concept ${id}; kept`);
      continue;
    }
    const aliases = sameText(concept.name, name) ? concept.aliases : withText(concept.aliases, concept.name);
    work.info.set(id, { ...concept, name, aliases: withoutText(aliases, name) });
  }
}

function applyKinds(work: Working, kinds: ConceptDecisions['kind'], present: Set<string>): void {
  for (const [id, kind] of Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const concept = work.info.get(id);
    if (!concept || !present.has(id)) work.report(`kind ${id}: no extracted concept ${id}; kept`);
    else work.info.set(id, { ...concept, kind });
  }
}

/** Hidden concepts: a concept whose name is a stopword goes with all its mentions; so does any stopword surface. */
function applyStopwords(work: Working, stopwords: readonly string[]): void {
  if (stopwords.length === 0) return;
  const words = new Set(stopwords.map((word) => word.toLowerCase()));
  const hidden = new Set([...work.info.values()].filter((concept) => words.has(concept.name.toLowerCase())).map((concept) => concept.id));
  for (const [noteId, hits] of work.hits) {
    const text = work.textOf(noteId);
    const kept = hits.filter((hit) => !hidden.has(hit.conceptId) && !words.has(text.slice(hit.start, hit.end).toLowerCase()));
    if (kept.length !== hits.length) work.hits.set(noteId, kept);
  }
  for (const id of hidden) work.info.delete(id);
}

/** `textOf(noteId)` gives the note text the hits' offsets point into (split and hide look at surface forms). */
export function applyConceptDecisions(state: ConceptState, textOf: (noteId: string) => string, input: ConceptDecisionInput): AppliedConceptDecisions {
  const diagnostics: Diagnostic[] = [];
  const work: Working = {
    hits: new Map([...state.hitsByNote].map(([noteId, hits]) => [noteId, [...hits]])),
    info: new Map(state.info),
    textOf,
    report: (message) => diagnostics.push({ file: lexiconFileName, stage: 'concepts', message: `decision ${message}` }),
  };
  const decisions = input.concepts;
  for (const split of decisions.split) applySplit(work, split, mentioned(work));
  const mergedInto = Object.keys(decisions.merge).length > 0 ? applyMerges(work, decisions.merge, mentioned(work)) : new Map<string, string>();
  const present = mentioned(work);
  applyRenames(work, decisions.rename, present);
  applyKinds(work, decisions.kind, present);
  applyStopwords(work, input.stopwords);
  return { hitsByNote: work.hits, info: work.info, mergedInto, diagnostics };
}
