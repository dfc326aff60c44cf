/**
 * Provenance and the Cypher console in Debian Chromium against the real server and Neo4j with the bundled
 * notes: every note of a concept reachable once through paging, every place of a deduplicated note with its true
 * lines (checked against the files), a slow query sent once and cancellable, Back out of a replaced view.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ConceptDetailResponse } from '../common/contract.js';
import { openExplorer, repoRoot, useBrowserStack } from './support/browser.js';

const cypherTimeoutMs = 4000;
const cypherRequests: string[] = [];
const stack = useBrowserStack({
  app: {
    config: { CYPHER_TIMEOUT_MS: cypherTimeoutMs, CYPHER_MAX_ROWS: 1000 },
    onRequest: (method, url) => {
      if (method === 'POST' && url === '/api/cypher') cypherRequests.push(url);
    },
  },
});

const poll = { polling: 100 } as const;

async function open(query = ''): Promise<Page> {
  return (await openExplorer(stack, query)).page;
}

async function distinctNotes(conceptId: string): Promise<number> {
  return stack.db.read(async (tx) => Number((await tx.run('MATCH (n:Note)-[:MENTIONS]->(:Concept {id: $id}) RETURN count(DISTINCT n) AS n', { id: conceptId })).records[0]!.get('n')));
}

/** Clicks "Load more" until every note is listed; returns the note ids of the cards, in order. */
async function pageThroughNotes(page: Page): Promise<string[]> {
  for (;;) {
    const more = page.locator('#load-more-notes');
    if ((await more.count()) === 0) break;
    const before = await page.locator('#panel .notes .note').count();
    await more.click();
    await page.waitForFunction((count) => document.querySelectorAll('#panel .notes .note').length > count, before, poll);
  }
  return page.locator('#panel .notes .note').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-note-id') ?? ''));
}

const squash = (text: string): string => text.replace(/\s+/gu, ' ').trim();

describe('notes of a concept', () => {
  it.each(['placement-group', 'ceph'])('every note of %s is reachable through paging, each once', async (conceptId) => {
    const total = await distinctNotes(conceptId);
    expect(total).toBeGreaterThan(20);
    const page = await open(`?concept=${conceptId}`);
    await page.locator('#panel .notes .note').first().waitFor();
    await expect(page.locator('#notes-heading').textContent()).resolves.toBe(`Notes (${total})`);
    const ids = await pageThroughNotes(page);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    await page.context().close();
  });

  it('a deduplicated note lists every place it occurs, each with the lines where its text is in that file', async () => {
    // A Ceph note stored once for several places (a copy in another export, or repeated in one file).
    const rows = await stack.db.read(async (tx) =>
      (await tx.run(
        `MATCH (n:Note)-[:MENTIONS]->(:Concept {id: 'ceph'}) WHERE COUNT { (n)-[:IN]->() } > 1
         RETURN n.id AS id, n.text AS text ORDER BY n.id LIMIT 3`,
      )).records.map((record) => ({ id: record.get('id') as string, text: record.get('text') as string })),
    );
    expect(rows.length).toBeGreaterThan(0);
    const api = (await (await fetch(`${stack.server.url}/api/concepts/ceph?limit=200`)).json()) as ConceptDetailResponse;
    const page = await open('?concept=ceph');
    await page.locator('#panel .notes .note').first().waitFor();
    await pageThroughNotes(page);
    for (const row of rows) {
      const card = page.locator(`#panel .note[data-note-id="${row.id}"]`);
      await card.locator('.places-toggle').click();
      const places = await card.locator('.note-place').allInnerTexts();
      const expected = api.notes.find((item) => item.note.id === row.id)?.note.places.length ?? (await stack.db.read(async (tx) => Number((await tx.run('MATCH (:Note {id: $id})-[r:IN]->() RETURN count(r) AS n', { id: row.id })).records[0]!.get('n'))));
      expect(places).toHaveLength(expected);
      expect(new Set(places).size).toBe(places.length);
      // The longest line of the note, unredacted, must be inside the lines each place names.
      const probe = squash(row.text.split('\n').filter((line) => !line.includes('[REDACTED]')).sort((a, b) => b.length - a.length)[0]!).slice(0, 40);
      for (const place of places) {
        const match = /^(.+):(\d+)(?:–(\d+))?$/u.exec(place);
        expect(match, place).not.toBeNull();
        const [, file, start, end] = match!;
        const lines = readFileSync(path.join(repoRoot, 'notes', file!), 'utf8').split('\n');
        const excerpt = squash(lines.slice(Number(start) - 1, Number(end ?? start)).join('\n'));
        expect(excerpt, `${place} holds the note`).toContain(probe);
      }
    }
    await page.context().close();
  });
});

async function typeQuery(page: Page, query: string): Promise<void> {
  if (await page.locator('#cypher').isHidden()) await page.click('#cypher-button');
  await page.click('#cypher-editor .cm-content');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
}

/** Slower than any timeout here: a filter over the three-way product of every note (a plain count(*) is optimised). */
const slowQuery = 'MATCH (a:Note), (b:Note), (c:Note) WHERE a.lineStart + b.lineStart + c.lineStart = -1 RETURN count(*) AS n';

async function runningSlowQueries(): Promise<number> {
  return stack.db.read(async (tx) => {
    // This statement's own text contains the marker too: leave it out.
    const result = await tx.run("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'c.lineStart = -1' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n");
    return Number(result.records[0]!.get('n'));
  });
}

describe('Cypher console', () => {
  it('a query slower than the timeout is requested once and answered as a timeout', async () => {
    const page = await open();
    await typeQuery(page, slowQuery);
    const before = cypherRequests.length;
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.locator('#cypher-error').filter({ hasText: /TIMEOUT/ }).waitFor({ timeout: cypherTimeoutMs * 4 });
    // Long enough for a browser retry to have arrived.
    await page.waitForTimeout(1000);
    expect(cypherRequests.length - before).toBe(1);
    await page.context().close();
  });

  it('Cancel ends a running query within a second, on the page and in the database', async () => {
    // Nothing left over from the test before (its query ends at the server's timeout at the latest).
    await expect.poll(runningSlowQueries, { timeout: cypherTimeoutMs * 4, interval: 200 }).toBe(0);
    const page = await open();
    await typeQuery(page, slowQuery);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.locator('#cypher-run').innerText()).resolves.toBe('Cancel');
    await expect.poll(runningSlowQueries, { timeout: 3000, interval: 100 }).toBe(1);
    await page.click('#cypher-run');
    await page.locator('#cypher-summary', { hasText: 'Cancelled.' }).waitFor({ timeout: 1000 });
    await expect.poll(runningSlowQueries, { timeout: 1000, interval: 100 }).toBe(0);
    await expect(page.locator('#cypher-run').innerText()).resolves.toBe('Run');
    await page.context().close();
  });

  it('results show nodes as chips that select them in the graph and open the inspector, numbers and lists by type', async () => {
    const page = await open();
    await typeQuery(page, "MATCH (c:Concept {id: 'nova'}) RETURN c, c.mentions AS mentions, c.aliases AS aliases");
    await page.keyboard.press('ControlOrMeta+Enter');
    const chip = page.locator('#cypher-results .node-chip[data-element-id="nova"]');
    await chip.waitFor();
    await expect(page.locator('#cypher-results td.cell-number').count()).resolves.toBe(1);
    await expect(page.locator('#cypher-results td.cell-list').count()).resolves.toBe(1);
    await page.waitForFunction(() => window.__notegraph!.baseView() === 'cypher' && window.__notegraph!.ready(), undefined, poll);
    await chip.click();
    await page.waitForFunction(() => window.__notegraph!.selectedId() === 'nova', undefined, poll);
    await expect(page.locator('#cypher-inspector dt').allInnerTexts()).resolves.toContain('name');
    await page.context().close();
  });

  it('Back after a Cypher result replaced the view restores the overview', async () => {
    const page = await open();
    const overview = await page.evaluate(() => window.__notegraph!.nodeIds().sort());
    await typeQuery(page, 'MATCH (c:Concept) RETURN c ORDER BY c.id LIMIT 3');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForFunction(() => window.__notegraph!.baseView() === 'cypher' && window.__notegraph!.ready() && window.__notegraph!.nodeCount() === 3, undefined, poll);
    await page.goBack();
    await page.waitForFunction(() => window.__notegraph!.baseView() === 'overview' && window.__notegraph!.ready(), undefined, poll);
    await expect(page.evaluate(() => window.__notegraph!.nodeIds().sort())).resolves.toEqual(overview);
    await page.context().close();
  });
});
