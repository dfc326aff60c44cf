import { conceptEdgeTypes } from '../common/graph-model.js';
import { NotegraphError } from '../common/errors.js';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from './database.js';
import { beginEditStatement, endEditStatement, lockForSwapStatement } from './generation.js';
import { stageEdgesStatement, stageNotesStatement } from './ingest-statements.js';
import { integerToJson } from './values.js';
import { checkEdgeTypes, checkNoEditSince, editedSince, graphDigest, noteBatches, noteParams, onlyDateDiffers, type ConceptEdgeRow, type GraphRows, type GraphState, type NoteRow, type WriteStats } from './ingest-write.js';

/**
 * The small-change path of a running server's re-ingest (a note saved, a correction's recompute): instead of
 * staging a whole new generation and swapping every label, the difference is applied to the live generation in
 * ONE transaction, bracketed by the edit marker readers retry around (queries/generation.ts), so readers still
 * see the old graph or the new one. Changed and removed notes are rewritten or deleted, notes whose only change
 * is their date (dated by their file's modification time, which every save moves) get the new date in place;
 * concepts and concept edges are rewritten whole (rank, communities and co-occurrence scores move with any
 * change). The result equals what a full ingest writes (tests compare snapshots).
 *
 * With `defer` (a running server after a save) the same writes are two transactions: first the notes, their
 * mentions and the concepts they need (what makes the saved note visible), then — right after, in the server's
 * queue — concept properties and edges, changed in place (writeDerivedInPlace). In between readers see the new
 * notes with the previous rank, communities and edges, as after a correction; the digest is dropped until the
 * second step records it.
 *
 * It applies only when the change is small enough for one bounded transaction and the live graph is clean;
 * otherwise `patchLiveGraph` answers undefined and the caller writes a generation (ingest-write.ts).
 */
export const patchLimits = { concepts: 20_000, edges: 20_000 };

/** The live counterpart of a staging statement: same text, live labels. */
const onLiveLabels = (statement: string) => statement.replace(/\bStaged(Source|Note|Concept|Tag)\b/g, '$1');

const patchSourcesStatement = `
  UNWIND $sources AS row
  MERGE (s:Source {id: row.id})
  WITH s, row, CASE WHEN s.sha256 = row.sha256 AND s.ingestedAt IS NOT NULL THEN s.ingestedAt ELSE $now END AS ingestedAt
  SET s = row, s.ingestedAt = ingestedAt`;
const deleteSourcesStatement = 'MATCH (s:Source) WHERE NOT s.id IN $ids DETACH DELETE s';
const deleteNotesStatement = 'MATCH (n:Note) WHERE n.id IN $ids DETACH DELETE n';
const redateNotesStatement = 'UNWIND $rows AS row MATCH (n:Note {id: row.id}) SET n.date = row.date, n.dateSource = row.dateSource, n.signature = row.signature';
const patchConceptsStatement = 'UNWIND $concepts AS row MERGE (c:Concept {id: row.id}) SET c = row';
const deleteConceptsStatement = 'MATCH (c:Concept) WHERE NOT c.id IN $ids DETACH DELETE c';
const deleteEdgesStatement = 'MATCH (:Concept)-[r]->(:Concept) WHERE type(r) IN $types DELETE r';
const liveConceptIdsStatement = 'MATCH (c:Concept) RETURN collect(c.id) AS ids';
const deleteOrphanTagsStatement = 'MATCH (t:Tag) WHERE NOT EXISTS { (t)<-[:TAGGED]-() } DELETE t';
const recordPatchStatement = "MATCH (g:IngestState {id: 'current'}) SET g.digest = $digest, g.run = $run, g.committedAt = $now";
/** Between the two steps of a deferred patch the live graph is not the one any digest describes. */
const recordNotesStepStatement = "MATCH (g:IngestState {id: 'current'}) SET g.run = $run, g.committedAt = $now REMOVE g.digest";

export interface PatchOptions {
  now: string;
  run: string;
  /** What is live, read before extraction. */
  state: GraphState;
  /** Corrections counted before the decision files were read (see CorrectedMeanwhileError). */
  edits?: number;
  /**
   * Commit the notes first and return the rest as `finish` (see PatchResult): a running server makes a saved note
   * visible at once and brings rank, communities and concept edges in line right after, as corrections do.
   */
  defer?: boolean;
}

export interface PatchResult {
  stats: WriteStats;
  /**
   * With `defer`: the second step (concept properties, concept edges, the digest), to run soon in the same queue.
   * It does nothing when a correction or another ingest wrote to the graph in between (that writer's own
   * re-ingest, or its generation, stands); it resolves to whether it wrote.
   */
  finish?: () => Promise<boolean>;
}

interface NoteChanges {
  /** New notes and notes whose text, places, tags or mentions changed: deleted and written again. */
  write: NoteRow[];
  /** Notes whose only change is their date (their file was saved): the date is set in place. */
  redate: NoteRow[];
  /** Ids of live notes no longer extracted. */
  remove: string[];
}

function noteChanges(rows: GraphRows, state: GraphState): NoteChanges {
  const keep = new Set(rows.notes.map((note) => note.id));
  const changes: NoteChanges = { write: [], redate: [], remove: [...state.signatures.keys()].filter((id) => !keep.has(id)) };
  for (const note of rows.notes) {
    const live = state.signatures.get(note.id);
    if (live === note.signature) continue;
    if (live !== undefined && onlyDateDiffers(live, note.signature)) changes.redate.push(note);
    else changes.write.push(note);
  }
  return changes;
}

interface LockedState {
  edits: unknown;
  digest: string | undefined;
  run: string | undefined;
}

/** The marker's write lock first, like a swap: corrections and swaps never interleave with a patch step. */
async function lockMarker(tx: ManagedTransaction, run: string): Promise<LockedState> {
  const record = (await tx.run(`${lockForSwapStatement}, g.digest AS digest, g.run AS lastRun`, { run })).records[0];
  return { edits: record?.get('edits'), digest: (record?.get('digest') as string | null | undefined) ?? undefined, run: (record?.get('lastRun') as string | null | undefined) ?? undefined };
}

/** Sources, notes (rewritten, redated, deleted), new concepts, gone concepts and orphan tags. */
async function writeNotes(tx: ManagedTransaction, rows: GraphRows, changes: NoteChanges, options: PatchOptions, liveConcepts: ReadonlySet<string> | undefined): Promise<{ sources: number; concepts: number }> {
  const conceptIds = rows.concepts.map((concept) => concept.id);
  await tx.run(patchSourcesStatement, { sources: rows.sources, now: options.now });
  await tx.run(deleteNotesStatement, { ids: [...changes.write.map((note) => note.id), ...changes.remove] });
  await tx.run(redateNotesStatement, { rows: changes.redate.map(({ id, date, dateSource, signature }) => ({ id, date, dateSource: dateSource ?? null, signature })) });
  const sources = (await tx.run(deleteSourcesStatement, { ids: rows.sources.map((source) => source.id) })).summary.counters.updates().nodesDeleted;
  // Deferred, only the concepts the notes need that do not exist yet; the others are rewritten by the second step.
  const concepts = liveConcepts ? rows.concepts.filter((concept) => !liveConcepts.has(concept.id)) : rows.concepts;
  await tx.run(patchConceptsStatement, { concepts: concepts.map(conceptParams) });
  const conceptsDeleted = (await tx.run(deleteConceptsStatement, { ids: conceptIds })).summary.counters.updates().nodesDeleted;
  await tx.run(onLiveLabels(stageNotesStatement), { rows: noteParams(changes.write) });
  await tx.run(deleteOrphanTagsStatement);
  return { sources, concepts: conceptsDeleted };
}

const conceptParams = (concept: GraphRows['concepts'][number]) => ({ ...concept, aliasText: concept.aliases.join('\n') });

/** Concept edges rewritten whole, with the digest (the patch in one transaction; concepts are written with the notes). */
async function writeDerived(tx: ManagedTransaction, rows: GraphRows, options: PatchOptions, digest: string): Promise<void> {
  await tx.run(deleteEdgesStatement, { types: conceptEdgeTypes });
  await tx.run(onLiveLabels(stageEdgesStatement), { edges: rows.edges });
  await tx.run(recordPatchStatement, { digest, run: options.run, now: options.now });
}

const liveEdgesStatement = 'MATCH (a:Concept)-[r]->(b:Concept) WHERE type(r) IN $types RETURN elementId(r) AS id, a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props';
const updateEdgesStatement = 'UNWIND $edges AS row MATCH ()-[r]->() WHERE elementId(r) = row.id SET r = row.props';
const deleteEdgesByIdStatement = 'UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r';
const updateConceptsStatement = 'UNWIND $concepts AS row MATCH (c:Concept {id: row.id}) SET c = row';

const edgeKey = (edge: { source: string; type: string; target: string }) => `${edge.source}\u0000${edge.type}\u0000${edge.target}`;
const propsKey = (props: Record<string, unknown>) => JSON.stringify(Object.keys(props).sort().map((key) => [key, typeof props[key] === 'object' ? integerToJson(props[key]) : props[key]]));

/**
 * The second step of a deferred patch, without the edit marker (readers do not wait for it): concept properties
 * are set and concept edges changed in place — an edge in both the live graph and the new rows is updated, never
 * deleted and created again — so a read overlapping the commit sees each concept and edge with its previous
 * values or its new ones, and no edge that both have goes missing. Between the two steps readers already see
 * the previous rank and edges; a mix of previous and new derived values is no worse.
 */
async function writeDerivedInPlace(tx: ManagedTransaction, rows: GraphRows, options: PatchOptions, digest: string): Promise<number> {
  await tx.run(updateConceptsStatement, { concepts: rows.concepts.map(conceptParams) });
  const live = new Map<string, { id: string; props: string }[]>();
  for (const record of (await tx.run(liveEdgesStatement, { types: conceptEdgeTypes })).records) {
    const key = edgeKey({ source: record.get('source') as string, type: record.get('type') as string, target: record.get('target') as string });
    live.set(key, [...(live.get(key) ?? []), { id: record.get('id') as string, props: propsKey(record.get('props') as Record<string, unknown>) }]);
  }
  const create: ConceptEdgeRow[] = [];
  const update: { id: string; props: ConceptEdgeRow['props'] }[] = [];
  for (const edge of rows.edges) {
    const existing = live.get(edgeKey(edge))?.shift();
    if (!existing) create.push(edge);
    else if (existing.props !== propsKey(edge.props)) update.push({ id: existing.id, props: edge.props });
  }
  const remove = [...live.values()].flat().map((edge) => edge.id);
  await tx.run(deleteEdgesByIdStatement, { ids: remove });
  await tx.run(updateEdgesStatement, { edges: update });
  await tx.run(onLiveLabels(stageEdgesStatement), { edges: create });
  await tx.run(recordPatchStatement, { digest, run: options.run, now: options.now });
  return create.length + update.length + remove.length;
}

/** Runs `work` in one write transaction between the edit marker's two flags (readers retry around it). */
async function edit<T>(db: Database, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  await db.write((tx) => tx.run(beginEditStatement));
  try {
    return await db.write(work);
  } finally {
    await db.write((tx) => tx.run(endEditStatement));
  }
}

const staleGraphError = () => new NotegraphError('DB_ERROR', 'another ingest changed the graph while this one ran; the live graph is unchanged, run the ingest again');

/** Applies a small change to the live graph; undefined when it is not small or not safe. */
export async function patchLiveGraph(db: Database, rows: GraphRows, options: PatchOptions): Promise<PatchResult | undefined> {
  const { state } = options;
  const digest = graphDigest(rows);
  if (state.empty || state.leftovers || state.digest === digest) return undefined;
  const changes = noteChanges(rows, state);
  // The notes rewritten must fit the bounds of one staging batch (the per-transaction memory limit).
  const small = noteBatches(changes.write).length <= 1 && rows.concepts.length <= patchLimits.concepts && rows.edges.length <= patchLimits.edges;
  if (!small) return undefined;
  checkEdgeTypes(rows.edges);
  const started = performance.now();
  const deleted = await edit(db, async (tx) => {
    const lock = await lockMarker(tx, options.run);
    checkNoEditSince(lock.edits, options.edits);
    if (lock.digest !== state.digest) throw staleGraphError();
    const live = options.defer ? new Set(((await tx.run(liveConceptIdsStatement)).records[0]?.get('ids') as string[] | undefined) ?? []) : undefined;
    const counts = await writeNotes(tx, rows, changes, options, live);
    if (options.defer) await tx.run(recordNotesStepStatement, { run: options.run, now: options.now });
    else await writeDerived(tx, rows, options, digest);
    return counts;
  });
  const stats: WriteStats = {
    mode: 'patch',
    notesWritten: changes.write.length,
    notesRedated: changes.redate.length,
    notesDeleted: changes.remove.length,
    conceptsDeleted: deleted.concepts,
    sourcesDeleted: deleted.sources,
    atomic: true,
    swappedNodes: 0,
    stages: [{ stage: options.defer ? 'patch notes' : 'patch', statements: 13, rows: rows.concepts.length + rows.edges.length + changes.write.length, ms: Math.round(performance.now() - started) }],
  };
  return options.defer ? { stats, finish: () => finishDeferred(db, rows, options, digest, stats) } : { stats };
}

/** The second step of a deferred patch; false when a correction or another ingest wrote in between. */
async function finishDeferred(db: Database, rows: GraphRows, options: PatchOptions, digest: string, stats: WriteStats): Promise<boolean> {
  const started = performance.now();
  const changed = await db.write(async (tx) => {
    const lock = await lockMarker(tx, options.run);
    // A correction (it counts an edit) or another ingest (it records its own run) came in between: theirs stands.
    if (lock.run !== options.run || lock.digest !== undefined || editedSince(lock.edits, options.edits)) return undefined;
    return writeDerivedInPlace(tx, rows, options, digest);
  });
  stats.stages.push({ stage: 'patch rest', statements: 7, rows: rows.concepts.length + (changed ?? 0), ms: Math.round(performance.now() - started) });
  return changed !== undefined;
}
