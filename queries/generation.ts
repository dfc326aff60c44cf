import type { ManagedTransaction } from 'neo4j-driver';
import { toNumber } from './values.js';

/**
 * Readers see one generation of the graph. Ingest makes a new generation live by a label swap in one transaction
 * (ingest-statements.ts), but Neo4j isolates at read-committed: a read that overlaps the moment that commit is
 * applied could see some nodes relabelled and others not, or relabelled records while the label index still
 * lists the old ones (measured: sources of the old generation with none of their notes). So the swap is
 * bracketed by a marker, like a sequence lock: `swapping` is set in a transaction of its own before the swap and
 * cleared (with `version` bumped) in another one after the swap's commit has returned, indexes and all. A read
 * transaction reads the marker before and after its work; when a swap was under way or happened meanwhile, the
 * read runs again (bounded, then it answers with what it has).
 */
export interface GenerationMarker {
  version: number;
  swapping: boolean;
}

/** A swap marker older than this is taken for one an ingest left when it died; readers stop waiting for it. */
const abandonedAfterMs = 120_000;

export const markerStatement = `OPTIONAL MATCH (g:IngestState {id: 'current'})
  RETURN coalesce(g.version, 0) AS version,
         coalesce(g.swapping AND g.swappingSince > timestamp() - ${abandonedAfterMs}, false)
           OR coalesce(g.editing AND g.editingSince > timestamp() - ${abandonedAfterMs}, false) AS swapping`;

export const beginSwapStatement = "MERGE (g:IngestState {id: 'current'}) SET g.swapping = true, g.swappingSince = timestamp(), g.version = coalesce(g.version, 0) + 1";

/** After the swap committed, or after it failed (so readers stop waiting), or to clear what a crashed ingest left. */
export const endSwapStatement = "MATCH (g:IngestState {id: 'current'}) WHERE g.swapping SET g.swapping = false, g.version = g.version + 1";

/**
 * A correction (queries/curation.ts) edits the live generation in place, in one transaction bracketed like a
 * swap but by a flag of its own (`editing`), so neither clears the other's marker and an ingest does not take a
 * correction in progress for leftovers of a crashed one.
 */
export const beginEditStatement = "MERGE (g:IngestState {id: 'current'}) SET g.editing = true, g.editingSince = timestamp(), g.version = coalesce(g.version, 0) + 1";
export const endEditStatement = "MATCH (g:IngestState {id: 'current'}) WHERE g.editing SET g.editing = false, g.version = g.version + 1";

/**
 * First statement of a correction's transaction: it write-locks the marker node (a swap takes the same lock
 * first, so the two never interleave), counts the edit, and drops the digest, which no longer describes the live
 * graph (the next ingest writes a generation even when its rows equal the old one's). An ingest that read the
 * decision files before an edit counted here does not make its generation live (ingest-write.ts).
 */
export const recordEditStatement = "MERGE (g:IngestState {id: 'current'}) SET g.edits = coalesce(g.edits, 0) + 1 REMOVE g.digest";

/** Edits counted so far (read by an ingest before it reads the decision files). */
export const editCountStatement = "OPTIONAL MATCH (g:IngestState {id: 'current'}) RETURN coalesce(g.edits, 0) AS edits";

/** First statement of a swap's transaction: the marker's write lock, and the edits counted so far. */
export const lockForSwapStatement = "MERGE (g:IngestState {id: 'current'}) SET g.swapRun = $run RETURN coalesce(g.edits, 0) AS edits";

async function readMarker(tx: ManagedTransaction): Promise<GenerationMarker> {
  const record = (await tx.run(markerStatement)).records[0];
  return { version: toNumber(record?.get('version')), swapping: record?.get('swapping') === true };
}

export type GuardedRead<T> = { consistent: true; value: T } | { consistent: false; value: T | undefined };

/** Wraps read work so it reports whether a swap overlapped it. */
export function guardRead<T>(work: (tx: ManagedTransaction) => Promise<T>): (tx: ManagedTransaction) => Promise<GuardedRead<T>> {
  return async (tx) => {
    // Sent without waiting: Bolt pipelines it ahead of the work's first statement, saving a round trip.
    const pending = readMarker(tx);
    pending.catch(() => undefined);
    const value = await work(tx);
    const before = await pending;
    const after = await readMarker(tx);
    const consistent = !before.swapping && !after.swapping && after.version === before.version;
    return consistent ? { consistent: true, value } : { consistent: false, value };
  };
}

/**
 * Pauses between attempts (about 5 s in all). A swap takes about a second on the bundled notes and longer on big
 * graphs; only its commit is racy, but readers cannot see when that starts, so they wait for the whole swap.
 */
export const retryPausesMs = [5, 20, 50, 100, 200, 400, 800, 1000, 1000, 1000];

/** How often a waiting read looks at the marker alone (one small statement) to retry as soon as it clears. */
export const markerPollMs = 10;

/** True when no swap or edit is under way (the marker is clear). */
export function markerClear(tx: ManagedTransaction): Promise<boolean> {
  return readMarker(tx).then((marker) => !marker.swapping);
}

/** Waits up to `pauseMs`, ending early once `clear` says the marker is clear. */
async function pause(pauseMs: number, clear: (() => Promise<boolean>) | undefined): Promise<void> {
  const until = performance.now() + pauseMs;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  if (!clear) return sleep(pauseMs);
  do {
    await sleep(Math.min(markerPollMs, Math.max(0, until - performance.now())));
    if (await clear().catch(() => false)) return;
  } while (performance.now() < until);
}

/**
 * Runs a guarded read until no swap overlaps it. When swaps keep overlapping (or a crashed ingest left the
 * marker set), the last result is returned rather than none: the marker makes reads consistent, never unavailable.
 * With `clear`, a waiting read polls the marker alone and runs again as soon as it clears: an explorer told of a
 * change (after the write's marker cleared) and a read that overlapped that write see it at the same moment,
 * instead of the read sleeping out a long pause.
 */
export async function readOneGeneration<T>(attempt: () => Promise<GuardedRead<T>>, work: () => Promise<T>, clear?: () => Promise<boolean>): Promise<T> {
  for (const pauseMs of retryPausesMs) {
    const result = await attempt();
    if (result.consistent) return result.value;
    await pause(pauseMs, clear);
  }
  return work();
}
