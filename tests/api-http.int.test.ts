import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../common/logger.js';
import type { Database } from '../queries/database.js';
import { applySchema } from '../queries/schema.js';
import { createApp, startServer } from '../server/server.js';
import { connectTestDatabase } from './support/test-database.js';

let db: Database;
let clientDir: string;

beforeAll(async () => {
  db = connectTestDatabase();
  // The search route needs the full-text indexes; this file must pass when run on its own.
  await applySchema(db);
  clientDir = mkdtempSync(path.join(tmpdir(), 'notegraph-client-'));
  mkdirSync(path.join(clientDir, 'assets'));
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>notegraph</title><script type="module" src="/assets/index-Ab12Cd.js"></script>');
  writeFileSync(path.join(clientDir, 'assets', 'index-Ab12Cd.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
});
afterAll(async () => {
  rmSync(clientDir, { recursive: true, force: true });
  await db.close();
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy fit for the built client, and no x-powered-by', async () => {
    const app = createApp({ db, logger: createLogger('silent') });
    const response = await request(app).get('/api/openapi.json').expect(200);
    const csp = String(response.headers['content-security-policy']);
    const directive = (name: string) => csp.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `));
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive('img-src')).toBe("img-src 'self' data: blob:");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('bodies and compression', () => {
  it('compresses JSON answers for clients that accept gzip', async () => {
    const app = createApp({ db, logger: createLogger('silent') });
    const response = await request(app).get('/api/openapi.json').set('accept-encoding', 'gzip').expect(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body.openapi).toMatch(/^3\./);
  });

  it('refuses a JSON body over the size limit with a 413 in the error shape', async () => {
    const app = createApp({ db, logger: createLogger('silent') });
    const response = await request(app).post('/api/cypher').send({ query: `RETURN '${'x'.repeat(200_000)}'` }).expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.body.error.message).toMatch(/too large/i);
  });
});

describe('static client', () => {
  it('serves hashed assets as immutable for a year and index.html as no-cache, with deep links falling back to it', async () => {
    const app = createApp({ db, logger: createLogger('silent'), clientDir });
    const asset = await request(app).get('/assets/index-Ab12Cd.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await request(app).get('/').expect(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.text).toContain('<title>notegraph</title>');
    const deep = await request(app).get('/concept/nova').expect(200);
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(deep.text).toContain('<title>notegraph</title>');
    const api = await request(app).get('/api/missing').expect(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
  });
});

describe('request logging', () => {
  it('logs method, path and status at info level but never query parameters or bodies', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const app = createApp({ db, logger: pino({ level: 'info' }, sink) });
    await request(app).get('/api/search?q=topsecretterm').expect(200);
    await request(app).post('/api/cypher').send({ query: "RETURN 'confidential note text' AS t" }).expect(200);
    const log = lines.join('');
    expect(log).toContain('"path":"/api/search"');
    expect(log).toContain('"statusCode":200');
    expect(log).not.toContain('topsecretterm');
    expect(log).not.toContain('confidential');
  });
});

describe('startServer / stop', () => {
  it('listens on 127.0.0.1 with port 0, finishes in-flight requests on stop and refuses new ones', async () => {
    const app = createApp({ db, logger: createLogger('silent') });
    let release!: () => void;
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    // A request the test holds open, to stop the server while it is in flight.
    app.get('/test/slow', async (_request, response) => {
      entered();
      await new Promise<void>((resolve) => (release = resolve));
      response.json({ done: true });
    });
    const server = await startServer(app, { port: 0 });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect((await fetch(`${server.url}/api/openapi.json`)).status).toBe(200);
    const slow = fetch(`${server.url}/test/slow`);
    await inFlight;
    let stopped = false;
    const stopping = server.stop().then(() => (stopped = true));
    await expect(fetch(`${server.url}/api/openapi.json`)).rejects.toThrow();
    expect(stopped).toBe(false);
    release();
    const response = await slow;
    expect(await response.json()).toEqual({ done: true });
    await stopping;
    expect(stopped).toBe(true);
  });
});
