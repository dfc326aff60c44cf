import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../queries/database.js';
import { parseJavaMajor, startLocalNeo4j, summarizeLauncherFailure } from '../tools/neo4j/local-neo4j.js';
import { ownerFile, readStoreOwner } from '../tools/neo4j/store-owner.js';
import { javaProcessesFor } from './support/notegraph-process.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'notegraph-lifecycle-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function countNodes(uri: string): Promise<number> {
  const db = new Database({ uri });
  try {
    return await db.read(async (tx) => Number((await tx.run('MATCH (n:Lifecycle) RETURN count(n) AS c')).records[0]?.get('c')));
  } finally {
    await db.close();
  }
}

describe('local Neo4j process', () => {
  it('stops without leaving a java process, and a second start on the same directory keeps the data', { timeout: 240_000 }, async () => {
    const first = await startLocalNeo4j({ dataDir, port: 0, heapMb: 512, pageCacheMb: 64 });
    const db = new Database({ uri: first.uri });
    await db.write((tx) => tx.run('CREATE (:Lifecycle {at: timestamp()})'));
    await db.close();
    expect(javaProcessesFor(dataDir)).toHaveLength(1);
    await first.stop();
    expect(javaProcessesFor(dataDir)).toEqual([]);

    const second = await startLocalNeo4j({ dataDir, port: 0, heapMb: 512, pageCacheMb: 64 });
    try {
      expect(await countNodes(second.uri)).toBe(1);
    } finally {
      await second.stop();
    }
    expect(javaProcessesFor(dataDir)).toEqual([]);
  });

  it('refuses a second start on a store in use, in one line naming the owner and the NEO4J_URI to use instead', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notegraph-in-use-'));
    const first = await startLocalNeo4j({ dataDir: dir, port: 0, heapMb: 384, pageCacheMb: 32 });
    try {
      expect(readStoreOwner(dir)).toMatchObject({ pid: process.pid, javaPid: first.pid, uri: first.uri });
      const refused = await startLocalNeo4j({ dataDir: dir, port: 0, heapMb: 384, pageCacheMb: 32 }).catch((error: Error) => error);
      expect((refused as Error).message).toBe(
        `the local Neo4j store ${dir} is in use by process ${process.pid} (Neo4j at ${first.uri}): stop it, or set NEO4J_URI=${first.uri} to use that Neo4j`,
      );
      // A holder that left no owner file: Neo4j's own refusal, still one line, the Java trace in a file.
      rmSync(ownerFile(dir));
      const locked = (await startLocalNeo4j({ dataDir: dir, port: 0, heapMb: 384, pageCacheMb: 32 }).catch((error: Error) => error)) as Error;
      expect(locked.message).toMatch(/^Neo4j exited before it was ready \(code 1\): Lock file has been locked by another process: .*store_lock.* \(full output: .*launcher\.log\)$/);
      expect(locked.message).not.toContain('\n');
    } finally {
      await first.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(javaProcessesFor(dir)).toEqual([]);
  });

  it.each([
    ['Exception in thread "main" java.lang.RuntimeException: Error starting\n\tat a.b(C.java:1)\nCaused by: org.x.FooException: the real reason\n\tat d.e(F.java:2)\n', 'the real reason'],
    ['Error: Could not find or load main class Launcher\n', 'Could not find or load main class Launcher'],
    ['', 'no output'],
  ])('sums up launcher output %j as %j', (output, summary) => {
    expect(summarizeLauncherFailure(output)).toBe(summary);
  });

  it('exits by itself when its parent dies without a signal', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notegraph-orphan-'));
    // A throwaway parent starts Neo4j, prints the URI, then is killed with SIGKILL (no chance to clean up).
    const script = `
      import { startLocalNeo4j } from ${JSON.stringify(path.resolve('tools/neo4j/local-neo4j.ts'))};
      const n = await startLocalNeo4j({ dataDir: ${JSON.stringify(dir)}, port: 0, heapMb: 512, pageCacheMb: 64 });
      console.log('started ' + n.pid);
      process.kill(process.pid, 'SIGKILL');`;
    const parent = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(parent.stdout).toMatch(/started \d+/);
    const deadline = Date.now() + 30_000;
    while (javaProcessesFor(dir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(javaProcessesFor(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains the three ways out when java is missing', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startLocalNeo4j({ dataDir, port: 0, heapMb: 512, pageCacheMb: 64 })).rejects.toThrow(
        /install Java 17\+ and Maven, or set NEO4J_URI to a running Neo4j 5, or run docker compose up/,
      );
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['garbage', undefined],
  ])('reads the Java major version from %s', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });
});

