import { describe, expect, it } from 'vitest';
import { applySchema } from '../queries/schema.js';
import { deleteFixtureGraph, openExplorer, useBrowserStack, writeFixtureGraph } from './support/browser.js';
import { uniquePrefix } from './support/test-database.js';

describe('explorer smoke test in Chromium', () => {
  const prefix = uniquePrefix('smoke');
  const stack = useBrowserStack({
    seed: async (db) => {
      await applySchema(db);
      await writeFixtureGraph(db, prefix, 12);
    },
    cleanup: (db) => deleteFixtureGraph(db, prefix),
  });

  it('renders the overview graph with the stored concepts', async () => {
    const { page, problems } = await openExplorer(stack);
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
