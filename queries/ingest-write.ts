import { createHash } from 'node:crypto';
import { conceptEdgeTypes, type ConceptRecord, type MentionRecord, type NoteRecord, type SourceRecord } from '../common/graph-model.js';
import { NotegraphError } from '../common/errors.js';
import type { Database } from './database.js';
import { beginSwapStatement, editCountStatement, endSwapStatement, lockForSwapStatement } from './generation.js';
import * as statements from './ingest-statements.js';
import { toNumber } from './values.js';

/**
 * Ingest's writes (statement text and the generation scheme in ingest-statements.ts). The extracted graph is
 * written as a new generation in bounded batches, then made live by one label swap, so readers see the old graph
 * or the new one. A run whose rows are identical to the live generation's (same digest) writes nothing.
 */
export type SourceRow = SourceRecord;

export interface NoteRow extends NoteRecord {
  /**
   * Hash of everything written for the note (props, places, tags, mentions); part of the generation's digest. In
   * two parts, `content:date` (noteSignature), so a note whose only change is its date is told apart.
   */
  signature: string;
  mentions: Omit<MentionRecord, 'noteId'>[];
}

/** A concept as ingest writes it: exactly what the API reads back as a ConceptSummary. */
export type ConceptRow = ConceptRecord;

export interface ConceptEdgeRow {
  source: string;
  target: string;
  type: string;
  props: Record<string, string | number>;
}

export interface GraphRows {
  sources: SourceRow[];
  notes: NoteRow[];
  concepts: ConceptRow[];
  edges: ConceptEdgeRow[];
}

const digestOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * A note's signature: everything but the date, then the date. A note with no date of its own is dated by its
 * file's modification time, so every save of a file redates all such notes of it while their text stays the same
 * (ingest-patch.ts sets just the date of those).
 */
export function noteSignature(note: Omit<NoteRow, 'signature'>): string {
  const { date, dateSource, ...content } = note;
  return `${digestOf(content)}:${digestOf([date, dateSource ?? null]).slice(0, 16)}`;
}

/** True when two signatures differ only in their date part. */
export function onlyDateDiffers(signature: string, other: string): boolean {
  const cut = signature.indexOf(':');
  return cut > 0 && signature !== other && other.startsWith(signature.slice(0, cut + 1));
}

/** Time spent per write stage: statements run, rows sent and milliseconds (printed by the bench). */
export interface StageTiming {
  stage: string;
  statements: number;
  rows: number;
  ms: number;
}

/**
 * `fresh`: there was no live graph; `replace`: a new generation replaced the live one; `unchanged`: the rows
 * equal the live generation's, nothing was written; `patch`: a small change applied in place (ingest-patch.ts).
 */
export type WriteMode = 'fresh' | 'replace' | 'unchanged' | 'patch';

export interface WriteStats {
  mode: WriteMode;
  notesWritten: number;
  /** Notes whose date alone was set in place (patch only). */
  notesRedated?: number;
  notesDeleted: number;
  conceptsDeleted: number;
  sourcesDeleted: number;
  /** False when the graph was too large to swap in one transaction and was swapped in steps. */
  atomic: boolean;
  /** Nodes relabelled by the swap (old generation and new). */
  swappedNodes: number;
  stages: StageTiming[];
}

// A note batch is bounded by notes, mentions and text so one transaction stays a few MB however notes are shaped
// (Neo4j's per-transaction memory limit, db.memory.transaction.max, applies to ingest too).
const batchLimits = { notes: 2000, mentions: 20000, textChars: 2_000_000 };
/** Concepts and concept edges per staging transaction (small rows: a few hundred bytes each). */
const rowsPerBatch = 5000;
/**
 * Nodes (old generation + new) one swap transaction may relabel. Measured at about 2.3 KB of transaction memory
 * per relabelled node (bundled notes: 3.6k nodes, 8 MB; 5× synthetic: 14k nodes, 32 MB), so 50k stay near 115 MB,
 * well inside the bundled Neo4j's 256 MiB per-transaction limit.
 */
export const maxAtomicSwapNodes = 50_000;

/** Splits notes into batches within `batchLimits`. */
export function noteBatches(notes: NoteRow[]): NoteRow[][] {
  const batches: NoteRow[][] = [];
  let batch: NoteRow[] = [];
  let mentions = 0;
  let chars = 0;
  for (const note of notes) {
    const full = batch.length >= batchLimits.notes || mentions + note.mentions.length > batchLimits.mentions || chars + note.text.length > batchLimits.textChars;
    if (batch.length > 0 && full) {
      batches.push(batch);
      batch = [];
      mentions = 0;
      chars = 0;
    }
    batch.push(note);
    mentions += note.mentions.length;
    chars += note.text.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function chunks<T>(rows: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let at = 0; at < rows.length; at += size) result.push(rows.slice(at, at + size));
  return result;
}

class StageClock {
  readonly stages: StageTiming[] = [];

  async time<T>(stage: string, rows: number, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const ms = Math.round(performance.now() - started);
      const existing = this.stages.find((timing) => timing.stage === stage);
      if (existing) Object.assign(existing, { statements: existing.statements + 1, rows: existing.rows + rows, ms: existing.ms + ms });
      else this.stages.push({ stage, statements: 1, rows, ms });
    }
  }
}

export interface GraphState {
  /** Signature of every live note, by note id. */
  signatures: Map<string, string>;
  /** True when no live Source, Note, Concept or Tag exists. */
  empty: boolean;
  /** Digest of the rows the live generation was written from (absent before the first swap). */
  digest?: string;
  /** A crashed ingest left staged or retired nodes, or its swap marker set. */
  leftovers: boolean;
  /** Live Source, Note, Concept and Tag nodes. */
  liveNodes: number;
}

/** Each live note's signature, whether the live graph is empty, and the live generation's digest. */
export async function readGraphState(db: Database): Promise<GraphState> {
  return db.read(async (tx) => {
    const record = (await tx.run(statements.graphStateStatement)).records[0];
    const pairs = (record?.get('notes') as [string, string | null][] | undefined) ?? [];
    const signatures = new Map(pairs.map(([id, signature]) => [id, signature ?? '']));
    const digest = (record?.get('digest') as string | null | undefined) ?? undefined;
    const leftovers = toNumber(record?.get('leftovers')) > 0 || record?.get('swapping') === true;
    const liveNodes = signatures.size + toNumber(record?.get('others'));
    return { signatures, empty: liveNodes === 0, digest, leftovers, liveNodes };
  });
}

export function noteParams(notes: NoteRow[]): Record<string, unknown>[] {
  return notes.map(({ mentions, occurrences, tags, ...note }) => ({
    props: { ...note, occurrences: occurrences.map((place) => `${place.path}:${place.lineStart}-${place.lineEnd}`) },
    places: occurrences,
    tags,
    mentions,
  }));
}

export function checkEdgeTypes(edges: ConceptEdgeRow[]): void {
  const allowed = new Set<string>(conceptEdgeTypes);
  const unknown = edges.find((edge) => !allowed.has(edge.type));
  if (unknown) throw new NotegraphError('INTERNAL', `unknown concept edge type ${unknown.type}`);
}

/**
 * What a generation is written from: the rows and the statements that write them (a change to either means
 * the live graph is out of date). Notes enter by signature, which already covers everything written for them.
 */
export function graphDigest(rows: GraphRows): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([statements.stageSourcesStatement, statements.stageConceptsStatement, statements.stageEdgesStatement, statements.stageNotesStatement]));
  hash.update(JSON.stringify(rows.sources));
  for (const note of rows.notes) hash.update(note.signature);
  hash.update(JSON.stringify(rows.concepts));
  hash.update(JSON.stringify(rows.edges));
  return hash.digest('hex');
}

const deletionOrder = ['Note', 'Concept', 'Source', 'Tag'] as const;

/** Deletes nodes that are not live: leftovers of an ingest that died, or the generation a swap retired. */
async function deleteOffGraph(db: Database, generations: ('staged' | 'retired')[]): Promise<void> {
  for (const label of deletionOrder) {
    for (const generation of generations) {
      const name = generation === 'staged' ? statements.stagedLabel(label) : statements.retiredLabel(label);
      await db.runAutoCommit(statements.deleteLabelStatement(name));
    }
  }
}

async function stageGeneration(db: Database, rows: GraphRows, clock: StageClock, params: { now: string }): Promise<void> {
  const concepts = rows.concepts.map((concept) => ({ ...concept, aliasText: concept.aliases.join('\n') }));
  await clock.time('stage sources', rows.sources.length, () => db.write((tx) => tx.run(statements.stageSourcesStatement, { sources: rows.sources, now: params.now })));
  for (const batch of chunks(concepts, rowsPerBatch)) {
    await clock.time('stage concepts', batch.length, () => db.write((tx) => tx.run(statements.stageConceptsStatement, { concepts: batch })));
  }
  for (const batch of chunks(rows.edges, rowsPerBatch)) {
    await clock.time('stage edges', batch.length, () => db.write((tx) => tx.run(statements.stageEdgesStatement, { edges: batch })));
  }
  for (const batch of noteBatches(rows.notes)) {
    const rowCount = batch.reduce((sum, note) => sum + 1 + note.mentions.length + note.occurrences.length + note.tags.length, 0);
    await clock.time('stage notes', rowCount, () => db.write((tx) => tx.run(statements.stageNotesStatement, { rows: noteParams(batch) })));
  }
}

function expectedStaged(rows: GraphRows): Record<statements.LiveLabel, number> {
  return {
    Source: rows.sources.length,
    Note: rows.notes.length,
    Concept: rows.concepts.length,
    Tag: new Set(rows.notes.flatMap((note) => note.tags)).size,
  };
}

/** Throws (rolling back the transaction it runs in, if any) when the staged nodes are not what this run staged. */
function checkStaged(record: { get(key: string): unknown } | undefined, rows: GraphRows): void {
  const expected = expectedStaged(rows);
  const mismatch = statements.liveLabels.find((label) => toNumber(record?.get(`staged${label}`)) !== expected[label]);
  if (mismatch) {
    throw new NotegraphError('DB_ERROR', `another ingest wrote to this database at the same time (staged ${mismatch} nodes do not match); the live graph is unchanged, run the ingest again`);
  }
}

/**
 * An ingest read the decision files before a correction was made in the live graph (queries/curation.ts): its
 * generation lacks that correction, so it is not made live. runIngest reads the files again and retries.
 */
export class CorrectedMeanwhileError extends NotegraphError {
  constructor() {
    super('CONFLICT', 'the graph was corrected while this ingest ran; its generation was not made live (the live graph is unchanged), run the ingest again');
  }
}

/** Corrections counted so far; an ingest reads this before the decision files and passes it as `edits`. */
export async function readEditCount(db: Database): Promise<number> {
  return db.read(async (tx) => toNumber((await tx.run(editCountStatement)).records[0]?.get('edits')));
}

/** True when corrections were counted since `edits` (the count an ingest read before the decision files). */
export function editedSince(liveEdits: unknown, edits: number | undefined): boolean {
  return edits !== undefined && toNumber(liveEdits) !== edits;
}

export function checkNoEditSince(liveEdits: unknown, edits: number | undefined): void {
  if (editedSince(liveEdits, edits)) throw new CorrectedMeanwhileError();
}

type SwapParams = { digest: string; run: string; now: string; edits?: number };
type Deleted = { sourcesDeleted: number; conceptsDeleted: number };

const deletedOf = (record: { get(key: string): unknown } | undefined): Deleted => ({
  sourcesDeleted: toNumber(record?.get('sourcesDeleted')),
  conceptsDeleted: toNumber(record?.get('conceptsDeleted')),
});

/** The swap in one transaction: readers see the old generation or the new one. */
function swapAtomically(db: Database, rows: GraphRows, params: SwapParams): Promise<Deleted> {
  return db.write(async (tx) => {
    // The marker's lock first: a correction's transaction takes it first too, so the two never interleave.
    checkNoEditSince((await tx.run(lockForSwapStatement, { run: params.run })).records[0]?.get('edits'), params.edits);
    const record = (await tx.run(statements.swapStatement, params)).records[0];
    checkStaged(record, rows);
    return deletedOf(record);
  });
}

/** The swap in steps, for a graph too large for one transaction. */
async function swapInSteps(db: Database, rows: GraphRows, params: SwapParams): Promise<Deleted> {
  // No lock across steps: a correction made during them is repaired by the re-ingest every correction asks for.
  checkNoEditSince((await db.runAutoCommit(lockForSwapStatement, { run: params.run })).records[0]?.get('edits'), params.edits);
  checkStaged((await db.runAutoCommit(statements.stagedCountsStatement)).records[0], rows);
  for (const label of statements.liveLabels) await db.runAutoCommit(statements.relabelInStepsStatement(label, statements.retiredLabel(label)));
  for (const label of statements.liveLabels) await db.runAutoCommit(statements.relabelInStepsStatement(statements.stagedLabel(label), label));
  return deletedOf((await db.runAutoCommit(statements.recordGenerationStatement, params)).records[0]);
}

/** Makes the staged generation live, between the swap markers readers watch (queries/generation.ts). */
async function swapGeneration(db: Database, rows: GraphRows, params: SwapParams & { atomic: boolean }): Promise<Deleted> {
  await db.write((tx) => tx.run(beginSwapStatement));
  try {
    return await (params.atomic ? swapAtomically(db, rows, params) : swapInSteps(db, rows, params));
  } finally {
    await db.write((tx) => tx.run(endSwapStatement));
  }
}

export interface WriteOptions {
  now: string;
  run: string;
  /** What is live, read earlier (e.g. while extraction ran); read here when omitted. */
  state?: GraphState;
  /** Write a new generation even when the rows equal the live one's. */
  force?: boolean;
  /** Above this many nodes (old + new generation) the swap runs in steps; defaults to maxAtomicSwapNodes. */
  maxAtomicSwapNodes?: number;
  /** readEditCount before the decision files were read: the swap is refused (CorrectedMeanwhileError) if more were made since. */
  edits?: number;
}

/**
 * Replaces the live graph with the extracted one, atomically for readers: stage the new generation in bounded
 * batches, swap labels in one transaction, delete the retired generation. Unchanged rows write nothing.
 */
export async function writeIngestedGraph(db: Database, rows: GraphRows, options: WriteOptions): Promise<WriteStats> {
  checkEdgeTypes(rows.edges);
  const clock = new StageClock();
  const state = options.state ?? (await clock.time('read state', 0, () => readGraphState(db)));
  const digest = graphDigest(rows);
  const keep = new Set(rows.notes.map((note) => note.id));
  const notesDeleted = [...state.signatures.keys()].filter((id) => !keep.has(id)).length;
  const notesWritten = rows.notes.filter((note) => state.signatures.get(note.id) !== note.signature).length;
  if (!options.force && state.digest === digest && !state.empty) {
    return { mode: 'unchanged', notesWritten: 0, notesDeleted: 0, conceptsDeleted: 0, sourcesDeleted: 0, atomic: true, swappedNodes: 0, stages: clock.stages };
  }
  if (state.leftovers) {
    await clock.time('delete leftovers', 0, async () => {
      await db.write((tx) => tx.run(endSwapStatement));
      await deleteOffGraph(db, ['staged', 'retired']);
    });
  }
  await stageGeneration(db, rows, clock, { now: options.now });
  const swappedNodes = state.liveNodes + Object.values(expectedStaged(rows)).reduce((sum, count) => sum + count, 0);
  const atomic = swappedNodes <= (options.maxAtomicSwapNodes ?? maxAtomicSwapNodes);
  const swap = { digest, run: options.run, now: options.now, atomic, edits: options.edits };
  const deleted = await clock.time('swap', swappedNodes, () => swapGeneration(db, rows, swap)).catch(async (error: unknown) => {
    if (error instanceof CorrectedMeanwhileError) await deleteOffGraph(db, ['staged']);
    throw error;
  });
  if (!state.empty) await clock.time('delete retired', 0, () => deleteOffGraph(db, ['retired']));
  return { mode: state.empty ? 'fresh' : 'replace', notesWritten, notesDeleted, ...deleted, atomic, swappedNodes, stages: clock.stages };
}

/**
 * sha256 of every Source in the database, whether any Note exists, and whether the live graph is one an ingest
 * finished (a digest is recorded; a correction, or a server stopped between the two steps of a deferred patch,
 * leaves none until the next re-ingest).
 */
export async function readSourceDigests(db: Database): Promise<{ digests: string[]; notes: number; finished: boolean }> {
  return db.read(async (tx) => {
    const sources = await tx.run('MATCH (s:Source) RETURN s.sha256 AS sha256');
    const notes = await tx.run('MATCH (n:Note) RETURN count(n) AS notes');
    const state = await tx.run("OPTIONAL MATCH (g:IngestState {id: 'current'}) RETURN g.digest IS NOT NULL AS finished");
    return {
      digests: sources.records.map((record) => record.get('sha256') as string),
      notes: toNumber(notes.records[0]?.get('notes')),
      finished: state.records[0]?.get('finished') === true,
    };
  });
}
