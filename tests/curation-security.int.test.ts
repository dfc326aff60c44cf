import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurationStatus } from '../common/curation-contract.js';
import { readCurationCounts } from '../queries/curation.js';
import type { Database } from '../queries/database.js';
import { startCurationStack, type CurationStack } from './support/curation-stack.js';
import { connectTestDatabase } from './support/test-database.js';

/**
 * Requests that must not change the graph: each gets a clear 4xx, and afterwards the graph's counts and the
 * decision files are exactly as before.
 */
let db: Database;

beforeAll(() => {
  db = connectTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

async function unchangedBy(stack: CurationStack, request: () => Promise<{ status: number; body: Record<string, unknown> }>) {
  const counts = await readCurationCounts(db);
  const lexicon = await stack.readNotesFile('notegraph-lexicon.yaml');
  const relations = await stack.readNotesFile('notegraph-relations.yaml');
  const response = await request();
  await stack.live.refresher.idle();
  expect(await readCurationCounts(db)).toEqual(counts);
  expect(await stack.readNotesFile('notegraph-lexicon.yaml')).toBe(lexicon);
  expect(await stack.readNotesFile('notegraph-relations.yaml')).toBe(relations);
  return response;
}

const errorCode = (response: { body: Record<string, unknown> }) => (response.body.error as { code?: string } | undefined)?.code;

describe('curation on a loopback server', () => {
  let stack: CurationStack;
  const merge = { from: 'rbd-driver', into: 'rados-block-device' };

  beforeAll(async () => {
    stack = await startCurationStack({ db });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('says it is editable', async () => {
    const status = (await (await fetch(`${stack.server.url}/api/curation`)).json()) as CurationStatus;
    expect(status).toMatchObject({ editable: true, access: 'open', undo: null });
  });

  it('refuses a cross-site POST', async () => {
    const response = await unchangedBy(stack, () => stack.post('/curation/merge', merge, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect([response.status, errorCode(response)]).toEqual([403, 'FORBIDDEN']);
  });

  it('refuses a POST whose Origin names another site even without Sec-Fetch-Site', async () => {
    const response = await unchangedBy(stack, () => stack.post('/curation/merge', merge, { origin: 'http://evil.example', 'sec-fetch-site': '' }));
    expect(response.status).toBe(403);
  });

  it('refuses a POST without an Origin (not sent by the explorer page)', async () => {
    const response = await unchangedBy(stack, () => stack.post('/curation/merge', merge, { origin: '', 'sec-fetch-site': '' }));
    expect(response.status).toBe(403);
  });

  it('refuses a page on another domain that resolves to this machine (DNS rebinding)', async () => {
    const response = await unchangedBy(stack, () => stack.post('/curation/merge', merge, { origin: 'http://rebind.example:8080', host: 'rebind.example:8080' }));
    // The server's Host check (ALLOWED_HOSTS) refuses it before the edit guard's own loopback-name rule would.
    expect((response.body.error as { code: string }).code).toBe('HOST_NOT_ALLOWED');
    expect(response.status).toBe(403);
  });

  it.each([
    ['a body that is not JSON', '{"from": "rbd-driver",', 400],
    ['an unknown field', { ...merge, cypher: 'MATCH (n) DETACH DELETE n' }, 400],
    ['a missing field', { from: 'rbd-driver' }, 400],
    ['a kind that does not exist', { id: 'ceph', kind: 'spaceship' }, 400],
    ['a name longer than a name', { id: 'ceph', name: 'x'.repeat(201) }, 400],
    ['a name on two lines', { id: 'ceph', name: 'Ceph\nstorage' }, 400],
    ['an oversize body', { id: 'ceph', name: 'x'.repeat(200_000) }, 413],
  ])('answers %s with a clear 4xx', async (_label, body, status) => {
    const target = typeof body === 'object' && 'kind' in body ? '/curation/kind' : typeof body === 'object' && 'id' in body ? '/curation/rename' : '/curation/merge';
    const response = await unchangedBy(stack, () => stack.post(target, body));
    expect(response.status).toBe(status);
    expect(String((response.body.error as { message?: string }).message)).not.toBe('');
  });

  it.each([
    ['/curation/rename', { id: 'no-such-concept', name: 'X' }],
    ['/curation/merge', { from: 'rbd-driver', into: 'no-such-concept' }],
    ['/curation/hide', { id: 'no-such-concept' }],
    ['/curation/relations/remove', { source: 'nova', type: 'CALLS', target: 'rabbitmq' }],
  ])('answers 404 for %s naming something the graph does not have', async (target, body) => {
    const response = await unchangedBy(stack, () => stack.post(target, body));
    expect([response.status, errorCode(response)]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses selected text that is not in the note', async () => {
    const note = await db.read((tx) => tx.run('MATCH (n:Note) RETURN n.id AS id LIMIT 1'));
    const noteId = String(note.records[0]?.get('id'));
    const response = await unchangedBy(stack, () => stack.post('/curation/concepts', { noteId, text: 'words nobody wrote', kind: 'tool' }));
    expect(response.status).toBe(400);
  });

  it('refuses to undo a change it does not know', async () => {
    const response = await unchangedBy(stack, () => stack.post('/curation/undo', { changeId: 'not-a-change' }));
    expect(response.status).toBe(404);
  });

  it('refuses to touch a decision file the owner left broken, and leaves it as it is', async () => {
    const file = path.join(stack.notesDir, 'notegraph-relations.yaml');
    await writeFile(file, 'remove: [ { source: a, type: USES\n');
    try {
      const response = await unchangedBy(stack, () => stack.post('/curation/relations/remove', { source: 'nova', type: 'USES', target: 'rabbitmq' }));
      expect([response.status, errorCode(response)]).toEqual([409, 'CONFLICT']);
      expect(String((response.body.error as { message: string }).message)).toMatch(/notegraph-relations\.yaml.*nothing was changed/);
    } finally {
      await writeFile(file, '');
    }
  });

  it('keeps the Cypher console read-only', async () => {
    const response = await unchangedBy(stack, async () => {
      const answer = await fetch(`${stack.server.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: stack.server.url },
        body: JSON.stringify({ query: "MATCH (c:Concept {id: 'ceph'}) SET c.name = 'pwned' RETURN c" }),
      });
      return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
    });
    expect(response.status).toBe(400);
  });

  it('loses no decision when commands and re-ingests run at the same time', async () => {
    const kinds = ['ceph', 'nova', 'rabbitmq', 'paxos', 'placement', 'rados'].map((id) => ({ id, kind: 'organization' }));
    const answers = await Promise.all(
      kinds.map((body, index) => {
        stack.live.refresher.request('notes', [`file-${index}.md`]);
        return stack.post('/curation/kind', body);
      }),
    );
    expect(answers.map((answer) => answer.status)).toEqual(kinds.map(() => 200));
    await stack.live.refresher.idle();
    const lexicon = (await stack.readNotesFile('notegraph-lexicon.yaml')) ?? '';
    for (const { id } of kinds) expect(lexicon).toMatch(new RegExp(`\\n\\s+${id}: organization\\n`));
    await stack.reingestFromScratch();
    const stored = await db.read((tx) => tx.run('MATCH (c:Concept) WHERE c.id IN $ids RETURN collect(DISTINCT c.kind) AS kinds', { ids: kinds.map(({ id }) => id) }));
    expect(stored.records[0]?.get('kinds')).toEqual(['organization']);
  });
});

describe('curation on a server that listens beyond loopback', () => {
  it('is read-only without an edit token, and says so', async () => {
    const stack = await startCurationStack({ db, host: '0.0.0.0' });
    try {
      const status = (await (await fetch(`${stack.server.url}/api/curation`)).json()) as CurationStatus;
      expect(status).toMatchObject({ editable: false, access: 'read-only', message: expect.stringContaining('NOTEGRAPH_EDIT_TOKEN') });
      const response = await unchangedBy(stack, () => stack.post('/curation/hide', { id: 'ceph' }));
      expect([response.status, errorCode(response)]).toEqual([403, 'FORBIDDEN']);
    } finally {
      await stack.close();
    }
  });

  it('edits only with the configured token', async () => {
    const token = 'a-long-enough-edit-token';
    const stack = await startCurationStack({ db, host: '0.0.0.0', token });
    try {
      const missing = await unchangedBy(stack, () => stack.post('/curation/hide', { id: 'ceph' }));
      expect([missing.status, errorCode(missing)]).toEqual([401, 'UNAUTHORIZED']);
      const wrong = await unchangedBy(stack, () => stack.post('/curation/hide', { id: 'ceph' }, { authorization: 'Bearer not-the-token-at-all' }));
      expect(wrong.status).toBe(401);
      const right = await stack.post('/curation/hide', { id: 'ceph' }, { authorization: `Bearer ${token}` });
      expect(right.status).toBe(200);
      const undo = await stack.post('/curation/undo', { changeId: right.body.changeId }, { authorization: `Bearer ${token}` });
      expect(undo.status).toBe(200);
    } finally {
      await stack.close();
    }
  });
});
