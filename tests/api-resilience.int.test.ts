import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../common/logger.js';
import { Database } from '../queries/database.js';
import { createApp } from '../server/server.js';
import { findFreePort, startLocalNeo4j, type LocalNeo4j } from '../tools/neo4j/local-neo4j.js';

const dataDirs: string[] = [];
const running: LocalNeo4j[] = [];
afterAll(async () => {
  for (const neo4j of running) await neo4j.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** Polls until the predicate holds (a restarted Neo4j takes a moment before Bolt accepts queries). */
async function eventually(check: () => Promise<boolean>, attempts = 60): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function expectUnavailable(app: Express, url: string): Promise<void> {
  const response = await request(app).get(url);
  expect(response.status).toBe(503);
  expect(response.body.error.code).toBe('DB_UNAVAILABLE');
  expect(response.body.error.message.length).toBeGreaterThan(10);
}

describe('when Neo4j is down', () => {
  it('the server starts and answers 503 with a reason on every database route', async () => {
    const port = await findFreePort();
    const db = new Database({ uri: `bolt://127.0.0.1:${port}` });
    const app = createApp({ db, logger: createLogger('silent') });
    for (const url of [
      '/api/health',
      '/api/graph',
      '/api/concepts/anything',
      '/api/concepts/anything/neighbors',
      '/api/concepts/anything/related',
      '/api/path?from=a&to=b',
      '/api/search?q=ceph',
      '/api/notes/anything',
      '/api/schema',
    ]) {
      await expectUnavailable(app, url);
    }
    const cypher = await request(app).post('/api/cypher').send({ query: 'MATCH (n) RETURN count(n)' });
    expect(cypher.status).toBe(503);
    expect((await request(app).get('/api/openapi.json')).status).toBe(200);
    await db.close();
  });
});

describe('when Neo4j comes up late and restarts while serving', () => {
  it('answers 503 until it is up, fails fast with 503 while it restarts, and recovers without a server restart', { timeout: 300_000 }, async () => {
    const port = await findFreePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'notegraph-restart-neo4j-'));
    dataDirs.push(dataDir);
    const start = async () => {
      const neo4j = await startLocalNeo4j({ dataDir, port, heapMb: 384, pageCacheMb: 32 });
      running.push(neo4j);
      return neo4j;
    };
    const db = new Database({ uri: `bolt://127.0.0.1:${port}` });
    const app = createApp({ db, logger: createLogger('silent') });
    const healthy = async () => (await request(app).get('/api/health')).status === 200;

    await expectUnavailable(app, '/api/health');
    const first = await start();
    expect(await eventually(healthy)).toBe(true);
    expect((await request(app).get('/api/graph')).status).toBe(200);

    await first.stop();
    running.splice(running.indexOf(first), 1);
    await expectUnavailable(app, '/api/health');
    await expectUnavailable(app, '/api/graph');

    await start();
    expect(await eventually(healthy)).toBe(true);
    expect((await request(app).get('/api/graph')).status).toBe(200);
    await db.close();
  });
});
