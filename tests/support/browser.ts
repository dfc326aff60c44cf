/**
 * Browser-test support: the client build, the in-process app on a free port, and Debian's Chromium driven by
 * playwright-core. Chromium is never downloaded; when /usr/bin/chromium is missing, tests fail saying so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import express from 'express';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../common/config.js';
import { createLogger } from '../../common/logger.js';
import { runIngest } from '../../ingest/run-ingest.js';
import type { Database } from '../../queries/database.js';
import { buildClient, clientBuildIsStale } from '../../server/client-build.js';
import { createApp, startServer, type RunningServer } from '../../server/server.js';
import { connectTestDatabase } from './test-database.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const clientDir = path.join(repoRoot, 'dist', 'client');
export const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Builds the client with Vite when dist/client is missing or older than the client sources. */
export async function ensureClientBuilt(): Promise<void> {
  if (clientBuildIsStale(repoRoot, clientDir)) await buildClient(repoRoot);
}

/** Launches headless Debian Chromium. Throws with a clear message when it is not installed. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is required for the browser tests but ${chromiumPath} does not exist (apt-get install chromium).`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, ...extraArgs] });
}

export interface TestAppOptions {
  /** Cypher timeout and row cap (defaults from common/config.ts). */
  config?: Pick<Config, 'CYPHER_TIMEOUT_MS' | 'CYPHER_MAX_ROWS'>;
  /** Sees every request as the server receives it (e.g. to count how often a query was sent). */
  onRequest?: (method: string, path: string) => void;
}

/** The real app (API + built client) in-process on 127.0.0.1 and a free port. */
export async function startTestApp(db: Database, options: TestAppOptions = {}): Promise<RunningServer> {
  const logger = createLogger('warn', 'browser-test');
  const app = createApp({ db, logger, clientDir, config: options.config });
  if (!options.onRequest) return startServer(app, { host: '127.0.0.1', port: 0 });
  const onRequest = options.onRequest;
  const counted = express();
  counted.use((request, _response, next) => {
    onRequest(request.method, request.path);
    next();
  });
  counted.use(app);
  return startServer(counted, { host: '127.0.0.1', port: 0 });
}

export interface BrowserStack {
  readonly db: Database;
  readonly server: RunningServer;
  readonly browser: Browser;
}

export interface BrowserStackOptions {
  /** What the database holds before the server starts; by default the bundled notes, ingested. */
  seed?: (db: Database) => Promise<void>;
  /** Removes what `seed` wrote, before the database closes. */
  cleanup?: (db: Database) => Promise<void>;
  app?: TestAppOptions;
}

export const ingestBundledNotes = async (db: Database): Promise<void> => {
  await runIngest({ notesDir: path.join(repoRoot, 'notes'), db });
};

/**
 * The stack a browser test file runs against — client build, database (seeded), the app on a free port and
 * Chromium — started in the file's beforeAll and stopped in its afterAll. Its parts are read in tests and hooks.
 */
export function useBrowserStack(options: BrowserStackOptions = {}): BrowserStack {
  const started: { db?: Database; server?: RunningServer; browser?: Browser } = {};
  beforeAll(async () => {
    await ensureClientBuilt();
    started.db = connectTestDatabase();
    await (options.seed ?? ingestBundledNotes)(started.db);
    started.server = await startTestApp(started.db, options.app);
    started.browser = await launchBrowser();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.server?.stop();
    if (started.db) await options.cleanup?.(started.db);
    await started.db?.close();
  });
  const part = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the browser stack's ${name} is read before its beforeAll started it`);
    return value;
  };
  return {
    get db() {
      return part(started.db, 'database');
    },
    get server() {
      return part(started.server, 'server');
    },
    get browser() {
      return part(started.browser, 'browser');
    },
  };
}

export const defaultViewport = { width: 1280, height: 720 } as const;

/** A page (1280×720 unless told) that records page and console errors so tests can show them on failure. */
export async function openPage(browser: Browser, viewport: { width: number; height: number } = defaultViewport): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { page, problems };
}

/** Waits until the explorer has loaded a graph and its layout has settled; on timeout says what the page reported. */
export async function waitForGraph(page: Page, problems: string[], minimumLoads = 1): Promise<void> {
  try {
    await page.waitForFunction(
      (loads) => {
        const handle = window.__notegraph;
        return handle !== undefined && handle.loads() >= loads && handle.ready();
      },
      minimumLoads,
      // Polling on a timer: requestAnimationFrame polling stalls in headless Chromium while nothing is drawn.
      { timeout: 60_000, polling: 100 },
    );
  } catch (error) {
    const lastError = await page.evaluate(() => window.__notegraph?.lastError() ?? 'no test handle').catch(() => 'page gone');
    throw new Error(`the graph did not load: ${String(error)}\nlast explorer error: ${lastError}\n${problems.join('\n')}`);
  }
}

/** The explorer at `/${query}` in a page of its own, once its first graph has loaded and settled. */
export async function openExplorer(stack: BrowserStack, query = '', viewport: { width: number; height: number } = defaultViewport): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(stack.browser, viewport);
  await opened.page.goto(`${stack.server.url}/${query}`);
  await waitForGraph(opened.page, opened.problems);
  return opened;
}

export interface FixtureConcept {
  id: string;
  name: string;
  kind: string;
  rank: number;
  community: number;
}

/** Writes Concepts and CO_OCCURS edges (a chain plus a hub) for tests that need a graph of their own. */
export async function writeFixtureGraph(db: Database, prefix: string, size: number): Promise<FixtureConcept[]> {
  const concepts: FixtureConcept[] = Array.from({ length: size }, (_, index) => ({
    id: `${prefix}-c${index}`,
    name: `${prefix} concept ${index}`,
    kind: index % 2 === 0 ? 'component' : 'concept',
    // Far above any real rank, so the fixture is in the overview's top concepts whatever else is stored.
    rank: 1000 + size - index,
    community: index % 3,
  }));
  const edges = concepts.slice(1).map((concept, index) => ({ a: concepts[index === 0 ? 0 : index]!.id, b: concept.id, weight: 1 + (index % 4) }));
  await db.write(async (tx) => {
    await tx.run(
      `UNWIND $concepts AS c
       MERGE (n:Concept {id: c.id})
       SET n.name = c.name, n.kind = c.kind, n.rank = c.rank, n.community = c.community,
           n.aliases = [], n.aliasText = '', n.mentions = 1`,
      { concepts },
    );
    await tx.run(
      `UNWIND $edges AS e
       MATCH (a:Concept {id: e.a}), (b:Concept {id: e.b})
       MERGE (a)-[r:CO_OCCURS]->(b) SET r.weight = e.weight, r.score = 0.5, r.notes = 1`,
      { edges },
    );
  });
  return concepts;
}

export async function deleteFixtureGraph(db: Database, prefix: string): Promise<void> {
  await db.write((tx) => tx.run('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix }));
}

/** Page coordinates of a node's centre, for real mouse clicks on the graph canvas. */
export async function nodeScreenPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  // A deep link or a fit may still be animating the view (slow on a loaded machine): wait until the node's
  // place on screen holds still for a few frames, so a click lands on it.
  await page.waitForFunction(
    (nodeId) => {
      const state = window as unknown as { __lastNodePoint?: string; __samePointCount?: number };
      const now = JSON.stringify(window.__notegraph?.renderedPosition(nodeId) ?? null);
      state.__samePointCount = now === state.__lastNodePoint ? (state.__samePointCount ?? 0) + 1 : 0;
      state.__lastNodePoint = now;
      return now !== 'null' && state.__samePointCount >= 3;
    },
    id,
    { polling: 100, timeout: 15_000 },
  );
  const point = await page.evaluate((nodeId) => {
    const rendered = window.__notegraph?.renderedPosition(nodeId);
    const box = document.getElementById('graph')?.getBoundingClientRect();
    return rendered && box ? { x: box.left + rendered.x, y: box.top + rendered.y } : null;
  }, id);
  if (!point) throw new Error(`node ${id} is not in the graph`);
  return point;
}
