import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/local-neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

/**
 * Starts one local Neo4j for the whole run, on a free port with a fresh data directory, unless NEO4J_URI
 * points at an existing server. If it cannot start, setup throws and the run fails with the reason.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const existing = process.env.NEO4J_URI;
  if (existing) {
    project.provide('neo4jUri', existing);
    project.provide('neo4jUser', process.env.NEO4J_USER ?? 'neo4j');
    project.provide('neo4jPassword', process.env.NEO4J_PASSWORD ?? '');
    return async () => {};
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'notegraph-test-neo4j-'));
  const neo4j: LocalNeo4j = await startLocalNeo4j({
    dataDir,
    port: 0,
    heapMb: 1024,
    pageCacheMb: 256,
    log: (line) => console.log(`[neo4j] ${line}`),
  });
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jUser', 'neo4j');
  project.provide('neo4jPassword', '');
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
