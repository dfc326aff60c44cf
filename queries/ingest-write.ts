import { conceptEdgeTypes, type ConceptRecord, type MentionRecord, type NoteRecord, type SourceRecord } from '../common/graph-model.js';
import { NotegraphError } from '../common/errors.js';
import type { Database } from './database.js';
import {
  graphStateStatement,
  noteBatchStatement,
  removeStaleStatement,
  sourcesConceptsEdgesStatement,
  type WriteMode,
} from './ingest-statements.js';
import { toNumber } from './values.js';

/**
 * Ingest's writes (statement text in ingest-statements.ts). Writes are batched `UNWIND` statements in write
 * transactions. Note ids are content hashes and each note carries a signature of everything written for it,
 * so a note whose text, places and mentions are unchanged is not rewritten at all; concepts and
 * concept-to-concept edges are upserted and the ones no longer extracted are removed.
 */
export type SourceRow = SourceRecord;

export interface NoteRow extends NoteRecord {
  /** Hash of everything written for the note (props, places, tags, mentions): unchanged means skip. */
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

/** Time spent per write stage: statements run, rows sent and milliseconds (printed by the bench). */
export interface StageTiming {
  stage: string;
  statements: number;
  rows: number;
  ms: number;
}

export interface WriteStats {
  /** `fresh` when the graph held nothing ingest owns: nodes were created and no cleanup ran. */
  mode: WriteMode;
  notesWritten: number;
  notesDeleted: number;
  conceptsDeleted: number;
  sourcesDeleted: number;
  stages: StageTiming[];
}


// A note batch is bounded by notes, mentions and text so one transaction stays a few MB however notes are shaped.
const batchLimits = { notes: 2000, mentions: 20000, textChars: 4_000_000 };

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

/** Deletes every node ingest owns (Source, Note, Concept, Tag), in batches so a large graph fits in memory. */
export async function resetIngestedGraph(db: Database): Promise<void> {
  await db.runAutoCommit(
    'MATCH (n) WHERE n:Source OR n:Note OR n:Concept OR n:Tag CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
  );
}

export interface GraphState {
  /** Signature of every stored note, by note id. */
  signatures: Map<string, string>;
  /** True when no Source, Note, Concept or Tag exists. */
  empty: boolean;
}

/** Each stored note's signature, and whether the graph holds nothing ingest owns. */
export async function readGraphState(db: Database): Promise<GraphState> {
  return db.read(async (tx) => {
    const record = (await tx.run(graphStateStatement)).records[0];
    const pairs = (record?.get('notes') as [string, string | null][] | undefined) ?? [];
    const signatures = new Map(pairs.map(([id, signature]) => [id, signature ?? '']));
    return { signatures, empty: signatures.size === 0 && toNumber(record?.get('others')) === 0 };
  });
}

function noteParams(notes: NoteRow[]): Record<string, unknown>[] {
  return notes.map(({ mentions, occurrences, tags, ...note }) => ({
    props: { ...note, occurrences: occurrences.map((place) => `${place.path}:${place.lineStart}-${place.lineEnd}`) },
    places: occurrences,
    tags,
    mentions,
  }));
}

function checkEdgeTypes(edges: ConceptEdgeRow[]): void {
  const allowed = new Set<string>(conceptEdgeTypes);
  const unknown = edges.find((edge) => !allowed.has(edge.type));
  if (unknown) throw new NotegraphError('INTERNAL', `unknown concept edge type ${unknown.type}`);
}

/**
 * Brings the database in line with the extracted graph: new or changed notes are (re)written with their
 * places, tags and mentions; notes, sources, concepts and edges no longer extracted are removed. On an empty
 * graph everything is created and no cleanup runs.
 */
export async function writeIngestedGraph(db: Database, rows: GraphRows, options: { now: string; run: string; state?: GraphState }): Promise<WriteStats> {
  checkEdgeTypes(rows.edges);
  const clock = new StageClock();
  const state = options.state ?? (await clock.time('read state', 0, () => readGraphState(db)));
  const mode: WriteMode = state.empty ? 'fresh' : 'update';
  const concepts = rows.concepts.map((concept) => ({ ...concept, aliasText: concept.aliases.join('\n') }));
  const nodeParams = { sources: rows.sources, concepts, edges: rows.edges, now: options.now, run: options.run };
  await clock.time('sources+concepts+edges', rows.sources.length + concepts.length + rows.edges.length, () =>
    db.write((tx) => tx.run(sourcesConceptsEdgesStatement(mode), nodeParams)),
  );
  const changed = rows.notes.filter((note) => state.signatures.get(note.id) !== note.signature);
  const noteStatement = noteBatchStatement(mode);
  for (const batch of noteBatches(changed)) {
    const rowCount = batch.reduce((sum, note) => sum + 1 + note.mentions.length + note.occurrences.length + note.tags.length, 0);
    await clock.time('notes+places+tags+mentions', rowCount, () => db.write((tx) => tx.run(noteStatement, { rows: noteParams(batch) })));
  }
  const keep = new Set(rows.notes.map((note) => note.id));
  const staleNoteIds = [...state.signatures.keys()].filter((id) => !keep.has(id));
  let deleted = { sourcesDeleted: 0, conceptsDeleted: 0 };
  if (mode === 'update') {
    const params = { staleNoteIds, sourceIds: rows.sources.map((source) => source.id), conceptIds: rows.concepts.map((concept) => concept.id), edgeTypes: conceptEdgeTypes, run: options.run };
    deleted = await clock.time('remove stale', staleNoteIds.length, () =>
      db.write(async (tx) => {
        const record = (await tx.run(removeStaleStatement, params)).records[0];
        return { sourcesDeleted: toNumber(record?.get('sourcesDeleted')), conceptsDeleted: toNumber(record?.get('conceptsDeleted')) };
      }),
    );
  }
  return { mode, notesWritten: changed.length, notesDeleted: staleNoteIds.length, ...deleted, stages: clock.stages };
}

/** sha256 of every Source in the database, and whether any Note exists. */
export async function readSourceDigests(db: Database): Promise<{ digests: string[]; notes: number }> {
  return db.read(async (tx) => {
    const sources = await tx.run('MATCH (s:Source) RETURN s.sha256 AS sha256');
    const notes = await tx.run('MATCH (n:Note) RETURN count(n) AS notes');
    return {
      digests: sources.records.map((record) => record.get('sha256') as string),
      notes: toNumber(notes.records[0]?.get('notes')),
    };
  });
}
