import { appendFile, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGraphRows } from '../ingest/graph-rows.js';
import { runIngest } from '../ingest/run-ingest.js';
import { CorrectedMeanwhileError, readEditCount, writeIngestedGraph } from '../queries/ingest-write.js';
import { offGraphLabels } from '../queries/ingest-statements.js';
import type { Database } from '../queries/database.js';
import { curationFixture, startCurationStack, type CurationStack } from './support/curation-stack.js';
import { graphSnapshot } from './support/graph-snapshot.js';
import { connectTestDatabase } from './support/test-database.js';

/**
 * Corrections and the atomic ingest (a new generation staged, then made live by a label swap): a correction
 * edits the live generation in place while re-ingests may be staging the next one — in the server's own queue,
 * or from another process (the CLI ingesting into the running server's store). Whatever the interleaving, no
 * decision is lost, a failed correction changes nothing, and once the background re-ingest has run the graph is
 * the one a fresh ingest of the notes folder gives, with nothing staged or retired left over.
 */
let db: Database;
let stack: CurationStack;

beforeAll(async () => {
  db = connectTestDatabase();
  stack = await startCurationStack({ db });
});

afterAll(async () => {
  await stack?.close();
  await db?.close();
});

async function offGraphNodes(): Promise<number> {
  const result = await db.read((tx) => tx.run(`RETURN ${offGraphLabels.map((label) => `COUNT { (:${label}) }`).join(' + ')} AS count`));
  return Number(result.records[0]?.get('count'));
}

async function swapMarkerSet(): Promise<boolean> {
  const result = await db.read((tx) => tx.run("OPTIONAL MATCH (g:IngestState {id: 'current'}) RETURN coalesce(g.swapping, false) AS swapping"));
  return result.records[0]?.get('swapping') === true;
}

async function kindsDecided(): Promise<Record<string, string>> {
  const text = (await stack.readNotesFile('notegraph-lexicon.yaml')) ?? '';
  return ((parseYaml(text) as { decisions?: { kind?: Record<string, string> } }).decisions?.kind ?? {});
}

/** The graph as it is now, against the one a fresh ingest of the same folder gives. */
async function expectFreshIngestAgrees(): Promise<void> {
  await stack.live.refresher.idle();
  const now = await graphSnapshot(db);
  expect(await offGraphNodes()).toBe(0);
  expect(await swapMarkerSet()).toBe(false);
  await stack.reingestFromScratch();
  expect(await graphSnapshot(db)).toEqual(now);
}

describe('corrections and the atomic ingest', () => {
  it('a correction during the server’s own background re-ingest waits for its swap and is in the next generation', async () => {
    await appendFile(path.join(stack.notesDir, 'compute.md'), '\nThe scheduler hands long jobs to Zephyr Queue.\n');
    stack.live.refresher.request('notes', ['compute.md']);
    const answer = await stack.post('/curation/kind', { id: 'paxos', kind: 'organization' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await stack.live.refresher.idle();
    expect(await kindsDecided()).toMatchObject({ paxos: 'organization' });
    const paxos = await db.read((tx) => tx.run("MATCH (c:Concept {id: 'paxos'}) RETURN c.kind AS kind"));
    expect(paxos.records.map((record) => record.get('kind'))).toEqual(['organization']);
    await expectFreshIngestAgrees();
  });

  it.each([0, 150, 400])('corrections racing an ingest from another process (started %i ms before) lose no decision and leave one generation', async (headStartMs) => {
    const outside = runIngest({ notesDir: stack.notesDir, db, reset: true }).then(
      () => 'ingested',
      (error: unknown) => `failed: ${(error as Error).message}`,
    );
    await new Promise((resolve) => setTimeout(resolve, headStartMs));
    const kinds = ['ceph', 'nova', 'rabbitmq'].map((id) => ({ id, kind: headStartMs % 2 === 0 ? 'tool' : 'project' }));
    const before = await kindsDecided();
    const answers = await Promise.all(kinds.map((body) => stack.post('/curation/kind', body)));
    const ingest = await outside;
    // A correction made after the other process read the decision files keeps its generation from going live (it
    // reads them again); beside the server's own re-ingest it may still fail as any two ingests at once may, clearly.
    expect(ingest).toMatch(/^(ingested|failed: .+)$/);
    const decided = await kindsDecided();
    const live = await db.read((tx) => tx.run('MATCH (c:Concept) WHERE c.id IN $ids RETURN c.id AS id, c.kind AS kind', { ids: kinds.map(({ id }) => id) }));
    for (const record of live.records) {
      const wanted = decided[String(record.get('id'))];
      if (wanted) expect(record.get('kind'), `${String(record.get('id'))} right after the other ingest`).toBe(wanted);
    }
    kinds.forEach((body, index) => {
      const answer = answers[index]!;
      if (answer.status === 200) expect(decided[body.id], `${body.id} was answered 200`).toBe(body.kind);
      else {
        // A correction that failed (the swap took its concept away meanwhile) says so and left its file entry as it was.
        expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(400);
        expect((answer.body.error as { message?: string } | undefined)?.message).toBeTruthy();
        expect(decided[body.id]).toBe(before[body.id]);
      }
    });
    // The background re-ingest that follows every correction brings rank and communities in line with the files.
    await expectFreshIngestAgrees();
    const stored = await db.read((tx) => tx.run('MATCH (c:Concept) WHERE c.id IN $ids RETURN c.id AS id, c.kind AS kind ORDER BY id', { ids: kinds.map(({ id }) => id) }));
    for (const record of stored.records) {
      const wanted = decided[String(record.get('id'))];
      if (wanted) expect(record.get('kind')).toBe(wanted);
    }
  });

  it('an ingest that read the decision files before a correction does not make its generation live', async () => {
    await stack.live.refresher.idle();
    const answer = await stack.post('/curation/kind', { id: 'nova', kind: 'organization' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await stack.live.refresher.idle();
    const before = await graphSnapshot(db);
    // A generation extracted as if the correction had not been counted yet (one edit fewer than the store holds).
    const { graph } = await runIngest({ notesDir: stack.notesDir, dryRun: true });
    const stale = (await readEditCount(db)) - 1;
    const write = writeIngestedGraph(db, toGraphRows(graph), { now: new Date().toISOString(), run: 'stale', force: true, edits: stale });
    await expect(write).rejects.toBeInstanceOf(CorrectedMeanwhileError);
    expect(await graphSnapshot(db)).toEqual(before);
    expect(await offGraphNodes()).toBe(0);
    expect(await swapMarkerSet()).toBe(false);
  });

  it.each([false, true])('a running server applies a small change in place (notes first: %s), and the graph is the one a fresh ingest gives', async (defer) => {
    await stack.live.refresher.idle();
    // A copy of the folder, so the server's watcher does not re-ingest the change first.
    const notesDir = await mkdtemp(path.join(tmpdir(), 'notegraph-patch-'));
    try {
      await cp(stack.notesDir, notesDir, { recursive: true });
      await runIngest({ notesDir, db, reset: true });
      await appendFile(path.join(notesDir, 'compute.md'), '\nNightly exports go through Orrery Bridge.\n');
      const { summary, finish } = await runIngest({ notesDir, db, schema: false, patch: true, defer });
      // The edited note, and the notes whose mentions changed with it (they now mention the new concept).
      expect(summary.timings.write?.mode).toBe('patch');
      expect(summary.timings.write?.notesWritten).toBeGreaterThan(0);
      expect(summary.timings.write?.notesWritten).toBeLessThan(summary.notes);
      // The file's other notes are dated by its modification time, which the save moved: only their date is set.
      expect(summary.timings.write?.notesRedated).toBeGreaterThan(0);
      const edited = await db.read((tx) => tx.run("MATCH (n:Note) WHERE n.text CONTAINS 'Orrery Bridge' RETURN n.id AS id"));
      expect(edited.records.length).toBeGreaterThan(0);
      expect(finish !== undefined).toBe(defer);
      if (finish) expect(await finish()).toBe(true);
      expect(await swapMarkerSet()).toBe(false);
      const patched = await graphSnapshot(db);
      await db.runAutoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS');
      await runIngest({ notesDir, db });
      expect(await graphSnapshot(db)).toEqual(patched);
    } finally {
      await rm(notesDir, { recursive: true, force: true });
    }
  });

  it('a correction between the two steps of a deferred patch stands: the second step writes nothing', async () => {
    await stack.live.refresher.idle();
    const baseline = await stack.decisionFiles();
    const notesDir = await mkdtemp(path.join(tmpdir(), 'notegraph-patch-'));
    try {
      await cp(stack.notesDir, notesDir, { recursive: true });
      await runIngest({ notesDir, db, reset: true });
      await appendFile(path.join(notesDir, 'storage.md'), '\nCold data moves to Orrery Vault.\n');
      const { finish } = await runIngest({ notesDir, db, schema: false, patch: true, defer: true });
      // The server's correction edits this store's live graph (and counts an edit) before the second step runs.
      const answer = await stack.post('/curation/kind', { id: 'ceph', kind: 'organization' });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(await finish!()).toBe(false);
      const ceph = await db.read((tx) => tx.run("MATCH (c:Concept {id: 'ceph'}) RETURN c.kind AS kind"));
      expect(ceph.records.map((record) => record.get('kind'))).toEqual(['organization']);
    } finally {
      await rm(notesDir, { recursive: true, force: true });
      await stack.restoreDecisionFiles(baseline);
    }
  });
});

describe('a running server’s re-ingests with the extraction cache', () => {
  const step = async (files: string[], change: () => Promise<void>) => {
    await change();
    stack.live.refresher.request('notes', files);
    await expectFreshIngestAgrees();
  };

  it('leave the graph a fresh ingest gives after a save, an added file, a rename, a delete and lexicon and decision edits', async () => {
    const dir = stack.notesDir;
    const baseline = await stack.decisionFiles();
    try {
      await step(['compute.md'], () => appendFile(path.join(dir, 'compute.md'), '\n## Batch\n\nBatch jobs run on Zephyr Queue at night.\n'));
      await step(['ops.md'], () => writeFile(path.join(dir, 'ops.md'), '# Ops\n\nCeph and Nova share one RabbitMQ. The admin password: Orrery-Secret-2291 is rotated.\n'));
      await step(['ops.md', 'archive/ops.md'], async () => {
        await mkdir(path.join(dir, 'archive'), { recursive: true });
        await rename(path.join(dir, 'ops.md'), path.join(dir, 'archive', 'ops.md'));
      });
      await step(['notegraph-lexicon.yaml'], () => appendFile(path.join(dir, 'notegraph-lexicon.yaml'), '\nnotSecret:\n  - Orrery-Secret-2291\nstopwords:\n  - night\n'));
      await step(['notegraph-lexicon.yaml'], () => appendFile(path.join(dir, 'notegraph-lexicon.yaml'), '\ndecisions:\n  rename:\n    rabbitmq: Rabbit MQ broker\n'));
      await step(['archive/ops.md'], () => rm(path.join(dir, 'archive'), { recursive: true }));
    } finally {
      await writeFile(path.join(dir, 'compute.md'), await readFile(path.join(curationFixture, 'compute.md'), 'utf8'));
      await stack.restoreDecisionFiles(baseline);
    }
  });
});
