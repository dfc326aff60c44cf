import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../common/logger.js';
import type { Database } from '../queries/database.js';
import { applySchema } from '../queries/schema.js';
import { createApp } from '../server/server.js';
import { type FixtureGraph, sampleSpec, uniqueCommunityBase, writeFixtureGraph } from './support/fixture-graph.js';
import { refusedQueries } from './support/hostile-queries.js';
import { readOnlyQueries } from './support/read-only-queries.js';
import { connectTestDatabase, uniquePrefix } from './support/test-database.js';

/** The read-only gate against the real server and Neo4j: 0 false refusals, 0 bypasses, nothing leaked. */
let db: Database;
let app: Express;
let graph: FixtureGraph;

beforeAll(async () => {
  db = connectTestDatabase();
  await applySchema(db);
  graph = await writeFixtureGraph(db, uniquePrefix('hostile-gate'), sampleSpec(uniqueCommunityBase()));
  app = createApp({ db, logger: createLogger('silent'), config: { CYPHER_TIMEOUT_MS: 10_000, CYPHER_MAX_PER_CLIENT: 8 } });
});
afterAll(async () => {
  await graph.remove();
  await db.close();
});

const cypher = (query: string, params: Record<string, unknown> = {}) => request(app).post('/api/cypher').send({ query, params });

async function graphFingerprint(): Promise<string> {
  return db.read(async (tx) => {
    const result = await tx.run(
      'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() WITH nodes, count(r) AS rels MATCH (c:Concept) WHERE c.id STARTS WITH $p RETURN nodes, rels, collect(properties(c)) AS props',
      { p: graph.prefix },
    );
    return JSON.stringify(result.records[0]?.toObject());
  });
}

describe('read-only queries written from the grammar all run (0 false refusals)', () => {
  it.each(readOnlyQueries)('%s', async (_name, query) => {
    const response = await cypher(query, { id: graph.concept('nova') });
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
  });
});

describe('statements that must never run are refused before Neo4j sees them (0 bypasses)', () => {
  let before: string;
  beforeAll(async () => {
    before = await graphFingerprint();
  });

  it.each(refusedQueries)('%s', async (_name, query, rule) => {
    const response = await cypher(query);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'CYPHER_REFUSED', details: { rule } });
  });

  it('left the graph as it was', async () => {
    expect(await graphFingerprint()).toBe(before);
  });

  it('never fetches a URL: LOAD CSV behind //\\r is refused, and the database blocks every address anyway', async () => {
    const response = await cypher("WITH 1 AS x //\rLOAD CSV FROM 'http://127.0.0.1:9/x' AS line RETURN line").expect(400);
    expect(response.body.error.details.rule).toBe('no-load-csv');
    // Defence in depth: the bundled Neo4j refuses the fetch itself (internal.dbms.cypher_ip_blocklist).
    const direct = await db.runAutoCommit("LOAD CSV FROM 'http://127.0.0.1:9/x' AS line RETURN line").catch((error: unknown) => error);
    expect(direct).toMatchObject({ code: 'CYPHER_FAILED' });
    expect((direct as Error).message).toMatch(/blocked/);
  });

  it('answers 422 for 9,000 nested brackets without sending them to Neo4j', async () => {
    const response = await cypher(`RETURN ${'('.repeat(9000)}1${')'.repeat(9000)}`).expect(422);
    expect(response.body.error).toMatchObject({ code: 'QUERY_TOO_NESTED', details: { limit: 'nesting' } });
  });

  it('answers 413 for a query over the length limit', async () => {
    const response = await cypher(`RETURN 1 ${'/* padding */'.repeat(1700)}`).expect(413);
    expect(response.body.error.code).toBe('QUERY_TOO_LONG');
  });
});

describe('error bodies carry nothing internal', () => {
  it.each([
    ['division by zero', 'RETURN 1 / 0 AS x'],
    ['a failed conversion', "RETURN toInteger(['x']) AS x"],
    ['an unknown function', 'RETURN noSuchFunction(1) AS x'],
    ['an undefined variable', 'RETURN nope AS x'],
  ])('%s: a 4xx with the request id, no class names, addresses or paths', async (_name, query) => {
    const response = await cypher(query);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/\b(?:org|java|scala)\.[a-z]+\.|Exception\b|127\.0\.0\.1|bolt:\/\/|\/tmp\/|\.java\b/);
    expect(response.body.error.requestId).toBe(response.headers['x-request-id']);
  });
});
