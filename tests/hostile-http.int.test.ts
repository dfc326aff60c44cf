import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../common/logger.js';
import type { Database } from '../queries/database.js';
import { createApp } from '../server/server.js';
import { connectTestDatabase } from './support/test-database.js';

/** The HTTP edges: Host header, content types, request ids. */
let db: Database;
let app: Express;

beforeAll(() => {
  db = connectTestDatabase();
  app = createApp({ db, logger: createLogger('silent') });
});
afterAll(async () => {
  await db.close();
});

describe('Host header (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:8080', '127.0.0.1.nip.io', 'localhost.evil.example'])('refuses Host %s with 403 before any route runs', async (host) => {
    const response = await request(app).post('/api/cypher').set('host', host).send({ query: 'RETURN 1' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('HOST_NOT_ALLOWED');
    expect((await request(app).get('/api/health').set('host', host)).status).toBe(403);
  });

  it.each(['localhost:8080', '127.0.0.1:1234', '[::1]:8080', 'LOCALHOST'])('answers Host %s', async (host) => {
    expect((await request(app).get('/api/openapi.json').set('host', host)).status).toBe(200);
  });

  it('answers the names listed in ALLOWED_HOSTS', async () => {
    const served = createApp({ db, logger: createLogger('silent'), config: { ALLOWED_HOSTS: ['notes.lan'] } });
    expect((await request(served).get('/api/openapi.json').set('host', 'notes.lan:8080')).status).toBe(200);
    expect((await request(served).get('/api/openapi.json').set('host', 'localhost')).status).toBe(403);
  });
});

describe('content types', () => {
  it.each([
    ['text/plain', 'RETURN 1'],
    ['application/x-www-form-urlencoded', 'query=RETURN+1'],
    ['multipart/form-data; boundary=x', '--x\r\n\r\nRETURN 1\r\n--x--'],
  ])('answers 415 for a %s body', async (type, body) => {
    const response = await request(app).post('/api/cypher').set('content-type', type).send(body);
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 415 for a POST without a content type', async () => {
    const response = await request(app).post('/api/cypher');
    expect(response.status).toBe(415);
  });

  it('answers 400 naming the problem for broken JSON', async () => {
    const response = await request(app).post('/api/cypher').set('content-type', 'application/json').send('{"query": ');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
  });
});

describe('request ids', () => {
  it('sends X-Request-Id on every answer and the same id in error bodies', async () => {
    const ok = await request(app).get('/api/openapi.json').expect(200);
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f]{12}$/);
    const failed = await request(app).get('/api/nothing-here').expect(404);
    expect(failed.body.error.requestId).toBe(failed.headers['x-request-id']);
    expect(failed.headers['x-request-id']).not.toBe(ok.headers['x-request-id']);
  });
});
