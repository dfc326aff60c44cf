import { slugify } from './hash.js';
import type { Lexicon, LexiconEntry } from './lexicon.js';
import type { RegionIndex } from './regions/region-index.js';
import type { ConceptHit } from './lexicon-matcher.js';
import { splitSentences, type Sentence } from './sentences.js';
import type { Mention, Note, Relation, SourceDoc } from './types.js';
import { isConceptName, PageIndex, type VaultPage } from './vault-pages.js';
import { findPageLinks, type WikiLink } from './wikilinks.js';

/**
 * Markdown vaults in the graph (issue "Ingest 2", item 3). A page is a concept named by its title, with its
 * front-matter aliases folded in, when it takes part in the vault's wikilink graph (it links to a page or is
 * linked to) or declares aliases, and its title names a subject (not README, Index, Untitled, a date, not an
 * article title). A wikilink that finds no page still names a concept (Obsidian shows it as an unresolved node). Each link becomes
 * (page concept)-[:LINKS_TO {evidence: the sentence around the link, noteId}]->(target concept), and a mention of
 * the target at the link. A plain Markdown folder without links has no page concepts: its file names are titles.
 */
export interface Vault {
  /** The lexicon with a seed entry per page concept (or extra aliases on the lexicon concept a page names). */
  lexicon: Lexicon;
  /** Concept id of each concept page, by source path. */
  pageConcepts: Map<string, string>;
  /** Each note's links that reach a concept. */
  links: Map<string, VaultLink[]>;
}

interface VaultLink {
  link: WikiLink;
  conceptId: string;
}

interface Named {
  name: string;
  page?: VaultPage;
}

const lower = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/** Seed entries for the named things, folded into lexicon concepts that already carry one of their names. */
function seedLexicon(lexicon: Lexicon, named: readonly { names: string[] }[]): { lexicon: Lexicon; idOf: (name: string) => string | undefined } {
  const entries = new Map(lexicon.entries.map((entry) => [entry.id, { ...entry, aliases: [...entry.aliases] }]));
  const byName = new Map<string, string>();
  for (const entry of lexicon.entries) for (const alias of [entry.name, ...entry.aliases, ...entry.exact]) byName.set(lower(alias), entry.id);
  for (const { names } of named) {
    const usable = names.filter((name) => !lexicon.stopwords.has(lower(name)));
    if (usable.length === 0) continue;
    const id = usable.map((name) => byName.get(lower(name))).find(Boolean) ?? (entries.has(slugify(usable[0]!)) ? slugify(usable[0]!) : undefined);
    const entry: LexiconEntry = (id ? entries.get(id) : undefined) ?? { id: slugify(usable[0]!), name: usable[0]!, kind: 'concept', aliases: [], exact: [], contextAliases: [], context: [] };
    for (const name of usable) {
      const known = [entry.name, ...entry.aliases, ...entry.exact].some((alias) => lower(alias) === lower(name));
      // A name of one to three Latin letters ("Go", "R") counts only in its own case.
      if (!known) (/^[A-Za-z]{1,3}$/.test(name) ? entry.exact : entry.aliases).push(name);
      byName.set(lower(name), entry.id);
    }
    entries.set(entry.id, entry);
  }
  return { lexicon: { entries: [...entries.values()], stopwords: lexicon.stopwords }, idOf: (name) => byName.get(lower(name)) };
}

/** Every note's links, resolved to a page or an unresolved name; links to files that are not pages are left out. */
function resolveLinks(index: PageIndex, notes: readonly Note[], regionsOf: (note: Note) => RegionIndex | undefined): Map<string, { link: WikiLink; target: Named }[]> {
  const byNote = new Map<string, { link: WikiLink; target: Named }[]>();
  for (const note of notes) {
    const path = note.occurrences[0]?.path ?? '';
    if (!index.page(path)) continue;
    const resolved = findPageLinks(note.text, regionsOf(note)).flatMap((link) => {
      const target = index.resolve(link, path);
      return target && isConceptName(target.name) ? [{ link, target }] : [];
    });
    if (resolved.length > 0) byNote.set(note.id, resolved);
  }
  return byNote;
}

/** `regionsOf`: each note's regions when the caller has computed them already (links in code are no links). */
export function indexVault(sources: readonly SourceDoc[], notes: readonly Note[], lexicon: Lexicon, regionsOf: (note: Note) => RegionIndex | undefined = () => undefined): Vault {
  const index = new PageIndex(sources);
  if (index.pages.length === 0) return { lexicon, pageConcepts: new Map(), links: new Map() };
  const resolved = resolveLinks(index, notes, regionsOf);
  const linked = new Set<string>();
  const unresolved = new Map<string, string>();
  for (const note of notes) {
    // Wikilinks make pages concepts; a Markdown link (`[see](other.md)`) cross-references articles, so it only
    // draws an edge between pages that are concepts already.
    for (const { link, target } of resolved.get(note.id) ?? []) {
      if (target.page?.path === note.occurrences[0]!.path || link.markdown) continue;
      linked.add(note.occurrences[0]!.path);
      if (target.page) linked.add(target.page.path);
      else if (!unresolved.has(lower(target.name))) unresolved.set(lower(target.name), target.name);
    }
  }
  const conceptPages = index.pages.filter((page) => !page.generic && isConceptName(page.title) && (linked.has(page.path) || page.aliases.length > 0));
  const seeded = seedLexicon(lexicon, [...conceptPages.map((page) => ({ names: [page.title, ...page.aliases] })), ...[...unresolved.values()].map((name) => ({ names: [name] }))]);
  const pageConcepts = new Map<string, string>();
  for (const page of conceptPages) {
    const id = seeded.idOf(page.title);
    if (id) pageConcepts.set(page.path, id);
  }
  const links = new Map<string, VaultLink[]>();
  for (const [noteId, list] of resolved) {
    const reached = list.flatMap(({ link, target }) => {
      const conceptId = target.page ? pageConcepts.get(target.page.path) : link.markdown ? undefined : seeded.idOf(target.name);
      return conceptId ? [{ link, conceptId }] : [];
    });
    if (reached.length > 0) links.set(noteId, reached);
  }
  return { lexicon: seeded.lexicon, pageConcepts, links };
}

/** A note's concept hits with each link counted as a mention of its target (hits inside the link markup replaced). */
export function withLinkHits(vault: Vault, noteId: string, hits: readonly ConceptHit[]): ConceptHit[] {
  const links = vault.links.get(noteId);
  if (!links) return [...hits];
  const outside = hits.filter((hit) => !links.some(({ link }) => hit.start < link.end && hit.end > link.start));
  const linkHits = links.map(({ link, conceptId }) => ({ conceptId, start: link.nameStart, end: link.nameEnd }));
  return [...outside, ...linkHits].sort((a, b) => a.start - b.start);
}

/**
 * A concept page's notes are about its concept even where its name is not in their text (the title is the
 * file name): each such note gets one mention of it with no highlight span.
 */
export function pageMentions(vault: Vault, notes: readonly Note[], mentions: readonly Mention[]): Mention[] {
  const present = new Set(mentions.map((mention) => `${mention.noteId}\u0000${mention.conceptId}`));
  return notes.flatMap((note) => {
    const conceptId = vault.pageConcepts.get(note.occurrences[0]?.path ?? '');
    return conceptId && !present.has(`${note.id}\u0000${conceptId}`) ? [{ noteId: note.id, conceptId, count: 1, spans: [] }] : [];
  });
}

const maxEvidence = 300;

function evidenceOf(note: Note, sentences: readonly Sentence[], link: WikiLink): string {
  const sentence = sentences.find((candidate) => candidate.start <= link.start && link.start < candidate.end);
  return (sentence?.text ?? note.text.slice(link.start, link.end)).slice(0, maxEvidence);
}

/** LINKS_TO from the concept of the page holding each link to the link's target; one edge per pair, weight = notes. */
export function linkRelations(vault: Vault, notes: readonly Note[]): Relation[] {
  const edges = new Map<string, Relation & { notes: Set<string> }>();
  for (const note of notes) {
    const source = vault.pageConcepts.get(note.occurrences[0]?.path ?? '');
    const links = vault.links.get(note.id);
    if (!source || !links) continue;
    const sentences = splitSentences(note.text);
    for (const { link, conceptId } of links) {
      if (conceptId === source) continue;
      const key = `${source}\u0000${conceptId}`;
      const edge = edges.get(key) ?? { source, target: conceptId, type: 'LINKS_TO' as const, weight: 0, evidence: evidenceOf(note, sentences, link), noteId: note.id, notes: new Set<string>() };
      edge.notes.add(note.id);
      edge.weight = edge.notes.size;
      edges.set(key, edge);
    }
  }
  return [...edges.values()].map(({ notes: _notes, ...relation }) => relation);
}
