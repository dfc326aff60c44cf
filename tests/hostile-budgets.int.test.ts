import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse } from '../common/contract.js';
import { createLogger } from '../common/logger.js';
import type { Database } from '../queries/database.js';
import { type RunningServer, createApp, startServer } from '../server/server.js';
import { connectTestDatabase } from './support/test-database.js';

/** Every console request is bounded: time, bytes, memory, concurrency; a gone client stops its query. */
let db: Database;
let server: RunningServer;

const runaway = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS n';

beforeAll(async () => {
  db = connectTestDatabase();
  const app = createApp({
    db,
    logger: createLogger('silent'),
    config: { CYPHER_TIMEOUT_MS: 4000, CYPHER_MAX_RESULT_BYTES: 2 * 1024 * 1024, CYPHER_MAX_PER_CLIENT: 3 },
  });
  server = await startServer(app, { port: 0 });
  // Start the console worker before the tests, so its start-up is not counted against a test's query.
  for (let attempt = 0; attempt < 5 && (await post('RETURN 1 AS warm')).status !== 200; attempt += 1);
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

function post(query: string, params: Record<string, unknown> | string = {}, signal?: AbortSignal): Promise<Response> {
  const body = `{"query": ${JSON.stringify(query)}, "params": ${typeof params === 'string' ? params : JSON.stringify(params)}}`;
  return fetch(`${server.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
}

/** Console transactions still open in Neo4j (they carry the request id as metadata). */
async function consoleTransactions(): Promise<number> {
  return db.read(async (tx) => {
    const result = await tx.run('SHOW TRANSACTIONS YIELD metaData WHERE metaData.notegraphRequest IS NOT NULL RETURN count(*) AS n');
    return Number(result.records[0]?.get('n'));
  });
}

/** Polls every 100 ms, at most `times` times, until `check` holds; returns how many polls it took (or -1). */
async function pollsUntil(check: () => Promise<boolean>, times: number): Promise<number> {
  for (let poll = 1; poll <= times; poll += 1) {
    if (await check()) return poll;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return -1;
}

describe('time', () => {
  it('answers 504 CYPHER_TIMEOUT at the timeout and leaves no transaction running in Neo4j', async () => {
    const response = await post(runaway);
    expect(response.status).toBe(504);
    expect((await response.json()).error.code).toBe('CYPHER_TIMEOUT');
    expect(await pollsUntil(async () => (await consoleTransactions()) === 0, 10)).toBeGreaterThan(0);
  });

  it('terminates the transaction when the client disconnects (the explorer\'s Cancel), within a second', async () => {
    const cancel = new AbortController();
    const pending = post(runaway, {}, cancel.signal).catch((error: unknown) => error);
    expect(await pollsUntil(async () => (await consoleTransactions()) === 1, 50)).toBeGreaterThan(0);
    cancel.abort();
    expect(await pending).toBeInstanceOf(Error);
    expect(await pollsUntil(async () => (await consoleTransactions()) === 0, 10)).toBeGreaterThan(0);
  });

  it('answers 409 CYPHER_TERMINATED, not a timeout, when someone else terminates the query', async () => {
    const pending = post(runaway);
    expect(await pollsUntil(async () => (await consoleTransactions()) === 1, 50)).toBeGreaterThan(0);
    const shown = await db.runAutoCommit('SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.notegraphRequest IS NOT NULL RETURN transactionId');
    await db.runAutoCommit('TERMINATE TRANSACTIONS $id', { id: shown.records[0]?.get('transactionId') });
    const response = await pending;
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('CYPHER_TERMINATED');
  });
});

describe('bytes and memory', () => {
  it('caps 1,000 rows of 512 KiB at the byte budget and says so', async () => {
    const kib = 'x'.repeat(1024);
    const response = await post('UNWIND range(1, 1000) AS i RETURN i, reduce(s = $kib, k IN range(1, 9) | s + s) AS big', { kib });
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as CypherResponse;
    expect(body.capped).toBe(true);
    expect(body.cappedBy).toBe('bytes');
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.length).toBeLessThan(5);
    expect(text.length).toBeLessThan(2 * 1024 * 1024 + 4096);
  });

  it('answers RETURN range(1, 10000000) without the API stalling: /api/health answers first', async () => {
    const finished: string[] = [];
    const big = post('RETURN range(1, 10000000) AS xs').then(async (response) => (finished.push('big'), response));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await fetch(`${server.url}/api/health`);
    finished.push('health');
    const response = await big;
    expect(health.status).toBe(200);
    expect(finished).toEqual(['health', 'big']);
    expect([200, 413, 504]).toContain(response.status);
    const body = await response.json();
    if (response.status === 200) expect(body).toMatchObject({ rows: [], capped: true, cappedBy: 'bytes' });
  });

  it('answers 422 CYPHER_MEMORY_LIMIT naming the limit when a transaction needs too much memory', async () => {
    const response = await post('UNWIND range(1, 40000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n');
    expect([422, 504]).toContain(response.status);
    const body = await response.json();
    if (response.status === 422) expect(body.error).toMatchObject({ code: 'CYPHER_MEMORY_LIMIT', details: { limit: expect.stringMatching(/^db\.memory/) } });
  });
});

describe('parameters', () => {
  /** JSON text of a list nested `depth` deep (written out: JSON.stringify itself recurses). */
  const nested = (depth: number) => `{"p": ${'['.repeat(depth)}1${']'.repeat(depth)}}`;

  it.each([5_000, 20_000])('answers 422 REQUEST_TOO_NESTED for parameters nested %i deep', async (depth) => {
    const response = await post('RETURN $p AS p', nested(depth));
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('REQUEST_TOO_NESTED');
  });

  it('accepts parameters nested 20 deep', async () => {
    const response = await post('RETURN $p AS p', nested(20));
    expect(response.status).toBe(200);
  });
});

describe('concurrency', () => {
  it('answers 429 with Retry-After when one client runs more console queries than allowed, and the API keeps answering', async () => {
    const running = [post(runaway), post(runaway), post(runaway)];
    await pollsUntil(async () => (await consoleTransactions()) === 3, 50);
    const fourth = await post(runaway);
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toBe('1');
    expect((await fourth.json()).error.code).toBe('CYPHER_TOO_MANY');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    for (const response of await Promise.all(running)) expect(response.status).toBe(504);
  });
});
