/**
 * The overview as a new user first sees it, the local graph and the time range, in Debian Chromium against the
 * real server and Neo4j with the bundled notes. Expected sets come from the API, never from counts written here
 * (extraction changes what the bundled notes yield).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GraphResponse, NeighborsResponse } from '../common/contract.js';
import { openExplorer, useBrowserStack } from './support/browser.js';

const stack = useBrowserStack();

async function open(query = '', viewport = { width: 1280, height: 720 }): Promise<Page> {
  const { page } = await openExplorer(stack, query, viewport);
  // Labels are planned on the frame after the layout settles.
  await page.waitForFunction(() => window.__notegraph!.drawn().labels.length > 0, undefined, { polling: 100 });
  return page;
}

async function apiJson<T>(url: string): Promise<T> {
  const response = await fetch(`${stack.server.url}${url}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const overlapArea = (a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a): number =>
  Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));

describe.each([
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
])('the overview at $width×$height', (viewport) => {
  it('draws no two labels overlapping and labels the top 20 concepts at 11 px or more, wholly on screen', async () => {
    const page = await open('', viewport);
    const state = await page.evaluate(() => {
      const h = window.__notegraph!;
      const top = h.visibleNodeIds().map((id) => ({ id, rank: Number(h.nodeData(id)!.rank ?? 0) })).sort((a, b) => b.rank - a.rank || a.id.localeCompare(b.id)).slice(0, 20);
      const graph = document.getElementById('graph')!.getBoundingClientRect();
      return { labels: h.drawn().labels, top: top.map((node) => node.id), width: graph.width, height: graph.height };
    });
    for (let i = 0; i < state.labels.length; i += 1) {
      for (let j = i + 1; j < state.labels.length; j += 1) {
        const [a, b] = [state.labels[i]!, state.labels[j]!];
        expect(overlapArea(a.box, b.box), `labels of ${a.id} and ${b.id} overlap`).toBeLessThan(1);
      }
    }
    const byId = new Map(state.labels.map((label) => [label.id, label]));
    for (const id of state.top) {
      expect(byId.has(id), `top concept ${id} is labelled`).toBe(true);
      expect(byId.get(id)!.fontPx).toBeGreaterThanOrEqual(11);
      const { box } = byId.get(id)!;
      expect(box.x1 >= 0 && box.y1 >= 0 && box.x2 <= state.width && box.y2 <= state.height, `label of ${id} is wholly on screen`).toBe(true);
    }
    await page.context().close();
  });

  it('hides concepts without an edge among those shown, as the API answer says, and shows them on request', async () => {
    const graph = await apiJson<GraphResponse>('/api/graph?limit=300');
    const linked = new Set(graph.edges.flatMap((edge) => [edge.data.source, edge.data.target]));
    const expected = graph.nodes.map((node) => node.data.id).filter((id) => linked.has(id)).sort();
    expect(expected.length).toBeLessThan(graph.nodes.length);
    const page = await open('', viewport);
    const visible = await page.evaluate(() => window.__notegraph!.drawn().visibleNodeIds.sort());
    expect(visible).toEqual(expected);
    await page.click('#filters-button');
    await page.check('#filter-isolated');
    await page.waitForFunction((count) => window.__notegraph!.drawn().visibleNodeIds.length === count, graph.nodes.length, { polling: 100 });
    await page.context().close();
  });

  it('opens the same graph the same way twice (stable layout)', async () => {
    const first = await open('', viewport);
    const before = await first.evaluate(() => window.__notegraph!.positions());
    await first.context().close();
    const second = await open('', viewport);
    const after = await second.evaluate(() => window.__notegraph!.positions());
    await second.context().close();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [id, position] of Object.entries(before)) {
      expect(after[id]!.x, id).toBeCloseTo(position.x, 3);
      expect(after[id]!.y, id).toBeCloseTo(position.y, 3);
    }
  });
});

describe('local graph and time range', () => {
  it.each([1, 2])('the local graph at depth %i shows exactly the neighbourhood the API returns', async (depth) => {
    const expected = await apiJson<NeighborsResponse>(`/api/concepts/ceph/neighbors?depth=${depth}&limit=300`);
    const page = await open('?concept=ceph');
    await page.waitForFunction(() => window.__notegraph!.selectedId() === 'ceph', undefined, { polling: 100 });
    await page.selectOption('#local-depth', String(depth));
    const loads = await page.evaluate(() => window.__notegraph!.loads());
    await page.click('#local-button');
    await page.waitForFunction((count) => window.__notegraph!.loads() > count && window.__notegraph!.ready() && window.__notegraph!.baseView() === 'local', loads, { polling: 100 });
    const shown = await page.evaluate(() => window.__notegraph!.drawn().visibleNodeIds.sort());
    expect(shown).toEqual(expected.nodes.map((node) => node.data.id).sort());
    expect(new URL(page.url()).searchParams.get('local')).toBe(`ceph:${depth}`);
    await page.goBack();
    await page.waitForFunction(() => window.__notegraph!.baseView() === 'overview' && window.__notegraph!.ready(), undefined, { polling: 100 });
    await page.context().close();
  });

  it('a time range changes the graph to the concepts the API finds with notes in that range', async () => {
    const range = 'from=2018-04-01&to=2018-06-30&undated=exclude';
    const expected = await apiJson<GraphResponse>(`/api/graph?limit=300&${range}`);
    const all = await apiJson<GraphResponse>('/api/graph?limit=300');
    expect(expected.nodes.length).toBeGreaterThan(0);
    expect(expected.nodes.length).toBeLessThan(all.nodes.length);
    const page = await open();
    await page.click('#filters-button');
    const loads = await page.evaluate(() => window.__notegraph!.loads());
    await page.selectOption('#filter-undated', 'exclude');
    await page.fill('#filter-from', '2018-04-01');
    await page.fill('#filter-to', '2018-06-30');
    await page.waitForFunction(
      ({ count, before }) => window.__notegraph!.loads() > before && window.__notegraph!.ready() && window.__notegraph!.nodeCount() === count,
      { count: expected.nodes.length, before: loads },
      { polling: 100 },
    );
    const ids = await page.evaluate(() => window.__notegraph!.nodeIds().sort());
    expect(ids).toEqual(expected.nodes.map((node) => node.data.id).sort());
    expect(new URL(page.url()).searchParams.get('from')).toBe('2018-04-01');
    await page.context().close();
  });
});
