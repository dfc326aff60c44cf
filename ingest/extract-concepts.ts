import { startsSentence } from './discover-candidates.js';
import { LineCursor, overlapsSpan, type LayoutLine, type NoteLayout } from './discover-layout.js';
import type { Discovery } from './discover.js';
import type { LanguagePack } from './languages/index.js';
import type { Lexicon, LexiconEntry } from './lexicon.js';
import { LexiconMatcher, type ConceptHit } from './lexicon-matcher.js';
import type { Concept, ConceptKind, Mention, Note } from './types.js';

export interface ConceptInfo {
  id: string;
  name: string;
  kind: ConceptKind;
  aliases: string[];
}

/** Mentions of one note: hits grouped by concept, spans flattened as [start, end, …]. */
export function mentionsOf(noteId: string, hits: ConceptHit[]): Mention[] {
  const byConcept = new Map<string, number[]>();
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const spans = byConcept.get(hit.conceptId) ?? [];
    spans.push(hit.start, hit.end);
    byConcept.set(hit.conceptId, spans);
  }
  return [...byConcept].map(([conceptId, spans]) => ({ noteId, conceptId, count: spans.length / 2, spans }));
}

export function conceptInfoOf(entries: readonly LexiconEntry[]): Map<string, ConceptInfo> {
  const info = new Map<string, ConceptInfo>();
  for (const entry of entries) {
    const aliases = [...new Set([...entry.aliases, ...entry.exact, ...entry.contextAliases])].filter((alias) => alias !== entry.name);
    info.set(entry.id, { id: entry.id, name: entry.name, kind: entry.kind, aliases });
  }
  return info;
}

/** Concepts that have at least one mention, with their total mention count; rank and community come later. */
export function buildConcepts(info: Map<string, ConceptInfo>, mentions: Mention[]): Concept[] {
  const totals = new Map<string, number>();
  for (const mention of mentions) totals.set(mention.conceptId, (totals.get(mention.conceptId) ?? 0) + mention.count);
  const concepts: Concept[] = [];
  for (const [id, count] of totals) {
    const known = info.get(id);
    if (!known) continue;
    concepts.push({ ...known, mentions: count, rank: 0, community: -1 });
  }
  return concepts.sort((a, b) => a.id.localeCompare(b.id));
}

/** Every mention's note must exist: used to check the graph before it is written. */
export function notesById(notes: Note[]): Map<string, Note> {
  return new Map(notes.map((note) => [note.id, note]));
}

/** Lexicon entries with the spellings discovery saw for them, then the discovered concepts. */
export function conceptEntries(lexicon: Lexicon, discovery: Discovery): LexiconEntry[] {
  const seeded = lexicon.entries.map((entry) => {
    const spellings = discovery.lexiconSpellings.get(entry.id);
    return spellings ? { ...entry, aliases: [...new Set([...entry.aliases, ...spellings])] } : entry;
  });
  return [...seeded, ...discovery.entries];
}

/** A word of everyday language at least this often per million words: an alias written so is ambiguous. */
const everydayPerMillion = 1;
/** So common that, capitalised at the start of a sentence before a function word, it is the verb ("Go to"). */
const verbPerMillion = 25;

export interface SenseContext {
  packs: readonly LanguagePack[];
  functionWords: ReadonlySet<string>;
  lexiconEntries: ReadonlyMap<string, LexiconEntry>;
}

function backgroundOf(packs: readonly LanguagePack[], surface: string): number {
  if (!/^[A-Za-z][A-Za-z'-]*$/.test(surface)) return 0;
  return Math.max(0, ...packs.map((pack) => pack.extraction.terms.backgroundPerMillion(surface.toLowerCase())));
}

/** "Go to the page", "Paste the key": a capitalised everyday word opening a sentence before a function word. */
function isSentenceVerb(layout: NoteLayout, lineStart: number, hit: ConceptHit, context: SenseContext): boolean {
  const { text } = layout;
  const surface = text.slice(hit.start, hit.end);
  if (!/^[A-Z][a-z]+$/.test(surface) || !startsSentence(text, lineStart, hit.start)) return false;
  const next = /^\s+([A-Za-z']+)/.exec(text.slice(hit.end, hit.end + 24))?.[1]?.toLowerCase();
  if (!next || !context.functionWords.has(next) || /^(?:is|are|was|has|had|can|will|does)$/.test(next)) return false;
  return backgroundOf(context.packs, surface) >= verbPerMillion;
}

/**
 * In code, commands and configuration a word is a mention only where it names a thing: the program a command
 * runs, or a word no general-language list knows (`ansible`, `qcow2`, `br-int`). An everyday word there is part of
 * the program (`yum install`, `storage:`, `volume create`), not a mention of a concept it happens to spell.
 */
function isNameInCode(layout: NoteLayout, line: LayoutLine, hit: ConceptHit, context: SenseContext): boolean {
  if (line.command && hit.start < line.command.end && hit.end > line.command.start) return true;
  const surface = layout.text.slice(hit.start, hit.end);
  return backgroundOf(context.packs, surface) < everydayPerMillion || /[A-Z].*[A-Z]|\d/.test(surface);
}

/** A name qualified in code (`Kernel.spawn(`, `os::path`): an identifier of a program, not the concept. */
function isQualifiedName(text: string, end: number): boolean {
  return /^(?:\.[a-z_]\w*\(|::\w)/.test(text.slice(end, end + 40));
}

/**
 * A lexicon alias that is an everyday word needs support in the note: "paste" is PasteDeploy only where the
 * note also names PasteDeploy (or a context concept), is written in code, or capitalised mid-sentence.
 * A lower-case lexicon word written capitalised mid-sentence is some other thing's proper name ("Kernel").
 */
function senseOfLexiconHit(layout: NoteLayout, lineStart: number, hit: ConceptHit, entry: LexiconEntry, context: SenseContext): 'keep' | 'drop' | 'needs-support' {
  const surface = layout.text.slice(hit.start, hit.end);
  const lower = surface.toLowerCase();
  if (entry.exact.includes(surface) || entry.name === surface) return 'keep';
  if (/^[A-Z][a-z]+$/.test(surface) && entry.name.split(/\s+/).includes(lower) && !startsSentence(layout.text, lineStart, hit.start)) return 'drop';
  // The name itself, in any case or number ("pods" for Pod), is no other sense.
  const sameAsName = entry.name.toLowerCase() === lower || context.packs.some((pack) => pack.extraction.terms.foldWord(surface) === entry.name.toLowerCase());
  if (sameAsName || !/^[a-z]+$/i.test(surface) || backgroundOf(context.packs, surface) < everydayPerMillion) return 'keep';
  return 'needs-support';
}

/**
 * The concept hits of one note: matcher hits minus those that are not mentions of a concept — in machine
 * output or fence lines, inside URLs, paths and dates, qualified names in code, sentence-opening verbs,
 * and lexicon aliases in another sense. This is the point where the final concept hits of each note exist.
 */
export function conceptHitsOf(layout: NoteLayout, matcher: LexiconMatcher, context: SenseContext): ConceptHit[] {
  const lines = new LineCursor(layout.lines);
  const kept: ConceptHit[] = [];
  const pending: ConceptHit[] = [];
  const supported = new Set<string>();
  for (const hit of matcher.match(layout.text)) {
    const line = lines.at(hit.start);
    if (line.kind === 'output' || line.kind === 'fence') continue;
    if ((line.kind === 'code' || line.kind === 'command' || line.kind === 'config') && !isNameInCode(layout, line, hit, context)) continue;
    if (overlapsSpan(layout.masked, hit.start, hit.end) || isQualifiedName(layout.text, hit.end)) continue;
    if (line.kind !== 'code' && isSentenceVerb(layout, line.start, hit, context)) continue;
    const entry = context.lexiconEntries.get(hit.conceptId);
    const sense = entry && line.kind !== 'code' && line.kind !== 'command' && !overlapsSpan(layout.marked, hit.start, hit.end) ? senseOfLexiconHit(layout, line.start, hit, entry, context) : 'keep';
    if (sense === 'drop') continue;
    if (sense === 'needs-support') pending.push(hit);
    else {
      kept.push(hit);
      supported.add(hit.conceptId);
    }
  }
  for (const hit of pending) if (supported.has(hit.conceptId) || (context.lexiconEntries.get(hit.conceptId)?.context ?? []).some((id) => supported.has(id))) kept.push(hit);
  return kept.sort((a, b) => a.start - b.start);
}

/** What a lexicon entry is worth when discovery did not score it: the lexicon says it is a term of these notes. */
const lexiconTermhood = 12;

/**
 * Salience of every concept: termhood (from discovery, or the lexicon's word) times √log2(1 + notes that mention
 * it). The analysis stage blends it with PageRank into the rank.
 */
export function salienceOf(mentions: readonly Mention[], termhood: ReadonlyMap<string, number>, lexiconIds: ReadonlySet<string>): Map<string, number> {
  const notes = new Map<string, number>();
  for (const mention of mentions) notes.set(mention.conceptId, (notes.get(mention.conceptId) ?? 0) + 1);
  const salience = new Map<string, number>();
  for (const [id, count] of notes) {
    const base = Math.max(termhood.get(id) ?? 0, lexiconIds.has(id) ? lexiconTermhood : 0);
    // The square root of the log: how often a term is mentioned counts, but less than how much of a term it is (a
    // general word in every note does not outrank a name used in ten), measured on real notes of 1 MB.
    salience.set(id, base * Math.sqrt(Math.log2(1 + count)));
  }
  return salience;
}
