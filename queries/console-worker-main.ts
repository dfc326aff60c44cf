import neo4j, { type Session } from 'neo4j-driver';
import { parentPort, workerData } from 'node:worker_threads';
import { NotegraphError, isNotegraphError } from '../common/errors.js';
import { type ConsoleJob, runConsoleJob } from './console-run.js';
import type { FromWorker, SerializedError, ToWorker, WorkerSettings } from './console-worker-protocol.js';
import { cypherGrammar } from './cypher-grammar.js';

/**
 * The console worker: parses, runs and converts user Cypher off the main thread, so neither a parse that takes
 * seconds nor a record holding ten million values can stall the API. It has its own small driver pool.
 */
const settings = workerData as WorkerSettings;
const port = parentPort!;
const grammar = await cypherGrammar();
const driver = neo4j.driver(settings.uri, settings.password ? neo4j.auth.basic(settings.user ?? 'neo4j', settings.password) : undefined, {
  // Twice the admitted queries: a cancelled query's connection is busy until Neo4j acknowledges the RESET,
  // and the pool's acquisition timeout has no error code of its own to answer it by.
  maxConnectionPoolSize: settings.poolSize * 2,
  connectionAcquisitionTimeout: 5_000,
  connectionTimeout: 3_000,
  // Records per PULL: bounds what the driver buffers ahead of the byte budget.
  fetchSize: 100,
});
const running = new Set<number>();
const sessions = new Map<number, Session>();
const cancelled = new Set<number>();

function sessionOpened(id: number, session: Session): void {
  sessions.set(id, session);
  if (cancelled.has(id)) void session.close().catch(() => undefined);
}

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

function serialize(error: unknown): SerializedError {
  const translated = isNotegraphError(error) ? error : new NotegraphError('INTERNAL', 'Unexpected error in the Cypher console.', { cause: error });
  const cause = translated.cause as { code?: string; message?: string; stack?: string } | undefined;
  const internal = cause ? `${cause.code ?? ''} ${cause.message ?? ''}`.trim() || undefined : translated.code === 'INTERNAL' ? String(error) : undefined;
  return { code: translated.code, message: translated.message, details: translated.details, internal };
}

async function run(id: number, job: ConsoleJob): Promise<void> {
  try {
    running.add(id);
    const body = await runConsoleJob(job, { grammar, driver, database: settings.database, onSession: (session) => sessionOpened(id, session) });
    send({ type: 'result', id, body }, [body.buffer as ArrayBuffer]);
  } catch (error) {
    // Sent for cancelled jobs too: the main thread learns the job let go (and stops its stuck-worker timer).
    send({ type: 'error', id, error: serialize(error) });
  } finally {
    running.delete(id);
    sessions.delete(id);
    cancelled.delete(id);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'run') void run(message.id, message.job);
  else if (running.has(message.id)) {
    cancelled.add(message.id);
    // Closing the session sends a Bolt RESET: Neo4j terminates the running query within a few hundred ms.
    void sessions.get(message.id)?.close().catch(() => undefined);
  }
});
send({ type: 'ready' });
