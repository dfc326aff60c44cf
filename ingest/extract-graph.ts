import { analyseGraph } from './analyse.js';
import { cleanText } from './clean.js';
import { computeCoOccurrence } from './cooccurrence.js';
import { decodeNoteFile } from './decode.js';
import { dedupeNotes } from './dedupe.js';
import { discoverConcepts } from './discover.js';
import { buildConcepts, lexiconConceptInfo, mentionsOf } from './extract-concepts.js';
import { sha256Hex } from './hash.js';
import type { Lexicon } from './lexicon.js';
import { LexiconMatcher, type ConceptHit } from './lexicon-matcher.js';
import { redactFiles, type RedactFilesResult, type RedactionOptions, type RedactionRecord } from './redact/index.js';
import { aggregateRelations, extractRelations } from './relations.js';
import { splitSentences } from './sentences.js';
import { splitNotes } from './split/split-notes.js';
import { titleFromPath } from './source-title.js';
import { indexVault, linkRelations, pageMentions, withLinkHits } from './vault.js';
import type { Diagnostic, ExtractedGraph, Mention, Note, NoteDraft, RawFile, Relation, SourceDoc, StageName } from './types.js';

export interface ExtractOptions {
  files: RawFile[];
  lexicon: Lexicon;
  onProgress?: (event: { file: string; done: number; total: number }) => void;
  /** Redaction settings beyond the lexicon's `notSecret` (tests inject layers). */
  redaction?: Omit<RedactionOptions, 'notSecret'>;
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

/** Runs one stage for one file; an unexpected exception becomes a diagnostic, never the end of the run. */
function guarded<T>(diagnostics: Diagnostic[], file: string, stage: StageName, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    diagnostics.push({ file, stage, message: `stage failed: ${(error as Error).message}` });
    return undefined;
  }
}

interface DecodedFile {
  path: string;
  sha256: string;
  bytes: number;
  text: string;
}

/** read → decode → redact: each file's whole text (titles too), then secret-like values again across all files. */
function decodeAndRedact(options: ExtractOptions, diagnostics: Diagnostic[]): { files: DecodedFile[]; redaction: RedactFilesResult } {
  const decoded: DecodedFile[] = [];
  for (const file of options.files) {
    const result = guarded(diagnostics, file.path, 'decode', () => decodeNoteFile(file.path, file.bytes));
    if (!result) continue;
    diagnostics.push(...result.diagnostics);
    if (result.ok) decoded.push({ path: file.path, sha256: sha256Hex(file.bytes), bytes: file.bytes.length, text: result.text });
  }
  const redaction = redactFiles(decoded, { notSecret: options.lexicon.notSecret, ...options.redaction });
  diagnostics.push(...redaction.diagnostics);
  const redacted = new Map(redaction.files.map((file) => [file.path, file.text]));
  // A file whose redaction failed is not in `redacted`: none of its text goes further.
  const files = decoded.filter((file) => redacted.has(file.path)).map((file) => ({ ...file, text: redacted.get(file.path)! }));
  return { files, redaction };
}

function splitAll(files: DecodedFile[], diagnostics: Diagnostic[], options: ExtractOptions): { sources: SourceDoc[]; drafts: NoteDraft[] } {
  const sources: SourceDoc[] = [];
  const drafts: NoteDraft[] = [];
  files.forEach((file, index) => {
    const split = guarded(diagnostics, file.path, 'split', () => splitNotes(file.path, file.text));
    options.onProgress?.({ file: file.path, done: index + 1, total: files.length });
    if (!split) return;
    diagnostics.push(...split.diagnostics);
    sources.push({ id: file.path, path: file.path, title: split.page?.title ?? titleFromPath(file.path), format: split.format, sha256: file.sha256, bytes: file.bytes, text: '', ...(split.page ? { page: split.page } : {}) });
    for (const draft of split.notes) {
      const text = cleanText(draft.text);
      if (text !== '') drafts.push({ ...draft, text, title: draft.title || text.split('\n')[0]!.slice(0, 80) });
    }
  });
  return { sources, drafts };
}

/**
 * The pure extraction pipeline as a generator that pauses after each named stage. `extractGraph` runs it
 * straight through; `extractGraphYielding` lets the event loop run between stages, so database work started
 * before extraction (schema, reading what is stored) proceeds while extraction computes.
 */
export function* extractGraphSteps(options: ExtractOptions): Generator<StageName, ExtractResult> {
  const diagnostics: Diagnostic[] = [];
  const { files: decoded, redaction } = decodeAndRedact(options, diagnostics);
  yield 'redact';
  const { sources, drafts } = splitAll(decoded, diagnostics, options);
  const { notes, duplicatesCollapsed } = dedupeNotes(drafts);
  yield 'dedupe';

  // Markdown pages that take part in links are concepts: seed entries for them, LINKS_TO edges from their links.
  const vault = indexVault(sources, notes, options.lexicon);
  const lexicon = vault.lexicon;
  const matcher = new LexiconMatcher(lexicon);
  const info = lexiconConceptInfo(lexicon);
  const hitsByNote = new Map<string, ConceptHit[]>();
  for (const note of notes) hitsByNote.set(note.id, guarded(diagnostics, note.occurrences[0]!.path, 'concepts', () => matcher.match(note.text)) ?? []);
  yield 'concepts';
  const discovery = discoverConcepts(notes, hitsByNote, lexicon);
  for (const [id, concept] of discovery.concepts) info.set(id, concept);
  for (const [noteId, hits] of discovery.hitsByNote) hitsByNote.set(noteId, [...(hitsByNote.get(noteId) ?? []), ...hits].sort((a, b) => a.start - b.start));
  for (const noteId of vault.links.keys()) hitsByNote.set(noteId, withLinkHits(vault, noteId, hitsByNote.get(noteId) ?? []));
  yield 'concepts';

  const mentions: Mention[] = notes.flatMap((note) => mentionsOf(note.id, hitsByNote.get(note.id) ?? []));
  mentions.push(...pageMentions(vault, notes, mentions));
  const concepts = buildConcepts(info, mentions);
  const known = new Set(concepts.map((concept) => concept.id));
  const relations = [...extractAllRelations(notes, hitsByNote, commandLinks(lexicon, discovery.commandOf), diagnostics), ...linkRelations(vault, notes)].filter(
    (relation) => known.has(relation.source) && known.has(relation.target),
  );
  const cooccurrences = computeCoOccurrence(
    notes.map((note) => (hitsByNote.get(note.id) ?? []).map((hit) => hit.conceptId)),
    notes.flatMap((note) => sentenceConcepts(note, hitsByNote.get(note.id) ?? [])),
  );
  yield 'cooccurrence';
  const analysis = analyseGraph([...known], cooccurrences, relations);
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

function sentenceConcepts(note: Note, hits: ConceptHit[]): string[][] {
  if (hits.length < 2) return [];
  return splitSentences(note.text)
    .map((sentence) => hits.filter((hit) => hit.start >= sentence.start && hit.end <= sentence.end).map((hit) => hit.conceptId))
    .filter((ids) => ids.length >= 2);
}

/** Sentence-pattern relations of every note, plus each mentioned command's link to its tool. */
function commandLinks(lexicon: Lexicon, discovered: Map<string, string>): Map<string, string> {
  const links = new Map(discovered);
  for (const entry of lexicon.entries) if (entry.commandOf) links.set(entry.id, entry.commandOf);
  return links;
}

function extractAllRelations(notes: Note[], hitsByNote: Map<string, ConceptHit[]>, commandOf: Map<string, string>, diagnostics: Diagnostic[]): Relation[] {
  const relations: Relation[] = [];
  for (const note of notes) {
    const hits = hitsByNote.get(note.id) ?? [];
    relations.push(...(guarded(diagnostics, note.occurrences[0]!.path, 'relations', () => extractRelations(note, hits)) ?? []));
    const seen = new Set<string>();
    for (const hit of hits) {
      const tool = commandOf.get(hit.conceptId);
      if (!tool || seen.has(hit.conceptId)) continue;
      seen.add(hit.conceptId);
      const lineStart = note.text.lastIndexOf('\n', hit.start - 1) + 1;
      const lineEnd = note.text.indexOf('\n', hit.end);
      const evidence = note.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim().slice(0, 300);
      relations.push({ source: hit.conceptId, target: tool, type: 'COMMAND_OF', weight: 1, evidence, noteId: note.id });
    }
  }
  return aggregateRelations(relations);
}
