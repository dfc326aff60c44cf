import { NotegraphError } from '../common/errors.js';
import type { ConsoleLimits } from './console-run.js';
import type { Database } from './database.js';

/**
 * Runs a user's Cypher within its budgets, from the main thread: the length limit before anything else, a
 * per-client and a total concurrency limit, and one deadline for the whole request. At the deadline, or when
 * the client goes away, the console worker closes the query's session, which terminates it in Neo4j.
 */
export interface UserCypherLimits extends ConsoleLimits {
  maxQueryLength: number;
  /** Console queries one client may run at once. */
  maxPerClient: number;
  /** Console queries all clients together may run at once (at most the console's pool). */
  maxConcurrent: number;
}

export interface UserCypherRequest {
  query: string;
  params: Record<string, unknown>;
  requestId: string;
  /** Who asks (the remote address): the per-client limit counts by it. */
  client: string;
  /** Aborted when the HTTP client disconnects. */
  signal: AbortSignal;
}

/** Concurrency of console queries, per client and in total, for one app. */
export class ConsoleAdmission {
  private total = 0;
  private readonly perClient = new Map<string, number>();

  constructor(private readonly limits: Pick<UserCypherLimits, 'maxPerClient' | 'maxConcurrent'>) {}

  /** Takes a slot for `client` or throws CYPHER_TOO_MANY / CYPHER_BUSY; returns the release function. */
  admit(client: string, poolSize: number): () => void {
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.limits.maxPerClient) {
      throw new NotegraphError('CYPHER_TOO_MANY', `At most ${this.limits.maxPerClient} console queries may run at once per client; wait for one to finish.`, {
        details: { limit: 'per-client', max: this.limits.maxPerClient },
      });
    }
    const max = Math.min(this.limits.maxConcurrent, poolSize);
    if (this.total >= max) {
      throw new NotegraphError('CYPHER_BUSY', 'The Cypher console is busy with other queries; try again in a moment.', { details: { limit: 'concurrent', max } });
    }
    this.total += 1;
    this.perClient.set(client, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left === 0) this.perClient.delete(client);
      else this.perClient.set(client, left);
    };
  }
}

export async function runUserCypher(db: Database, admission: ConsoleAdmission, request: UserCypherRequest, limits: UserCypherLimits): Promise<Uint8Array> {
  if (request.query.length > limits.maxQueryLength) {
    throw new NotegraphError('QUERY_TOO_LONG', `The query is longer than ${limits.maxQueryLength} characters.`, {
      details: { limit: 'query-length', max: limits.maxQueryLength },
    });
  }
  const release = admission.admit(request.client, db.consolePoolSize);
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new NotegraphError('CYPHER_TIMEOUT', `The query ran past its time limit (${limits.timeoutMs} ms) and was stopped.`, { details: { limit: 'timeout', maxMs: limits.timeoutMs } })),
    limits.timeoutMs,
  );
  const signal = AbortSignal.any([deadline.signal, request.signal]);
  try {
    return await db.runConsole({ query: request.query, params: request.params, limits, requestId: request.requestId }, signal);
  } finally {
    clearTimeout(timer);
    release();
  }
}
