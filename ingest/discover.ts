import { aliasStatements, compileAliasPatterns, KeyGroups } from './discover-aliases.js';
import { joinByShape, type FoldContext } from './discover-folds.js';
import { noteCandidates, packWords, type PackWords } from './discover-candidates.js';
import type { LayoutLine, NoteLayout } from './discover-layout.js';
import { instanceFamilies, phraseDice, scoreTerm, type ScoreContext, type ScoredTerm } from './discover-score.js';
import { addNote, emptyTally, foldKey, foldPlurals, type CorpusTally, type TermTally } from './discover-tally.js';
import { slugify } from './hash.js';
import type { LanguagePack } from './languages/index.js';
import type { TermAnalyzer } from './languages/extraction-rules.js';
import type { Lexicon, LexiconEntry } from './lexicon.js';
import type { StageCache } from './stage-cache.js';
import type { Note } from './types.js';

/**
 * Discovery stage: concepts by termhood, independent of any lexicon. Candidates of every note are tallied,
 * plurals and stated aliases fold, every group is scored, and the best groups become matcher entries. A group
 * that folds onto a lexicon name does not become a new concept: the lexicon (seed knowledge: ids, kinds,
 * Chinese aliases) keeps it, and the corpus' own spellings are added to its aliases.
 */
export interface Discovery {
  /** New concepts, as entries for the matcher. */
  entries: LexiconEntry[];
  /** Spellings seen in the notes that fold onto a lexicon entry, by entry id. */
  lexiconSpellings: Map<string, string[]>;
  /** Termhood (times evidence) of every scored concept, discovered or lexicon, by concept id. */
  scores: Map<string, number>;
  /** Discovered commands linked to the concept their name starts with (ceph-deploy → ceph). */
  commandOf: Map<string, string>;
  /**
   * Discovered concepts that are one word of a language written without spaces (集群, 底层, 标识): class nouns,
   * too general to be the end of a typed relation, though they are concepts.
   */
  classNouns: Set<string>;
}

export interface DiscoveryInput {
  notes: readonly Note[];
  layouts: ReadonlyMap<string, NoteLayout>;
  lexicon: Lexicon;
  packs: readonly LanguagePack[];
  /** A running server's cache of per-note results (stage-cache.ts). */
  cache?: StageCache;
}

/**
 * How many new concepts a corpus may get: grows with its notes and its words (a few long notes hold as many
 * topics as many short ones), enough for large corpora, few enough that the overview stays readable.
 */
export function discoveryBudget(noteCount: number, wordCount: number): number {
  return Math.max(300, Math.min(4000, Math.round(noteCount + wordCount / 250)));
}
// A phrase made only of concepts ("ceph osd", "openstack nova") is one concept next to another unless its
// words are nearly always written together.
const minCompositeDice = 0.3;

interface Group {
  members: ScoredTerm[];
  best: ScoredTerm;
}

/** A written line repeated in this many notes is boilerplate: a template, a signature, a book's header. */
const boilerplateNotes = 3;

/** The folding key of a prose line for boilerplate: case and spacing folded; short lines (a label, a word) never count. */
function lineKey(text: string, line: LayoutLine): string | undefined {
  if (line.end - line.start < 12 || line.kind === 'command' || line.kind === 'code' || line.kind === 'output' || line.kind === 'config' || line.kind === 'fence') return undefined;
  const raw = text.slice(line.start, line.end).trim().toLowerCase();
  const folded = /\s\s|\t/.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
  return folded.length >= 12 && folded.includes(' ') ? folded : undefined;
}

/**
 * Lines of prose, headings and tables written word for word in several notes ("h/t Jack Christensen", a study
 * template's headings, the header of every chapter note): their words are counted in the first note that has them
 * only, so a template is not the topic of every note it was pasted into.
 */
function boilerplateLines(input: DiscoveryInput): Set<string> {
  const notesOf = new Map<string, number>();
  const lastNote = new Map<string, number>();
  input.notes.forEach((note, index) => {
    const layout = input.layouts.get(note.id)!;
    for (const line of layout.lines) {
      const key = lineKey(layout.text, line);
      if (key === undefined || lastNote.get(key) === index) continue;
      lastNote.set(key, index);
      notesOf.set(key, (notesOf.get(key) ?? 0) + 1);
    }
  });
  return new Set([...notesOf].filter(([, count]) => count >= boilerplateNotes).map(([key]) => key));
}

/**
 * A note's candidates and alias statements, from the cache when one is given. Candidates depend on the note's text
 * (its layout) and on which of its lines the corpus already counted as boilerplate: skipLine is asked about every
 * line in order, as noteCandidates would, and the lines skipped are part of the key.
 */
function perNoteStages(cache: StageCache | undefined, packs: readonly PackWords[], patterns: ReturnType<typeof compileAliasPatterns>) {
  if (!cache) {
    return {
      candidatesOf: (layout: NoteLayout, skipLine: (line: LayoutLine) => boolean) => noteCandidates(layout, packs, skipLine),
      aliasesOf: (layout: NoteLayout) => aliasStatements(layout, patterns),
    };
  }
  const candidates = cache.table<ReturnType<typeof noteCandidates>>('candidates');
  const aliases = cache.table<ReturnType<typeof aliasStatements>>('aliases');
  return {
    candidatesOf: (layout: NoteLayout, skipLine: (line: LayoutLine) => boolean) => {
      const skipped = layout.lines.flatMap((line, index) => (skipLine(line) ? [index] : []));
      const skip = new Set(skipped.map((index) => layout.lines[index]!));
      return candidates.get(`${skipped.join(',')}\u0000${layout.text}`, () => noteCandidates(layout, packs, (line) => skip.has(line)));
    },
    aliasesOf: (layout: NoteLayout) => aliases.get(layout.text, () => aliasStatements(layout, patterns)),
  };
}

function tallyCorpus(input: DiscoveryInput, packs: readonly PackWords[]): { tally: CorpusTally; groups: KeyGroups; statements: [string, string][] } {
  const tally = emptyTally(packs.length);
  const patterns = compileAliasPatterns(input.packs.flatMap((pack) => pack.extraction.aliasPatterns));
  const statements: [string, string][] = [];
  const boilerplate = boilerplateLines(input);
  const counted = new Set<string>();
  const { candidatesOf, aliasesOf } = perNoteStages(input.cache, packs, patterns);
  for (const note of input.notes) {
    const layout = input.layouts.get(note.id)!;
    const skipLine = (line: LayoutLine) => {
      if (boilerplate.size === 0) return false;
      const key = lineKey(layout.text, line);
      if (key === undefined || !boilerplate.has(key)) return false;
      if (!counted.has(key)) {
        counted.add(key);
        return false;
      }
      return true;
    };
    addNote(tally, candidatesOf(layout, skipLine));
    for (const { term, alias } of aliasesOf(layout)) statements.push([foldKey([term]), foldKey([alias])]);
  }
  input.packs.forEach((pack, index) => {
    const surfaces = [...tally.terms.values()].filter((term) => term.pack === index).flatMap((term) => [...term.surfaces.keys()]);
    pack.extraction.terms.preload?.([...tally.words[index]!.keys(), ...surfaces]);
  });
  const folded = foldPlurals(tally, input.packs.map((pack) => pack.extraction.terms));
  const groups = new KeyGroups();
  const follow = (key: string) => folded.get(key) ?? key;
  for (const [term, alias] of statements) if (tally.terms.has(follow(term)) && tally.terms.has(follow(alias))) groups.join(follow(term), follow(alias));
  return { tally, groups, statements };
}

/**
 * The folding keys of the lexicon's names, each also in its singular ("Transactions", a page titled in the
 * plural, is the concept the notes call "transaction"). A key the notes use for something else is not taken.
 */
function lexiconKeys(lexicon: Lexicon, analyzers: readonly TermAnalyzer[]): Map<string, { entry: LexiconEntry; plain: boolean }> {
  const keys = new Map<string, { entry: LexiconEntry; plain: boolean }>();
  const add = (alias: string, entry: LexiconEntry, plain: boolean) => {
    const words = alias.trim().split(/\s+/);
    const last = words.at(-1)!;
    const singular = analyzers.map((analyzer) => analyzer.foldWord(last)).find((word) => word !== '' && word !== last.toLowerCase());
    for (const key of [foldKey([alias]), ...(singular && /^[A-Za-z]/.test(last) ? [foldKey([...words.slice(0, -1), singular])] : [])]) if (!keys.has(key)) keys.set(key, { entry, plain });
  };
  for (const entry of lexicon.entries) {
    for (const alias of [entry.name, ...entry.aliases]) add(alias, entry, true);
    for (const alias of [...entry.exact, ...entry.contextAliases]) add(alias, entry, false);
  }
  return keys;
}

/** The written form a concept is named by: singular, and capitalised the way the notes write it mid-sentence. */
function canonicalSurface(term: TermTally): string {
  // Product names are capitalised by careful writers and lower-cased by hurried ones: a third is enough.
  const proper = term.capitalMid * 2 >= term.lowerMid && term.capitalMid > 0;
  const top = Math.max(...term.surfaces.values());
  // The singular names the concept when it is in real use; a plural used far more often is the name (Rails).
  const isSingular = (entry: [string, number]) => Number(foldKey([entry[0]]) === term.key && entry[1] * 3 >= top);
  const ranked = [...term.surfaces].sort((a, b) => {
    const singular = isSingular(b) - isSingular(a);
    const casing = proper ? Number(/[A-Z]/.test(b[0])) - Number(/[A-Z]/.test(a[0])) : Number(b[0] === b[0].toLowerCase()) - Number(a[0] === a[0].toLowerCase());
    return singular || casing || b[1] - a[1] || a[0].localeCompare(b[0]);
  });
  return ranked[0]![0];
}

function groupName(group: Group): string {
  // Bilingual pairs are named in Latin script when they have a Latin member: ids stay ASCII slugs.
  const latin = group.members.filter((member) => /^[\x20-\x7e]+$/.test(canonicalSurface(member.term)));
  const pool = latin.length > 0 ? latin : group.members;
  const best = [...pool].sort((a, b) => b.term.occurrences - a.term.occurrences || b.score - a.score)[0]!;
  return canonicalSurface(best.term);
}

function toEntry(group: Group): LexiconEntry {
  const name = groupName(group);
  const aliases = new Set<string>();
  const exact = new Set<string>();
  for (const member of group.members) {
    for (const surface of member.term.surfaces.keys()) {
      if (member.caseSensitive) {
        if (/[A-Z]/.test(surface)) exact.add(surface);
      } else aliases.add(surface.toLowerCase());
    }
  }
  const command = group.members.filter((member) => member.score > 0).every((member) => member.command);
  return { id: slugify(name), name, kind: command ? 'command' : 'concept', aliases: [...aliases].filter((alias) => alias !== name.toLowerCase() || exact.size > 0), exact: [...exact], contextAliases: [], context: [] };
}

/**
 * Scored groups of terms, best first. A group is every term the text says is one concept (aliases) or that
 * folds together; it is scored by its best member, and members too rare to score on their own come along as
 * spellings ("协程" in "协程（Coroutine）").
 */
function scoredGroups(tally: CorpusTally, groups: KeyGroups, context: ScoreContext): Group[] {
  const families = instanceFamilies(tally.terms.keys());
  const byRoot = new Map<string, Group>();
  const unscored: TermTally[] = [];
  for (const term of tally.terms.values()) {
    const scored = scoreTerm(context, term, families);
    if (!scored) {
      if (groups.find(term.key) !== term.key || groups.hasMembers(term.key)) unscored.push(term);
      continue;
    }
    const root = groups.find(term.key);
    const group = byRoot.get(root);
    if (!group) byRoot.set(root, { members: [scored], best: scored });
    else {
      group.members.push(scored);
      if (scored.score > group.best.score) group.best = scored;
    }
  }
  for (const term of unscored) byRoot.get(groups.find(term.key))?.members.push({ term, score: 0, caseSensitive: false, command: false });
  const weight = (group: Group) => group.best.score * Math.log2(1 + Math.max(...group.members.map((member) => member.term.notes)));
  return [...byRoot.values()].sort((a, b) => weight(b) - weight(a) || a.best.term.key.localeCompare(b.best.term.key));
}

/** Runs discovery over every note (see Discovery). */
export function discoverConcepts(input: DiscoveryInput): Discovery {
  const packs = input.packs.map((pack) => packWords(pack.extraction));
  const { tally, groups } = tallyCorpus(input, packs);
  const stopwords = new Set([...packs.flatMap((pack) => [...pack.stopwords]), ...input.lexicon.stopwords]);
  const context: ScoreContext = { tally, analyzers: input.packs.map((pack) => pack.extraction.terms), stopwords };
  joinByShape(foldContext(context, groups));
  const known = lexiconKeys(input.lexicon, context.analyzers);
  const discovery: Discovery = { entries: [], lexiconSpellings: new Map(), scores: new Map(), commandOf: new Map(), classNouns: new Set() };
  const selectedKeys = new Set<string>(known.keys());
  const budget = discoveryBudget(input.notes.length, tally.totals.reduce((sum, count) => sum + count, 0));
  const ids = new Set(input.lexicon.entries.map((entry) => entry.id));
  const candidates: Group[] = [];
  for (const group of scoredGroups(tally, groups, context)) {
    const seed = group.members.map((member) => known.get(member.term.key)).find((hit) => hit !== undefined);
    if (seed) {
      discovery.scores.set(seed.entry.id, Math.max(discovery.scores.get(seed.entry.id) ?? 0, group.best.score));
      if (seed.plain) {
        const spellings = group.members.filter((member) => !member.caseSensitive).flatMap((member) => [...member.term.surfaces.keys()].map((surface) => surface.toLowerCase()));
        discovery.lexiconSpellings.set(seed.entry.id, [...new Set([...(discovery.lexiconSpellings.get(seed.entry.id) ?? []), ...spellings])]);
      }
      continue;
    }
    candidates.push(group);
    for (const member of group.members) selectedKeys.add(member.term.key);
  }
  for (const group of candidates) {
    if (discovery.entries.length >= budget) break;
    const term = group.best.term;
    // Written as a name (Spark Streaming, Docker Compose), a phrase of concepts is a concept of its own.
    const named = term.capitalMid > term.lowerMid;
    if (group.members.length === 1 && term.words.length > 1 && !named && isComposite(term, selectedKeys) && phraseDice(context, term) < minCompositeDice) continue;
    const entry = toEntry(group);
    if (ids.has(entry.id)) continue;
    ids.add(entry.id);
    discovery.entries.push(entry);
    discovery.scores.set(entry.id, group.best.score);
    if (group.members.every((member) => member.term.words.length === 1 && input.packs[member.term.pack]!.extraction.terms.joiner === '')) discovery.classNouns.add(entry.id);
  }
  linkCommands(discovery, known);
  return discovery;
}

/** What the shape rules need to know about terms: whether each is a term on its own, and how common a word it is. */
function foldContext(context: ScoreContext, groups: KeyGroups): FoldContext {
  const families = instanceFamilies(context.tally.terms.keys());
  const terms = new Map<string, boolean>();
  return {
    tally: context.tally,
    groups,
    isTerm: (term) => {
      let known = terms.get(term.key);
      if (known === undefined) terms.set(term.key, (known = scoreTerm(context, term, families) !== undefined));
      return known;
    },
    backgroundOf: (term) => Math.max(...[...term.surfaces.keys()].map((surface) => context.analyzers[term.pack]!.backgroundPerMillion(surface.toLowerCase()))),
  };
}

function isComposite(term: TermTally, selected: ReadonlySet<string>): boolean {
  return term.words.every((word) => selected.has(foldKey([word])));
}

/** ceph-deploy → ceph, ovs-ofctl → ovs: a command named after a concept belongs to it. */
function linkCommands(discovery: Discovery, known: Map<string, { entry: LexiconEntry }>): void {
  const byKey = new Map<string, string>([...known].map(([key, { entry }]) => [key, entry.id]));
  for (const entry of discovery.entries) byKey.set(foldKey([entry.name]), entry.id);
  for (const entry of discovery.entries) {
    if (entry.kind !== 'command' || !entry.name.includes('-')) continue;
    const tool = byKey.get(foldKey([entry.name.split('-')[0]!]));
    if (tool && tool !== entry.id) discovery.commandOf.set(entry.id, tool);
  }
}
