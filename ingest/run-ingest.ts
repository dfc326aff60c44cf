import { randomUUID } from 'node:crypto';
import type { Database } from '../queries/database.js';
import { CorrectedMeanwhileError, readEditCount, readGraphState, readSourceDigests, writeIngestedGraph, type GraphState, type WriteStats } from '../queries/ingest-write.js';
import { patchLiveGraph } from '../queries/ingest-patch.js';
import { applySchema } from '../queries/schema.js';
import { decodeNoteFile } from './decode.js';
import { extractGraphYielding } from './extract-graph.js';
import { toGraphRows } from './graph-rows.js';
import { sha256Hex } from './hash.js';
import { loadLexicon } from './lexicon.js';
import { readNoteFiles } from './read-files.js';
import type { RedactionRecord } from './redact/index.js';
import type { StageCache } from './stage-cache.js';
import type { Diagnostic, ExtractedGraph } from './types.js';

export type { Diagnostic, ExtractedGraph } from './types.js';

export const defaultMaxFileBytes = 20 * 1024 * 1024;

export interface IngestOptions {
  notesDir: string;
  /** Omit for a dry run. */
  db?: Database;
  dryRun?: boolean;
  /** Rewrite the graph even when nothing changed (it is still replaced atomically, never emptied first). */
  reset?: boolean;
  maxFileBytes?: number;
  /** Use the bundled lexicon as seed knowledge (default true; the CLI's `--no-lexicon` sets false). */
  lexicon?: boolean;
  /**
   * Apply the schema first (default true). A running server that re-ingests on every save has applied it
   * already; doing it again costs Neo4j a second of work beside the extraction, on every save.
   */
  schema?: boolean;
  /**
   * Apply a small change to the live graph in one transaction instead of writing a generation (queries/ingest-
   * patch.ts); a running server's re-ingest after a save or a correction sets it. Large changes still swap.
   */
  patch?: boolean;
  onProgress?: (event: { file: string; done: number; total: number }) => void;
  /**
   * Per-file and per-note extraction results kept between runs (a running server's re-ingests): only what changed
   * is computed again. The graph is the same with or without it.
   */
  cache?: StageCache;
  /**
   * With `patch`: commit the changed notes first and leave concept properties and edges to the returned `finish`
   * (a running server tells explorers in between). Without it everything is written before runIngest returns.
   */
  defer?: boolean;
}

export interface IngestResult {
  summary: IngestSummary;
  graph: ExtractedGraph;
  /** With `defer`, when the change was patched: the second write step (see queries/ingest-patch.ts). */
  finish?: () => Promise<boolean>;
}

export interface IngestSummary {
  files: number;
  filesSkipped: number;
  notes: number;
  duplicatesCollapsed: number;
  concepts: number;
  relationsByType: Record<string, number>;
  redactionsByKind: Record<string, number>;
  /** Every redaction as file, line, kind and length (`--redactions` prints them); never a value. */
  redactions: RedactionRecord[];
  diagnostics: Diagnostic[];
  elapsedMs: number;
  /**
   * Where the time went: reading the files and the lexicon (readMs), reading and extraction (extractMs, from the
   * start), then (overlapping it) schema and reading what is stored, then each write stage; with a cache, its
   * hits and misses per stage.
   */
  timings: { readMs?: number; extractMs: number; schemaMs?: number; stateMs?: number; write?: WriteStats; cache?: Record<string, { hits: number; misses: number }> };
}

function countRelations(graph: ExtractedGraph): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const relation of graph.relations) counts[relation.type] = (counts[relation.type] ?? 0) + 1;
  if (graph.cooccurrences.length > 0) counts.CO_OCCURS = graph.cooccurrences.length;
  return counts;
}

interface Prepared {
  state: GraphState;
  schemaMs: number;
  stateMs: number;
}

/** Schema and what is already stored: everything the write needs that does not need the notes. */
async function prepareDatabase(db: Database, schema: boolean): Promise<Prepared> {
  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const value = await work();
    return { value, ms: Math.round(performance.now() - started) };
  };
  // Reading what is stored does not depend on the schema: both run at once, in two sessions.
  const [applied, state] = await Promise.all([schema ? timed(() => applySchema(db)) : { ms: 0 }, timed(() => readGraphState(db))]);
  return { state: state.value, schemaMs: applied.ms, stateMs: state.ms };
}

/** A promise whose rejection is held until it is awaited, so a failure during extraction is not "unhandled". */
function held<T>(promise: Promise<T>): () => Promise<T> {
  const settled = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return async () => {
    const result = await settled;
    if (!result.ok) throw result.error;
    return result.value;
  };
}

/**
 * Ingests a notes folder: reads files (the I/O edge), runs the pure extraction pipeline, and writes the graph to
 * Neo4j unless this is a dry run (no `db`, or `dryRun`). Content problems are diagnostics in the summary.
 * Neo4j is prepared (schema, stored signatures) while extraction runs: on a freshly started database that
 * work is mostly the JVM warming up, in another process, so overlapping the two saves seconds.
 */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ingestOnce(attempt === 1 ? options : { ...options, schema: false });
    } catch (error) {
      // A correction was made in the live graph after this run read the decision files (a server's explorer
      // while this CLI ingest ran): read them again rather than make a graph without it live.
      if (!(error instanceof CorrectedMeanwhileError) || attempt >= maxAttempts) throw error;
    }
  }
}

const maxAttempts = 3;

interface WriteInput {
  db: Database;
  prepared: () => Promise<Prepared>;
  graph: ExtractedGraph;
  edits: number | undefined;
  timings: IngestSummary['timings'];
  options: IngestOptions;
}

/** The write: a patch of the live graph when asked for and small enough, otherwise a new generation. */
async function writeGraph({ db, prepared, graph, edits, timings, options }: WriteInput): Promise<IngestResult['finish']> {
  try {
    const { state, schemaMs, stateMs } = await prepared();
    Object.assign(timings, { schemaMs, stateMs });
    const rows = toGraphRows(graph);
    const write = { now: new Date().toISOString(), run: randomUUID(), state, edits };
    const patched = options.patch && !options.reset ? await patchLiveGraph(db, rows, { ...write, defer: options.defer }) : undefined;
    timings.write = patched?.stats ?? (await writeIngestedGraph(db, rows, { ...write, force: options.reset }));
    if (!timings.write.atomic) {
      const swapMs = timings.write.stages.find((stage) => stage.stage === 'swap')?.ms ?? 0;
      graph.diagnostics.push({
        file: options.notesDir,
        stage: 'write',
        message: `the graph (${timings.write.swappedNodes} nodes, old and new) is too large to swap in one transaction: it was swapped in steps, so readers could see a mix for ${swapMs} ms`,
      });
    }
    return patched?.finish;
  } catch (error) {
    graph.diagnostics.push({ file: options.notesDir, stage: 'write', message: `writing to Neo4j failed: ${(error as Error).message}` });
    throw error;
  }
}

async function ingestOnce(options: IngestOptions): Promise<IngestResult> {
  const started = performance.now();
  const db = options.dryRun ? undefined : options.db;
  const prepared = db ? held(prepareDatabase(db, options.schema !== false)) : undefined;
  const editCount = db ? held(readEditCount(db)) : undefined;
  const read = await readNoteFiles(options.notesDir, options.maxFileBytes ?? defaultMaxFileBytes);
  // Counted before the decision files are read: a correction after this point keeps this generation from going live.
  const edits = editCount ? await editCount() : undefined;
  const lexicon = await loadLexicon(options.notesDir, { bundled: options.lexicon !== false, parsed: options.cache?.table('lexicon') });
  const readMs = Math.round(performance.now() - started);
  let cacheUse: IngestSummary['timings']['cache'];
  const extracted = await extractGraphYielding({ files: read.files, lexicon: lexicon.lexicon, onProgress: options.onProgress, cache: options.cache }).finally(() => {
    cacheUse = options.cache?.stats();
    options.cache?.endRun();
  });
  const graph = extracted.graph;
  graph.diagnostics.unshift(...read.diagnostics, ...lexicon.diagnostics);
  const timings: IngestSummary['timings'] = { readMs, extractMs: Math.round(performance.now() - started), ...(cacheUse ? { cache: cacheUse } : {}) };
  const finish = db && prepared ? await writeGraph({ db, prepared, graph, edits, timings, options }) : undefined;
  const summary: IngestSummary = {
    files: extracted.filesIngested,
    filesSkipped: read.skipped + extracted.filesSkipped,
    notes: graph.notes.length,
    duplicatesCollapsed: extracted.duplicatesCollapsed,
    concepts: graph.concepts.length,
    relationsByType: countRelations(graph),
    redactionsByKind: extracted.redactionsByKind,
    redactions: extracted.redactions,
    diagnostics: graph.diagnostics,
    elapsedMs: Math.round(performance.now() - started),
    timings,
  };
  return { summary, graph, ...(finish ? { finish } : {}) };
}

/**
 * True when the database has no notes, its sources' sha256 differ from the files in the folder, or no ingest
 * finished the live graph (rank and edges may lag behind its notes).
 */
export async function isGraphStale(db: Database, notesDir: string, maxFileBytes = defaultMaxFileBytes): Promise<boolean> {
  const stored = await readSourceDigests(db);
  if (stored.notes === 0 || !stored.finished) return true;
  const read = await readNoteFiles(notesDir, maxFileBytes);
  const onDisk = new Set(read.files.map((file) => sha256Hex(file.bytes)));
  const inDb = new Set(stored.digests);
  // Files that could not be decoded are not Sources: compare only what would be ingested.
  if ([...inDb].some((digest) => !onDisk.has(digest))) return true;
  const ingestible = read.files.filter((file) => decodeNoteFile(file.path, file.bytes).ok);
  return ingestible.some((file) => !inDb.has(sha256Hex(file.bytes)));
}
