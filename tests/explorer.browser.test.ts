/**
 * The explorer in Debian Chromium against the real server and the real Neo4j holding the bundled notes.
 * Assertions read graph state through window.__notegraph and visible text, never pixels.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeScreenPoint, openExplorer as openPageAt, useBrowserStack } from './support/browser.js';

const stack = useBrowserStack();
const openExplorer = (query = ''): Promise<{ page: Page; problems: string[] }> => openPageAt(stack, query);

const handle = <T>(page: Page, read: () => T): Promise<T> => page.evaluate(read);

async function runCypher(page: Page, query: string): Promise<void> {
  if (await page.locator('#cypher').isHidden()) await page.click('#cypher-button');
  await page.click('#cypher-editor .cm-content');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await page.keyboard.press('ControlOrMeta+Enter');
}

describe('explorer over the bundled notes', () => {
  it('renders the overview with the bundled concepts', async () => {
    const { page, problems } = await openExplorer();
    const state = await handle(page, () => ({ nodes: window.__notegraph!.nodeCount(), edges: window.__notegraph!.edgeCount(), nova: window.__notegraph!.hasNode('nova') }));
    expect(problems).toEqual([]);
    expect(state.nodes).toBeGreaterThan(50);
    expect(state.edges).toBeGreaterThan(50);
    expect(state.nova).toBe(true);
    await expect(page.locator('#legend').textContent()).resolves.toContain('Communities');
    await page.context().close();
  });

  it('clicking the Nova node shows notes that mention nova, with the mentions highlighted', async () => {
    const { page } = await openExplorer();
    const point = await nodeScreenPoint(page, 'nova');
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction(() => window.__notegraph!.selectedId() === 'nova', undefined, { polling: 100 });
    await page.locator('#panel .note').first().waitFor();
    await expect(page.locator('#panel-title').innerText()).resolves.toBe('Nova');
    const marks = await page.locator('#panel .note mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((text) => /nova|计算服务/i.test(text))).toBe(true);
    const firstNote = await page.locator('#panel .note .note-text').first().innerText();
    expect(firstNote.toLowerCase()).toContain('nova');
    expect(new URL(page.url()).searchParams.get('concept')).toBe('nova');
    await page.context().close();
  });

  it('double-click expands a node without moving it, and undo removes what the expand added', async () => {
    const { page } = await openExplorer();
    await runCypher(page, "MATCH (c:Concept {id: 'nova'}) RETURN c");
    await page.waitForFunction(() => window.__notegraph!.loads() >= 2 && window.__notegraph!.ready() && window.__notegraph!.nodeCount() === 1, undefined, { polling: 100 });
    await page.click('#fit-button');
    const before = await handle(page, () => window.__notegraph!.position('nova'));
    const point = await nodeScreenPoint(page, 'nova');
    await page.mouse.dblclick(point.x, point.y);
    await page.waitForFunction(() => window.__notegraph!.nodeCount() > 1, undefined, { polling: 100 });
    const expanded = await handle(page, () => ({ nodes: window.__notegraph!.nodeCount(), position: window.__notegraph!.position('nova') }));
    expect(expanded.position).toEqual(before);
    // The view follows the expand: every new node on screen, at a zoom no higher than 1.5 (not the 4x a single node gets).
    await page.waitForTimeout(500);
    const view = await page.evaluate(() => {
      const h = window.__notegraph!;
      const box = document.getElementById('graph')!.getBoundingClientRect();
      const off = h.nodeIds().filter((id) => {
        const p = h.renderedPosition(id)!;
        return p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height;
      });
      return { off, zoom: h.viewport().zoom };
    });
    expect(view.off).toEqual([]);
    expect(view.zoom).toBeLessThanOrEqual(1.5);
    await expect(page.locator('#undo-button').isEnabled()).resolves.toBe(true);
    await page.click('#undo-button');
    await page.waitForFunction(() => window.__notegraph!.nodeCount() === 1, undefined, { polling: 100 });
    await expect(handle(page, () => window.__notegraph!.nodeIds())).resolves.toEqual(['nova']);
    await page.context().close();
  });

  it.each(['归置组', 'placement group'])('searching for “%s” selects the placement group concept', async (text) => {
    const { page } = await openExplorer();
    await page.keyboard.press('/');
    await page.keyboard.insertText(text);
    const option = page.locator('#search-results [data-concept-id="placement-group"]');
    await option.waitFor();
    await option.click();
    await page.waitForFunction(() => window.__notegraph!.selectedId() === 'placement-group', undefined, { polling: 100 });
    await expect(page.locator('#panel-title').innerText()).resolves.toBe('placement group');
    await page.context().close();
  });

  it('a Cypher query shows its result as a graph and as a table', async () => {
    const { page } = await openExplorer();
    await runCypher(page, 'MATCH (a:Concept)-[r:USES]->(b:Concept) RETURN a.name AS user, r, b LIMIT 5');
    await page.locator('#cypher-results table').waitFor();
    await page.waitForFunction(() => window.__notegraph!.loads() >= 2 && window.__notegraph!.ready(), undefined, { polling: 100 });
    const headers = await page.locator('#cypher-results th').allInnerTexts();
    expect(headers).toEqual(['user', 'r', 'b']);
    const rows = await page.locator('#cypher-results tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    const state = await handle(page, () => ({ nodes: window.__notegraph!.nodeCount(), edges: window.__notegraph!.edgeCount() }));
    expect(state.nodes).toBeGreaterThanOrEqual(2);
    expect(state.nodes).toBeLessThanOrEqual(10);
    expect(state.edges).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a write query shows the server’s refusal and changes nothing', async () => {
    const count = async () => stack.db.read(async (tx) => (await tx.run('MATCH (n) RETURN count(n) AS n')).records[0]!.get('n').toString());
    const before = await count();
    const { page } = await openExplorer();
    await runCypher(page, "CREATE (x:Concept {id: 'written-from-the-browser'}) RETURN x");
    await page.locator('#cypher-error').filter({ hasText: /\S/ }).waitFor();
    await expect(page.locator('#cypher-error').innerText()).resolves.toMatch(/CYPHER_REFUSED/);
    expect(await count()).toBe(before);
    await page.context().close();
  });

  it('shows a syntax error with its position', async () => {
    const { page } = await openExplorer();
    await runCypher(page, 'MATCH (n:Concept)\nRETRN n');
    await page.locator('#cypher-error').filter({ hasText: /\S/ }).waitFor();
    const text = await page.locator('#cypher-error').innerText();
    expect(text).toMatch(/CYPHER_SYNTAX/);
    expect(text).toContain('RETRN n\n^');
    await page.context().close();
  });

  it('a deep link restores the selected concept, and back returns to the previous selection', async () => {
    const { page } = await openExplorer('?concept=placement-group');
    await page.waitForFunction(() => window.__notegraph!.selectedId() === 'placement-group', undefined, { polling: 100 });
    await expect(page.locator('#panel-title').innerText()).resolves.toBe('placement group');
    await page.locator('#panel [data-concept-id]').first().click();
    await page.waitForFunction(() => window.__notegraph!.selectedId() !== 'placement-group', undefined, { polling: 100 });
    await page.goBack();
    await page.waitForFunction(() => window.__notegraph!.selectedId() === 'placement-group', undefined, { polling: 100 });
    await page.context().close();
  });

  it('the path tool highlights a shortest path between two concepts', async () => {
    const { page } = await openExplorer();
    await page.click('#path-button');
    await page.fill('#path-from', 'nova');
    await page.fill('#path-to', 'ceph');
    await page.click('#path-find');
    await page.waitForFunction(() => window.__notegraph!.pathIds().length > 0, undefined, { polling: 100 });
    const ids = await handle(page, () => window.__notegraph!.pathIds());
    expect(ids).toContain('nova');
    expect(ids).toContain('ceph');
    await expect(page.locator('#path-result').innerText()).resolves.toMatch(/hops?: .*→/);
    expect(new URL(page.url()).searchParams.get('path')).toBe('nova,ceph');
    await page.context().close();
  });

  it('arrow keys move the selection to a neighbour and Escape clears it', async () => {
    const { page } = await openExplorer('?concept=nova');
    await page.waitForFunction(() => window.__notegraph!.selectedId() === 'nova', undefined, { polling: 100 });
    await page.waitForFunction(() => window.__notegraph!.ready(), undefined, { polling: 100 });
    await page.locator('#graph').focus();
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
      await page.keyboard.press(key);
      if ((await handle(page, () => window.__notegraph!.selectedId())) !== 'nova') break;
    }
    const moved = await handle(page, () => window.__notegraph!.selectedId());
    expect(moved).not.toBe('nova');
    expect(moved).not.toBeNull();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__notegraph!.selectedId() === null, undefined, { polling: 100 });
    expect(new URL(page.url()).searchParams.get('concept')).toBeNull();
    await page.context().close();
  });

  it('a kind filter hides the concepts of other kinds and is kept in the URL', async () => {
    const { page } = await openExplorer();
    await page.click('#filters-button');
    await page.locator('#filters label', { hasText: /^project$/ }).locator('input').check();
    await page.waitForFunction(() => window.__notegraph!.visibleNodeCount() < window.__notegraph!.nodeCount(), undefined, { polling: 100 });
    const state = await handle(page, () => {
      const h = window.__notegraph!;
      return { kinds: [...new Set(h.visibleNodeIds().map((id) => h.nodeData(id)?.kind))], visible: h.visibleNodeCount(), drawn: h.drawn().visibleNodeIds.length };
    });
    expect(state.kinds).toEqual(['project']);
    expect(state.drawn).toBe(state.visible);
    expect(new URL(page.url()).searchParams.get('kinds')).toBe('project');
    await page.context().close();
  });
});

describe('untrusted note text', () => {
  const conceptId = 'browser-test-markup-concept';
  const noteId = 'browser-test-markup-note';
  const text = 'Before <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> markup-concept after';

  beforeAll(async () => {
    const start = text.indexOf('markup-concept');
    await stack.db.write(async (tx) => {
      await tx.run(
        `MERGE (s:Source {id: 'browser-test-source'}) SET s.path = 'fixtures/markup.txt', s.title = 'markup'
         MERGE (n:Note {id: $noteId}) SET n.title = '<b>markup</b> note', n.text = $text, n.lineStart = 1, n.lineEnd = 1, n.lang = 'en'
         MERGE (n)-[:IN]->(s)
         MERGE (c:Concept {id: $conceptId}) SET c.name = 'markup-concept', c.kind = 'concept', c.aliases = [], c.aliasText = '', c.rank = 0, c.community = 0, c.mentions = 1
         MERGE (n)-[m:MENTIONS]->(c) SET m.count = 1, m.spans = [$start, $end]`,
        { noteId, conceptId, text, start, end: start + 'markup-concept'.length },
      );
    });
  });

  afterAll(async () => {
    await stack.db.write((tx) => tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: [conceptId, noteId, 'browser-test-source'] }));
  });

  it('a note containing <script> and <img onerror> shows literally, nothing runs', async () => {
    const { page } = await openExplorer(`?concept=${conceptId}`);
    await page.locator('#panel .note .note-text').first().waitFor();
    const shown = await page.locator('#panel .note .note-text').first().innerText();
    expect(shown).toBe(text);
    await expect(page.locator('#panel .note-title').first().innerText()).resolves.toBe('<b>markup</b> note');
    await expect(page.locator('#panel .note mark').first().innerText()).resolves.toBe('markup-concept');
    expect(await page.locator('#panel script, #panel img, #panel b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.context().close();
  });
});
