import { inject } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { NotegraphError } from '../common/errors.js';
import { ConsoleWorker } from '../queries/console-worker.js';

/**
 * The console worker against the real Neo4j: every query's request is answered when its signal aborts,
 * whatever the worker is doing — also while a stuck worker is being replaced and the queries it held are sent
 * to the new one (a request lost there hung for minutes and kept its console slot).
 */
const lines: string[] = [];
const worker = new ConsoleWorker({
  uri: inject('neo4jUri'),
  user: inject('neo4jUser'),
  password: inject('neo4jPassword') || undefined,
  poolSize: 4,
  heapMb: 256,
  // Any cancelled query that has not let go after 1 ms counts as stuck: the replacement path runs every time.
  stuckAfterMs: 1,
  log: (line) => lines.push(line),
});
afterAll(() => worker.close());

const limits = { timeoutMs: 60_000, maxRows: 1000, maxResultBytes: 1 << 20, maxNesting: 100, parseBudgetMs: 5_000 };
const runaway = (requestId: string) => ({ query: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS n', params: {}, limits, requestId });
const abortedAfter = (ms: number, code: 'CYPHER_TIMEOUT' | 'CYPHER_TERMINATED') => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new NotegraphError(code, `aborted after ${ms} ms`)), ms);
  return controller.signal;
};
/** The outcome of a run, or 'no answer' when none came within a generous liveness bound. */
const outcome = (promise: Promise<Uint8Array>) =>
  Promise.race([
    promise.then(
      () => 'result',
      (error: unknown) => (error instanceof NotegraphError ? error.code : 'other error'),
    ),
    new Promise((resolve) => setTimeout(() => resolve('no answer'), 30_000).unref()),
  ]);

/**
 * One try of the race: the first query is cancelled, so the worker counts as stuck and is replaced; the second,
 * held by it at that moment, is sent again to the replacement, and its deadline passes in between — after the
 * old worker let go of it, before the new one has it. Undefined when the worker let go of the cancelled query
 * before the 1 ms stuck timer ran (a loaded machine delays timers): then there was no replacement to race.
 */
async function raceReplacement(attempt: number): Promise<unknown[] | undefined> {
  const logged = lines.length;
  const replaced = () => lines.slice(logged).some((line) => line.includes('replacing it'));
  const first = worker.run(runaway(`first-${attempt}`), abortedAfter(300, 'CYPHER_TERMINATED'));
  const deadline = new AbortController();
  const second = outcome(worker.run(runaway(`second-${attempt}`), deadline.signal));
  const inBetween = setInterval(() => {
    if (replaced() && worker.active === 0) {
      clearInterval(inBetween);
      deadline.abort(new NotegraphError('CYPHER_TIMEOUT', 'deadline while being re-sent'));
    }
  }, 1);
  const firstOutcome = await outcome(first);
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (!deadline.signal.aborted && !replaced()) {
    clearInterval(inBetween);
    deadline.abort(new NotegraphError('CYPHER_TIMEOUT', 'no replacement this time'));
    await second;
    return undefined;
  }
  const outcomes = [firstOutcome, await second];
  clearInterval(inBetween);
  return outcomes;
}

describe('the console worker answers every aborted query', () => {
  it('answers a query whose deadline passes while the worker holding it is replaced', { timeout: 240_000 }, async () => {
    await worker.run({ query: 'RETURN 1 AS one', params: {}, limits, requestId: 'warm' }, new AbortController().signal);
    let outcomes: unknown[] | undefined;
    for (let attempt = 1; attempt <= 5 && !outcomes; attempt += 1) outcomes = await raceReplacement(attempt);
    expect(outcomes, 'the worker was never replaced in 5 tries').toEqual(['CYPHER_TERMINATED', 'CYPHER_TIMEOUT']);
  });

  it('still runs queries after a replacement', async () => {
    const body = await worker.run({ query: 'RETURN 41 + 1 AS answer', params: {}, limits, requestId: 'after' }, new AbortController().signal);
    expect(new TextDecoder().decode(body)).toContain('42');
  });
});
