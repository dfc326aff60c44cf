import { asciiCandidates, chineseCandidates, type Candidate } from './discover-candidates.js';
import { recurringPhrases } from './discover-phrases.js';
import type { ConceptInfo } from './extract-concepts.js';
import { slugify } from './hash.js';
import type { Lexicon, LexiconEntry } from './lexicon.js';
import { LexiconMatcher, type ConceptHit } from './lexicon-matcher.js';
import type { ConceptKind, Note } from './types.js';

export interface Discovery {
  concepts: Map<string, ConceptInfo>;
  hitsByNote: Map<string, ConceptHit[]>;
  /** Discovered commands linked to the lexicon concept their name starts with (ovs-pki → open-vswitch). */
  commandOf: Map<string, string>;
}

/**
 * How many distinct notes a candidate of each shape needs: the rarer the shape is in prose, the fewer.
 * Acronyms and CamelCase count only notes that use them in prose, not in code or commands.
 */
const minNotes: Record<Candidate['shape'], number> = { acronym: 3, camel: 3, hyphenated: 2, phrase: 2, chinese: 3 };
const proseOnly: ReadonlySet<Candidate['shape']> = new Set(['acronym', 'camel']);
const maxDiscovered = 200;
// Host and instance names (ceph-node2, web-01) and placeholders in commands (pool-name, vm-id).
const hostLike = /\d$/;
const placeholderEnd = /-(?:name|id|ip|host|hostname|path|dir|file|port|num|number|size|uuid|xxx)$/;

interface Tally {
  notes: Set<string>;
  proseNotes: Set<string>;
  contexts: Set<string>;
  surfaces: Map<string, number>;
  shape: Candidate['shape'];
  command: boolean;
}

function kindOf(tally: Tally): ConceptKind {
  if (tally.shape === 'hyphenated') return tally.command ? 'command' : 'component';
  if (tally.shape === 'camel') return 'component';
  return 'concept';
}

function tallyCandidates(notes: Note[], stopwords: ReadonlySet<string>): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const phrases = recurringPhrases(notes, stopwords);
  for (const note of notes) {
    const candidates = [...asciiCandidates(note.text), ...chineseCandidates(note.text), ...(phrases.get(note.id) ?? [])];
    for (const candidate of candidates) {
      const key = candidate.surface.toLowerCase();
      const tally = tallies.get(key) ?? { notes: new Set(), proseNotes: new Set(), contexts: new Set(), surfaces: new Map(), shape: candidate.shape, command: false };
      tally.notes.add(note.id);
      if (candidate.prose) tally.proseNotes.add(note.id);
      // Two different contexts are all qualifies() asks for; keeping more costs memory on large corpora.
      if (tally.contexts.size < 2) tally.contexts.add(candidate.context);
      tally.surfaces.set(candidate.surface, (tally.surfaces.get(candidate.surface) ?? 0) + 1);
      tally.command ||= candidate.commandPosition === true;
      tallies.set(key, tally);
    }
  }
  return tallies;
}

function knownAliases(lexicon: Lexicon): Set<string> {
  const known = new Set<string>();
  for (const entry of lexicon.entries) {
    for (const alias of [entry.name, ...entry.aliases, ...entry.exact, ...entry.contextAliases]) known.add(alias.toLowerCase());
  }
  return known;
}

/**
 * A candidate qualifies when it recurs in enough notes, in at least two different contexts (one passage
 * copied into three notes is one use), and is not generic: not a stopword, not made only of stopwords (a
 * phrase: not containing any), not already in the lexicon, not a host name or a command placeholder.
 */
function qualifies(key: string, tally: Tally, lexicon: Lexicon, known: Set<string>): boolean {
  const notes = proseOnly.has(tally.shape) ? tally.proseNotes : tally.notes;
  if (notes.size < minNotes[tally.shape] || tally.contexts.size < 2 || known.has(key) || lexicon.stopwords.has(key)) return false;
  const words = key.split(/[\s-]+/);
  if (words.every((word) => lexicon.stopwords.has(word))) return false;
  if (tally.shape === 'phrase' && words.some((word) => lexicon.stopwords.has(word))) return false;
  if (tally.shape === 'hyphenated') return !hostLike.test(key) && !placeholderEnd.test(key) && (tally.command || known.has(words[0]!));
  return true;
}

/**
 * Discovery stage: candidates by shape and by language, kept when they recur across notes and are not
 * generic, then matched in every note like lexicon terms (overlaps with lexicon mentions are dropped).
 */
export function discoverConcepts(notes: Note[], lexiconHits: Map<string, ConceptHit[]>, lexicon: Lexicon): Discovery {
  const known = knownAliases(lexicon);
  const tallies = [...tallyCandidates(notes, lexicon.stopwords)]
    .filter(([key, tally]) => qualifies(key, tally, lexicon, known))
    .sort(([a, x], [b, y]) => y.notes.size - x.notes.size || a.localeCompare(b))
    .slice(0, maxDiscovered);
  const entries: LexiconEntry[] = [];
  const concepts = new Map<string, ConceptInfo>();
  const commandOf = new Map<string, string>();
  const aliasToId = new Map(lexicon.entries.flatMap((entry) => [entry.name, ...entry.aliases].map((alias) => [alias.toLowerCase(), entry.id] as const)));
  for (const [key, tally] of tallies) {
    const name = [...tally.surfaces].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    const id = slugify(name);
    if (concepts.has(id) || lexicon.entries.some((entry) => entry.id === id)) continue;
    const caseMatters = tally.shape === 'acronym' || tally.shape === 'camel';
    const surfaces = [...tally.surfaces.keys()];
    entries.push({ id, name, kind: kindOf(tally), aliases: caseMatters ? [] : [key], exact: caseMatters ? surfaces : [], contextAliases: [], context: [] });
    concepts.set(id, { id, name, kind: kindOf(tally), aliases: surfaces.filter((surface) => surface !== name) });
    const tool = tally.command ? aliasToId.get(key.split('-')[0]!) : undefined;
    if (tool) commandOf.set(id, tool);
  }
  const matcher = new LexiconMatcher({ entries, stopwords: new Set() });
  const hitsByNote = new Map<string, ConceptHit[]>();
  for (const note of notes) {
    const taken = lexiconHits.get(note.id) ?? [];
    const hits = matcher.match(note.text).filter((hit) => !taken.some((other) => hit.start < other.end && hit.end > other.start));
    if (hits.length > 0) hitsByNote.set(note.id, hits);
  }
  return { concepts, hitsByNote, commandOf };
}
