import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../ingest/run-ingest.js';
import type { Database } from '../queries/database.js';
import { readGraphCounts } from '../queries/health.js';
import { toNumber } from '../queries/values.js';
import { connectTestDatabase } from './support/test-database.js';

let db: Database;
let reader: Database;
let notesDir: string;

beforeAll(async () => {
  db = connectTestDatabase();
  reader = connectTestDatabase();
  notesDir = mkdtempSync(path.join(tmpdir(), 'notegraph-atomic-notes-'));
  cpSync('notes', notesDir, { recursive: true });
  await runIngest({ notesDir, db, reset: true });
});

afterAll(async () => {
  await db.close();
  await reader.close();
  rmSync(notesDir, { recursive: true, force: true });
});

/** What a reader sees in one READ transaction: the health counts and every source with its number of notes. */
async function observe(): Promise<string> {
  return reader.read(async (tx) => {
    const counts = await readGraphCounts(tx);
    const result = await tx.run('MATCH (s:Source) RETURN s.path AS path, COUNT { (s)<-[:IN]-(:Note) } AS notes ORDER BY path');
    const sources = result.records.map((record) => `${record.get('path')}=${toNumber(record.get('notes'))}`);
    return JSON.stringify({ counts, sources });
  });
}

describe('an ingest seen by a concurrent reader', () => {
  it('shows the old graph or the new one, never a state in between', { timeout: 300_000 }, async () => {
    const before = await observe();
    // The new graph: one file added, one edited, one deleted.
    writeFileSync(path.join(notesDir, 'added.md'), '# Glance\nGlance stores images in Ceph RBD.\n\nglance image-list shows them.\n');
    const edited = path.join(notesDir, 'python-openstack-scratch.txt');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Swift:', 'Swift (object storage, backed by Ceph RADOS Gateway):'));
    unlinkSync(path.join(notesDir, 'annotations-2019-export.txt'));

    const seen: { at: number; state: string }[] = [];
    let writing = true;
    // Two readers, so some read is likely to overlap the swap's commit however short it is.
    const poll = async () => {
      while (writing) seen.push({ at: performance.now(), state: await observe() });
    };
    const polling = Promise.all([poll(), poll()]);
    const { summary } = await runIngest({ notesDir, db });
    const finishedAt = performance.now();
    writing = false;
    await polling;
    const after = await observe();

    expect(after).not.toBe(before);
    const write = summary.timings.write!;
    expect(write.mode).toBe('replace');
    const writeMs = write.stages.reduce((sum, stage) => sum + stage.ms, 0);
    const duringWrite = seen.filter((poll) => poll.at >= finishedAt - writeMs);
    console.log(`atomic ingest: ${seen.length} reads during the ingest, ${duringWrite.length} of them during its ${writeMs} ms of writing; distinct states seen: ${new Set(seen.map((poll) => poll.state)).size}`);
    expect(duringWrite.length).toBeGreaterThan(5);
    const between = seen.filter((poll) => poll.state !== before && poll.state !== after);
    expect(between.map((poll) => poll.state), `before: ${before}\nafter: ${after}`).toEqual([]);
  });

  it('leaves no staged or retired nodes behind', async () => {
    const leftovers = await db.read(async (tx) =>
      toNumber((await tx.run('MATCH (n) WHERE any(label IN labels(n) WHERE label STARTS WITH "Staged" OR label STARTS WITH "Retired") RETURN count(n) AS n')).records[0]?.get('n')),
    );
    expect(leftovers).toBe(0);
  });

  it('recovers from an ingest that died mid-swap: reads still answer, and the next ingest clears what it left', async () => {
    const before = await observe();
    await db.write(async (tx) => {
      await tx.run("MATCH (g:IngestState {id: 'current'}) SET g.swapping = true, g.swappingSince = timestamp() - 600000");
      await tx.run("CREATE (:StagedNote {id: 'left-by-a-dead-ingest', text: 'half written'})");
    });
    expect(await observe()).toBe(before);
    writeFileSync(path.join(notesDir, 'later.md'), '# Later\nKeystone issues tokens.\n');
    await runIngest({ notesDir, db });
    const marker = await db.read(async (tx) => (await tx.run("MATCH (g:IngestState {id: 'current'}) RETURN g.swapping AS swapping")).records[0]?.get('swapping'));
    expect(marker).toBe(false);
    const staged = await db.read(async (tx) => toNumber((await tx.run('MATCH (n:StagedNote) RETURN count(n) AS n')).records[0]?.get('n')));
    expect(staged).toBe(0);
  });
});
