import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../queries/database.js';
import { applySchema } from '../queries/schema.js';
import type { RunningServer } from '../server/server.js';
import {
  deleteFixtureGraph,
  ensureClientBuilt,
  launchBrowser,
  openPage,
  startTestApp,
  waitForGraph,
  writeFixtureGraph,
} from './support/browser.js';
import { connectTestDatabase, uniquePrefix } from './support/test-database.js';

describe('explorer smoke test in Chromium', () => {
  const prefix = uniquePrefix('smoke');
  let db: Database;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClientBuilt();
    db = connectTestDatabase();
    await applySchema(db);
    await writeFixtureGraph(db, prefix, 12);
    server = await startTestApp(db);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (db) {
      await deleteFixtureGraph(db, prefix);
      await db.close();
    }
  });

  it('renders the overview graph with the stored concepts', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(server.url);
    await waitForGraph(page, problems);
    const state = await page.evaluate(() => ({
      nodes: window.__notegraph!.nodeCount(),
      edges: window.__notegraph!.edgeCount(),
      hasFixture: window.__notegraph!.nodeIds().some((id) => id.includes('-c0')),
      status: document.getElementById('graph-status')?.textContent,
      error: window.__notegraph!.lastError(),
    }));
    expect(problems).toEqual([]);
    expect(state.nodes, `status: ${state.status}; error: ${state.error}`).toBeGreaterThanOrEqual(12);
    expect(state.edges).toBeGreaterThanOrEqual(11);
    expect(state.hasFixture).toBe(true);
  });
});
