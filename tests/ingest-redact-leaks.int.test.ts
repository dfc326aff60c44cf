import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Database } from '../queries/database.js';
import { allBundledSecrets } from './ingest-redact-bundled-secrets.js';
import { connectTestDatabase } from './support/test-database.js';

/**
 * The whole product path, as a user runs it: `npm run ingest -- <notes> --json FILE --redactions` into the real
 * Neo4j. No fake credential or identifier of the bundled notes may be in any string property of any node or
 * relationship, in the JSON export, or in what the ingest printed (stdout and stderr, audit included).
 */
let db: Database;
let workDir: string;
let stdout = '';
let stderr = '';
let exitCode: number | null = null;

function runCli(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], {
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', resolve);
  });
}

const asSearched = (secret: string) => JSON.stringify(secret).slice(1, -1);

beforeAll(async () => {
  db = connectTestDatabase();
  workDir = mkdtempSync(path.join(tmpdir(), 'notegraph-redact-leaks-'));
  cpSync('notes', path.join(workDir, 'notes'), { recursive: true });
  exitCode = await runCli([path.join(workDir, 'notes'), '--reset', '--redactions', '--json', path.join(workDir, 'graph.json')]);
}, 240_000);

afterAll(async () => {
  await db.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('no fake credential or identifier of the bundled notes leaves the ingest', () => {
  it('ingests the bundled notes', () => {
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/redactions \(\d{3,}\):/);
  });

  it('keeps them out of every string property of every node and relationship in Neo4j', async () => {
    const stored = await db.read(async (tx) => {
      const nodes = await tx.run('MATCH (n) RETURN properties(n) AS props');
      const relationships = await tx.run('MATCH ()-[r]->() RETURN properties(r) AS props');
      return [...nodes.records, ...relationships.records].map((record) => JSON.stringify(record.get('props')));
    });
    expect(stored.length).toBeGreaterThan(1000);
    const everything = stored.join('\n');
    expect(allBundledSecrets.filter((secret) => everything.includes(asSearched(secret)))).toEqual([]);
  });

  it('keeps them out of the JSON export', () => {
    const exported = readFileSync(path.join(workDir, 'graph.json'), 'utf8');
    expect(allBundledSecrets.filter((secret) => exported.includes(asSearched(secret)))).toEqual([]);
  });

  it('prints none of them, not even in the redaction audit', () => {
    const printed = `${stdout}\n${stderr}`;
    expect(allBundledSecrets.filter((secret) => printed.includes(secret))).toEqual([]);
  });
});
