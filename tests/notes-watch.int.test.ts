import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../common/curation-contract.js';
import type { Database } from '../queries/database.js';
import { startCurationStack, type CurationStack } from './support/curation-stack.js';
import { listenToEvents } from './support/event-stream.js';
import { connectTestDatabase } from './support/test-database.js';

/**
 * Live notes: while the server runs, saving, adding, renaming or deleting a note file re-ingests it and tells
 * open explorers over GET /api/events. Polls with a generous limit; the latency is measured by bench:watch.
 */
let db: Database;
let stack: CurationStack;
const events: LiveEvent[] = [];
const stream = new AbortController();

async function until<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; events so far: ${JSON.stringify(events)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const conceptServed = (id: string) => async () => ((await fetch(`${stack.server.url}/api/concepts/${id}`)).status === 200 ? true : undefined);
const conceptGone = (id: string) => async () => ((await fetch(`${stack.server.url}/api/concepts/${id}`)).status === 404 ? true : undefined);
const notesEventFor = (file: string) => async () => events.find((event) => event.type === 'notes' && event.files.includes(file));

beforeAll(async () => {
  db = connectTestDatabase();
  stack = await startCurationStack({ db, watch: true });
  await listenToEvents(stack.server.url, (event) => events.push(event), stream.signal);
});

afterAll(async () => {
  stream.abort();
  await stack?.close();
  await db?.close();
});

describe('live notes', () => {
  it('says the folder is watched', async () => {
    expect(await (await fetch(`${stack.server.url}/api/curation`)).json()).toMatchObject({ watching: true });
  });

  it('serves a concept named in a paragraph appended to a note, and tells open explorers', async () => {
    await expect(conceptGone('zephyr-queue')()).resolves.toBe(true);
    await appendFile(path.join(stack.notesDir, 'compute.md'), '\n## Jobs\n\nThe scheduler now hands long jobs to Zephyr Queue.\n');
    await until('zephyr-queue to be served', conceptServed('zephyr-queue'));
    await until('an event naming compute.md', notesEventFor('compute.md'));
  });

  it('follows an editor that saves by writing a temporary file and renaming it over the note', async () => {
    const file = path.join(stack.notesDir, 'storage.md');
    const text = await readFile(file, 'utf8');
    await writeFile(`${file}.tmp`, text.replace('Paxos keeps the monitors in agreement.', 'A quorum keeps the monitors in agreement.'));
    await rename(`${file}.tmp`, file);
    await until('paxos to go', conceptGone('paxos'));
    await until('an event naming storage.md', notesEventFor('storage.md'));
  });

  it('follows notes added, renamed and deleted', async () => {
    const added = path.join(stack.notesDir, 'queues.md');
    await writeFile(added, '# Queues\n\n## Zephyr\n\nZephyr Queue keeps jobs. Paxos elects its leader.\n');
    await until('paxos to come back with the new note', conceptServed('paxos'));
    const moved = path.join(stack.notesDir, 'archive', 'old-queues.md');
    await rm(path.dirname(moved), { recursive: true, force: true });
    await mkdir(path.dirname(moved));
    await rename(added, moved);
    await until('the renamed note to be a source', async () => {
      const result = await db.read((tx) => tx.run('MATCH (s:Source {id: $id}) RETURN count(s) AS n', { id: 'archive/old-queues.md' }));
      return Number(result.records[0]?.get('n')) === 1 ? true : undefined;
    });
    await rm(moved);
    await until('paxos to go with the deleted note', conceptGone('paxos'));
    await until('an event naming the deleted file', notesEventFor('archive/old-queues.md'));
  });

  it('applies a decision the owner writes into notegraph-lexicon.yaml by hand', async () => {
    const file = path.join(stack.notesDir, 'notegraph-lexicon.yaml');
    await appendFile(file, 'decisions:\n  rename:\n    rabbitmq: RabbitMQ broker\n');
    await until('the rename to show', async () => {
      const response = await fetch(`${stack.server.url}/api/concepts/rabbitmq`);
      return response.ok && ((await response.json()) as { concept: { name: string } }).concept.name === 'RabbitMQ broker' ? true : undefined;
    });
    await until('an event naming the lexicon file', notesEventFor('notegraph-lexicon.yaml'));
  });

  it('ignores editor swap and backup files', async () => {
    await writeFile(path.join(stack.notesDir, '.compute.md.swp'), 'binary-ish swap');
    await writeFile(path.join(stack.notesDir, 'compute.md~'), 'backup copy mentioning Paxos');
    await appendFile(path.join(stack.notesDir, 'compute.md'), '\nNova keeps going.\n');
    const event = await until('an event for the real save', async () => events.filter((candidate) => candidate.type === 'notes').at(-1));
    await stack.live.refresher.idle();
    const named = events.flatMap((candidate) => (candidate.type === 'notes' ? candidate.files : []));
    expect(event.type).toBe('notes');
    expect(named.some((file) => file.endsWith('.swp') || file.endsWith('~'))).toBe(false);
    await expect(conceptGone('paxos')()).resolves.toBe(true);
  });
});
