/**
 * The whole explorer for scripts (screenshot, client benchmark): Neo4j (NEO4J_URI, or a throw-away local one),
 * the bundled notes ingested, the built client served in-process, and Debian's Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../common/config.js';
import { runIngest } from '../ingest/run-ingest.js';
import { Database } from '../queries/database.js';
import { readOverview } from '../queries/overview.js';
import type { RunningServer } from '../server/server.js';
import { startLocalNeo4j, type LocalNeo4j } from '../tools/neo4j/local-neo4j.js';
import { ensureClientBuilt, launchBrowser, repoRoot, startTestApp } from '../tests/support/browser.js';

export interface ExplorerStack {
  url: string;
  db: Database;
  browser: Browser;
  server: RunningServer;
  stop(): Promise<void>;
}

export async function startExplorerStack(log: (line: string) => void, browserArgs: string[] = []): Promise<ExplorerStack> {
  const config = loadConfig();
  let neo4j: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  if (!config.NEO4J_URI) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'notegraph-explorer-'));
    log('starting a throw-away local Neo4j…');
    neo4j = await startLocalNeo4j({ dataDir, port: 0, heapMb: config.LOCAL_NEO4J_HEAP_MB, pageCacheMb: config.LOCAL_NEO4J_PAGECACHE_MB });
  }
  const db = new Database({
    uri: neo4j?.uri ?? config.NEO4J_URI!,
    user: config.NEO4J_USER,
    password: neo4j ? undefined : config.NEO4J_PASSWORD,
    database: neo4j ? undefined : config.NEO4J_DATABASE,
  });
  log('ingesting the bundled notes…');
  await runIngest({ notesDir: path.join(repoRoot, 'notes'), db });
  // What `npm start` does before serving (server/main.ts): a cold Neo4j plans and runs the overview query
  // several times slower the first time, and users never get that first run.
  log('warming the overview query…');
  await readOverview(db, { limit: 300 });
  log('building the client if stale…');
  await ensureClientBuilt();
  const server = await startTestApp(db);
  const browser = await launchBrowser(browserArgs);
  return {
    url: server.url,
    db,
    browser,
    server,
    stop: async () => {
      await browser.close();
      await server.stop();
      await db.close();
      await neo4j?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
