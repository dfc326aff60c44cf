import { analyseGraph } from './analyse.js';
import { cleanText } from './clean.js';
import { computeCoOccurrence } from './cooccurrence.js';
import { decodeNoteFile } from './decode.js';
import { dedupeNotes } from './dedupe.js';
import { layoutNote, type NoteLayout } from './discover-layout.js';
import { discoverConcepts, type Discovery } from './discover.js';
import { curateConcepts, curatePageMentions, curateRelations, followMerges } from './curation/curate-extraction.js';
import { buildConcepts, conceptEntries, conceptHitsOf, conceptInfoOf, mentionsOf, salienceOf, type SenseContext } from './extract-concepts.js';
import { sha256Hex } from './hash.js';
import { languagePacks, type LanguagePack } from './languages/index.js';
import type { Lexicon } from './lexicon.js';
import { LexiconMatcher, type ConceptHit } from './lexicon-matcher.js';
import { redactFiles, type RedactFilesResult, type RedactionOptions, type RedactionRecord } from './redact/index.js';
import { aggregateRelations, commandRelations, extractRelations, relationRules } from './relations.js';
import { sentenceConcepts } from './sentences.js';
import { splitNotes } from './split/split-notes.js';
import { titleFromPath } from './source-title.js';
import type { StageCache } from './stage-cache.js';
import { indexRegions } from './regions/region-index.js';
import { markRegions, type TextRegion } from './regions.js';
import { indexVault, linkRelations, pageMentions, withLinkHits } from './vault.js';
import type { Diagnostic, ExtractedGraph, Note, NoteDraft, RawFile, Relation, SourceDoc, StageName } from './types.js';

export interface ExtractOptions {
  files: RawFile[];
  lexicon: Lexicon;
  onProgress?: (event: { file: string; done: number; total: number }) => void;
  /** Redaction settings beyond the lexicon's `notSecret` (tests inject layers). */
  redaction?: Omit<RedactionOptions, 'notSecret' | 'firstPass'>;
  /** Per-file and per-note results kept by a running server between re-ingests (see stage-cache.ts). */
  cache?: StageCache;
}

export interface ExtractResult {
  graph: ExtractedGraph;
  filesIngested: number;
  filesSkipped: number;
  duplicatesCollapsed: number;
  redactionsByKind: Record<string, number>;
  /** The audit: every redaction as file, line, kind and length (never the value). */
  redactions: RedactionRecord[];
}

/**
 * Runs one stage for one file; an unexpected exception becomes a diagnostic, never the end of the run. The
 * diagnostic names the error's class only: a message can quote the text being worked on (a regular expression
 * engine's or a parser's does), and diagnostics are printed and stored.
 */
export function guarded<T>(diagnostics: Diagnostic[], file: string, stage: StageName, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    const kind = error instanceof Error ? error.name : typeof error;
    diagnostics.push({ file, stage, message: `stage failed (${kind})` });
    return undefined;
  }
}

interface DecodedFile {
  path: string;
  sha256: string;
  bytes: number;
  text: string;
  modifiedAt?: string;
}

/** read → decode → redact: each file's whole text (titles too), then secret-like values again across all files. */
function decodeAndRedact(options: ExtractOptions, diagnostics: Diagnostic[]): { files: DecodedFile[]; redaction: RedactFilesResult } {
  const decoded: DecodedFile[] = [];
  for (const file of options.files) {
    const result = guarded(diagnostics, file.path, 'decode', () => decodeNoteFile(file.path, file.bytes));
    if (!result) continue;
    diagnostics.push(...result.diagnostics);
    if (result.ok) decoded.push({ path: file.path, sha256: sha256Hex(file.bytes), bytes: file.bytes.length, text: result.text, modifiedAt: file.modifiedAt });
  }
  const redaction = redactFiles(decoded, { notSecret: options.lexicon.notSecret, ...options.redaction, firstPass: options.cache?.table('redact') });
  diagnostics.push(...redaction.diagnostics);
  const redacted = new Map(redaction.files.map((file) => [file.path, file.text]));
  // A file whose redaction failed is not in `redacted`: none of its text goes further.
  const files = decoded.filter((file) => redacted.has(file.path)).map((file) => ({ ...file, text: redacted.get(file.path)! }));
  return { files, redaction };
}

/**
 * Splits every file into note drafts. The regions a split computed for a whole page (to tell tags from code) are
 * kept for the notes whose text is that page's: laying them out does not compute them again.
 */
function splitAll(files: DecodedFile[], diagnostics: Diagnostic[], options: ExtractOptions): { sources: SourceDoc[]; drafts: NoteDraft[]; pageRegions: Map<string, TextRegion[]> } {
  const sources: SourceDoc[] = [];
  const drafts: NoteDraft[] = [];
  const pageRegions = new Map<string, TextRegion[]>();
  files.forEach((file, index) => {
    const computed = new Map<string, TextRegion[]>();
    const regionsOf = (text: string) => {
      const regions = markRegions(text);
      computed.set(text, regions);
      return regions;
    };
    const split = guarded(diagnostics, file.path, 'split', () => splitNotes(file.path, file.text, regionsOf));
    options.onProgress?.({ file: file.path, done: index + 1, total: files.length });
    if (!split) return;
    diagnostics.push(...split.diagnostics);
    sources.push({ id: file.path, path: file.path, title: split.page?.title ?? titleFromPath(file.path), format: split.format, sha256: file.sha256, bytes: file.bytes, text: '', ...(split.page ? { page: split.page } : {}) });
    for (const draft of split.notes) {
      const text = cleanText(draft.text);
      // A note whose format gives no date is dated by its file's modification time, marked as such.
      const dated = draft.date ? { date: draft.date, dateSource: 'note' as const } : file.modifiedAt ? { date: file.modifiedAt, dateSource: 'file' as const } : { date: null, dateSource: null };
      if (text !== '') drafts.push({ ...draft, ...dated, text, title: draft.title || text.split('\n')[0]!.slice(0, 80) });
      const regions = computed.size > 0 ? computed.get(text) : undefined;
      if (regions) pageRegions.set(text, regions);
    }
  });
  return { sources, drafts, pageRegions };
}

/**
 * Lays out every note once: regions, line kinds, masked and marked spans (discovery and relations read them). A
 * layout is a function of the note's text alone (a page's regions are markRegions of that same text).
 */
function layoutAll(notes: Note[], packs: readonly LanguagePack[], pageRegions: Map<string, TextRegion[]>, cache: StageCache | undefined): Map<string, NoteLayout> {
  const maskPatterns = packs.flatMap((pack) => pack.extraction.maskPatterns).map((source) => new RegExp(source, 'g'));
  const layout = (text: string) => layoutNote(text, { maskPatterns, regions: pageRegions.get(text) });
  const table = cache?.table<NoteLayout>('layout');
  return new Map(notes.map((note) => [note.id, table ? table.get(note.text, () => layout(note.text)) : layout(note.text)]));
}

/**
 * Concept hits of every note, from the lexicon (seed knowledge) and the discovered concepts together. The
 * returned map holds the FINAL concept hits per note: curation decisions apply here, before relations,
 * co-occurrence and analysis read them.
 */
function matchConcepts(notes: Note[], layouts: Map<string, NoteLayout>, lexicon: Lexicon, discovery: Discovery, diagnostics: Diagnostic[], packs: readonly LanguagePack[]) {
  const entries = conceptEntries(lexicon, discovery);
  const matcher = new LexiconMatcher({ entries, stopwords: new Set() });
  const context: SenseContext = {
    packs,
    functionWords: new Set(packs.flatMap((pack) => pack.extraction.functionWords)),
    lexiconEntries: new Map(lexicon.entries.map((entry) => [entry.id, entry])),
  };
  const hitsByNote = new Map<string, ConceptHit[]>();
  for (const note of notes) {
    hitsByNote.set(note.id, guarded(diagnostics, note.occurrences[0]!.path, 'concepts', () => conceptHitsOf(layouts.get(note.id)!, matcher, context)) ?? []);
  }
  return { hitsByNote, info: conceptInfoOf(entries) };
}

/** Every mentioned command's link to its tool: from the lexicon's commandOf and from discovered command names. */
function commandLinks(lexicon: Lexicon, discovered: Map<string, string>): Map<string, string> {
  const links = new Map(discovered);
  for (const entry of lexicon.entries) if (entry.commandOf) links.set(entry.id, entry.commandOf);
  return links;
}

function extractAllRelations(notes: Note[], hitsByNote: Map<string, ConceptHit[]>, layouts: Map<string, NoteLayout>, commandOf: Map<string, string>, diagnostics: Diagnostic[]): Relation[] {
  const rules = relationRules(languagePacks);
  const relations: Relation[] = [];
  for (const note of notes) {
    const hits = hitsByNote.get(note.id) ?? [];
    const layout = layouts.get(note.id)!;
    relations.push(...(guarded(diagnostics, note.occurrences[0]!.path, 'relations', () => extractRelations(note, hits, layout, rules)) ?? []));
    relations.push(...commandRelations(note, hits, commandOf));
  }
  return aggregateRelations(relations);
}

/**
 * The pure extraction pipeline as a generator that pauses after each named stage. `extractGraph` runs it
 * straight through; `extractGraphYielding` lets the event loop run between stages, so database work started
 * before extraction (schema, reading what is stored) proceeds while extraction computes.
 */
export function* extractGraphSteps(options: ExtractOptions): Generator<StageName, ExtractResult> {
  const diagnostics: Diagnostic[] = [];
  const packs = languagePacks;
  const { files: decoded, redaction } = decodeAndRedact(options, diagnostics);
  yield 'redact';
  const { sources, drafts, pageRegions } = splitAll(decoded, diagnostics, options);
  // The files' texts live on in their notes: not held twice while the rest of the pipeline runs.
  decoded.length = 0;
  redaction.files.length = 0;
  const { notes, duplicatesCollapsed } = dedupeNotes(drafts);
  drafts.length = 0;
  yield 'dedupe';

  // Markdown pages that take part in links are concepts: seed entries for them, LINKS_TO edges from their links.
  const layouts = layoutAll(notes, packs, pageRegions, options.cache);
  pageRegions.clear();
  const vault = indexVault(sources, notes, options.lexicon, (note) => indexRegions(layouts.get(note.id)!.regions));
  const lexicon = vault.lexicon;
  const discovery = discoverConcepts({ notes, layouts, lexicon, packs, cache: options.cache });
  yield 'concepts';
  const matched = matchConcepts(notes, layouts, lexicon, discovery, diagnostics, packs);
  for (const noteId of vault.links.keys()) matched.hitsByNote.set(noteId, withLinkHits(vault, noteId, matched.hitsByNote.get(noteId) ?? []));
  // The owner's curation decisions apply to the final concept hits, before anything is derived from them.
  const { hitsByNote, info, mergedInto } = curateConcepts(matched, notes, options.lexicon.curation, diagnostics);
  yield 'concepts';

  const mentions = notes.flatMap((note) => mentionsOf(note.id, hitsByNote.get(note.id) ?? []));
  mentions.push(...curatePageMentions(pageMentions(vault, notes, mentions), { mentions, info, mergedInto }));
  const concepts = buildConcepts(info, mentions);
  const known = new Set(concepts.map((concept) => concept.id));
  // Merged-away ids can still come from outside the hits (page links, a command's tool): they follow the merge.
  const typed = followMerges([...extractAllRelations(notes, hitsByNote, layouts, commandLinks(lexicon, discovery.commandOf), diagnostics), ...linkRelations(vault, notes)], mergedInto);
  const extracted = typed.filter(
    (relation) => known.has(relation.source) && known.has(relation.target) && !discovery.classNouns.has(relation.source) && !discovery.classNouns.has(relation.target),
  );
  const relations = curateRelations(extracted, { concepts: known, mergedInto, notes }, options.lexicon.curation, diagnostics);
  yield 'relations';
  const cooccurrences = computeCoOccurrence(
    notes.map((note) => (hitsByNote.get(note.id) ?? []).map((hit) => hit.conceptId)),
    notes.flatMap((note) => sentenceConcepts(note.text, hitsByNote.get(note.id) ?? [])),
  );
  yield 'cooccurrence';
  const salience = salienceOf(mentions, discovery.scores, new Set(lexicon.entries.map((entry) => entry.id)));
  const analysis = analyseGraph([...known], cooccurrences, relations, salience);
  for (const concept of concepts) {
    concept.rank = analysis.rank.get(concept.id) ?? 0;
    concept.community = analysis.community.get(concept.id) ?? -1;
  }
  const graph: ExtractedGraph = { sources: sources.map(({ text: _text, page: _page, ...source }) => source), notes, concepts, mentions, relations, cooccurrences, diagnostics };
  return {
    graph,
    filesIngested: sources.length,
    filesSkipped: options.files.length - sources.length,
    duplicatesCollapsed,
    redactionsByKind: redaction.counts,
    redactions: redaction.records,
  };
}

/** Runs the whole pipeline synchronously: raw files in, the graph to write out. */
export function extractGraph(options: ExtractOptions): ExtractResult {
  const steps = extractGraphSteps(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same pipeline, giving the event loop a turn after each stage. */
export async function extractGraphYielding(options: ExtractOptions): Promise<ExtractResult> {
  const steps = extractGraphSteps(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
