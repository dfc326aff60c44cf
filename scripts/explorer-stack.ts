/**
 * The whole explorer for scripts (screenshot, client benchmark): Neo4j (NEO4J_URI, or a throw-away local one),
 * the bundled notes ingested, the built client served in-process, and Debian's Chromium.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig, parseConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import { runIngest } from '../ingest/run-ingest.js';
import { Database } from '../queries/database.js';
import { readOverview } from '../queries/overview.js';
import { createLiveServices, type LiveServices } from '../server/live-services.js';
import { createApp, startServer, type RunningServer } from '../server/server.js';
import { startLocalNeo4j, type LocalNeo4j } from '../tools/neo4j/local-neo4j.js';
import { clientDir, ensureClientBuilt, launchBrowser, repoRoot, startTestApp } from '../tests/support/browser.js';

export interface ExplorerStack {
  url: string;
  db: Database;
  browser: Browser;
  server: RunningServer;
  stop(): Promise<void>;
}

/** Serves a throw-away copy of the bundled notes with curation on (loopback, no watcher): corrections never touch notes/. */
async function startCurationServer(db: Database, notesDir: string): Promise<{ server: RunningServer; live: LiveServices }> {
  const logger = createLogger('warn', 'explorer-stack');
  const live = createLiveServices({ db, notesDir, config: parseConfig({ NOTES_WATCH: 'off' }), logger });
  const server = await startServer(createApp({ db, logger, clientDir, curation: live.routes }), { host: '127.0.0.1', port: 0 });
  await live.start();
  return { server, live };
}

export async function startExplorerStack(log: (line: string) => void, browserArgs: string[] = [], options: { curation?: boolean } = {}): Promise<ExplorerStack> {
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
  const notesCopy = options.curation ? mkdtempSync(path.join(tmpdir(), 'notegraph-notes-')) : undefined;
  if (notesCopy) cpSync(path.join(repoRoot, 'notes'), notesCopy, { recursive: true });
  const notesDir = notesCopy ?? path.join(repoRoot, 'notes');
  log('ingesting the bundled notes…');
  await runIngest({ notesDir, db });
  // What `npm start` does before serving (server/main.ts): a cold Neo4j plans and runs the overview query
  // several times slower the first time, and users never get that first run.
  log('warming the overview query…');
  await readOverview(db, { limit: 300 });
  log('building the client if stale…');
  await ensureClientBuilt();
  const curated = notesCopy ? await startCurationServer(db, notesCopy) : undefined;
  const server = curated?.server ?? (await startTestApp(db));
  const browser = await launchBrowser(browserArgs);
  return {
    url: server.url,
    db,
    browser,
    server,
    stop: async () => {
      await browser.close();
      await curated?.live.stop();
      await server.stop();
      if (notesCopy) rmSync(notesCopy, { recursive: true, force: true });
      await db.close();
      await neo4j?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
