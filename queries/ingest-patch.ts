import { conceptEdgeTypes } from '../common/graph-model.js';
import { NotegraphError } from '../common/errors.js';
import type { Database } from './database.js';
import { beginEditStatement, endEditStatement, lockForSwapStatement } from './generation.js';
import { stageEdgesStatement, stageNotesStatement } from './ingest-statements.js';
import { checkEdgeTypes, checkNoEditSince, graphDigest, noteBatches, noteParams, type GraphRows, type GraphState, type WriteStats } from './ingest-write.js';

/**
 * The small-change path of a running server's re-ingest (a note saved, a correction's recompute): instead of
 * staging a whole new generation and swapping every label, the difference is applied to the live generation in
 * ONE transaction, bracketed by the edit marker readers retry around (queries/generation.ts), so readers still
 * see the old graph or the new one. Changed and removed notes are rewritten or deleted; concepts and concept
 * edges are rewritten whole (rank, communities and co-occurrence scores move with any change), which is cheap
 * beside notes and their text. The result equals what a full ingest writes (tests compare snapshots).
 *
 * It applies only when the change is small enough for one bounded transaction and the live graph is clean;
 * otherwise `patchLiveGraph` answers undefined and the caller writes a generation (ingest-write.ts).
 */
export const patchLimits = { concepts: 20_000, edges: 20_000 };

/** The live counterpart of a staging statement: same text, live labels. */
const live = (statement: string) => statement.replace(/\bStaged(Source|Note|Concept|Tag)\b/g, '$1');

const patchSourcesStatement = `
  UNWIND $sources AS row
  MERGE (s:Source {id: row.id})
  WITH s, row, CASE WHEN s.sha256 = row.sha256 AND s.ingestedAt IS NOT NULL THEN s.ingestedAt ELSE $now END AS ingestedAt
  SET s = row, s.ingestedAt = ingestedAt`;
const deleteSourcesStatement = 'MATCH (s:Source) WHERE NOT s.id IN $ids DETACH DELETE s';
const deleteNotesStatement = 'MATCH (n:Note) WHERE n.id IN $ids DETACH DELETE n';
const patchConceptsStatement = 'UNWIND $concepts AS row MERGE (c:Concept {id: row.id}) SET c = row';
const deleteConceptsStatement = 'MATCH (c:Concept) WHERE NOT c.id IN $ids DETACH DELETE c';
const deleteEdgesStatement = 'MATCH (:Concept)-[r]->(:Concept) WHERE type(r) IN $types DELETE r';
const deleteOrphanTagsStatement = 'MATCH (t:Tag) WHERE NOT EXISTS { (t)<-[:TAGGED]-() } DELETE t';
const recordPatchStatement = "MATCH (g:IngestState {id: 'current'}) SET g.digest = $digest, g.run = $run, g.committedAt = $now";

export interface PatchOptions {
  now: string;
  run: string;
  /** What is live, read before extraction. */
  state: GraphState;
  /** Corrections counted before the decision files were read (see CorrectedMeanwhileError). */
  edits?: number;
}

/** Note ids to rewrite (new or changed signature) and to delete (no longer extracted). */
function noteChanges(rows: GraphRows, state: GraphState): { write: Set<string>; remove: string[] } {
  const keep = new Set(rows.notes.map((note) => note.id));
  const write = new Set(rows.notes.filter((note) => state.signatures.get(note.id) !== note.signature).map((note) => note.id));
  return { write, remove: [...state.signatures.keys()].filter((id) => !keep.has(id)) };
}

/** Applies a small change to the live graph in one transaction; undefined when it is not small or not safe. */
export async function patchLiveGraph(db: Database, rows: GraphRows, options: PatchOptions): Promise<WriteStats | undefined> {
  const { state } = options;
  const digest = graphDigest(rows);
  if (state.empty || state.leftovers || state.digest === digest) return undefined;
  const changes = noteChanges(rows, state);
  const written = rows.notes.filter((note) => changes.write.has(note.id));
  // The notes rewritten must fit the bounds of one staging batch (the per-transaction memory limit).
  const small = noteBatches(written).length <= 1 && rows.concepts.length <= patchLimits.concepts && rows.edges.length <= patchLimits.edges;
  if (!small) return undefined;
  checkEdgeTypes(rows.edges);
  const started = performance.now();
  const conceptIds = new Set(rows.concepts.map((concept) => concept.id));
  const deleted = { sources: 0, concepts: 0 };
  await db.write((tx) => tx.run(beginEditStatement));
  try {
    await db.write(async (tx) => {
      // The marker's lock first, like a swap: corrections and swaps never interleave with the patch.
      const lock = (await tx.run(`${lockForSwapStatement}, g.digest AS digest`, { run: options.run })).records[0];
      checkNoEditSince(lock, options.edits);
      if ((lock?.get('digest') ?? undefined) !== state.digest) {
        throw new NotegraphError('DB_ERROR', 'another ingest changed the graph while this one ran; the live graph is unchanged, run the ingest again');
      }
      await tx.run(patchSourcesStatement, { sources: rows.sources, now: options.now });
      await tx.run(deleteNotesStatement, { ids: [...changes.write, ...changes.remove] });
      deleted.sources = (await tx.run(deleteSourcesStatement, { ids: rows.sources.map((source) => source.id) })).summary.counters.updates().nodesDeleted;
      await tx.run(patchConceptsStatement, { concepts: rows.concepts.map((concept) => ({ ...concept, aliasText: concept.aliases.join('\n') })) });
      deleted.concepts = (await tx.run(deleteConceptsStatement, { ids: [...conceptIds] })).summary.counters.updates().nodesDeleted;
      await tx.run(deleteEdgesStatement, { types: conceptEdgeTypes });
      await tx.run(live(stageEdgesStatement), { edges: rows.edges });
      await tx.run(live(stageNotesStatement), { rows: noteParams(written) });
      await tx.run(deleteOrphanTagsStatement);
      await tx.run(recordPatchStatement, { digest, run: options.run, now: options.now });
    });
  } finally {
    await db.write((tx) => tx.run(endEditStatement));
  }
  const ms = Math.round(performance.now() - started);
  return {
    mode: 'patch',
    notesWritten: written.length,
    notesDeleted: changes.remove.length,
    conceptsDeleted: deleted.concepts,
    sourcesDeleted: deleted.sources,
    atomic: true,
    swappedNodes: 0,
    stages: [{ stage: 'patch', statements: 11, rows: rows.concepts.length + rows.edges.length + written.length, ms }],
  };
}
