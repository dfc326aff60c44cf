/**
 * `npx tsx scripts/screenshot.ts [conceptId]`: docs/screenshot.png — the explorer at 1440×900 over the bundled
 * notes with a concept selected — and docs/overview-1440x900.png and docs/overview-1280x720.png, the overview a
 * new user first sees, taken in the same Debian Chromium as the browser tests.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { repoRoot, waitForGraph } from '../tests/support/browser.js';
import { startExplorerStack } from './explorer-stack.js';

const concept = process.argv[2] ?? 'nova';
const docs = path.join(repoRoot, 'docs');

async function shoot(browser: Browser, url: string, viewport: { width: number; height: number }, output: string, selected?: string): Promise<void> {
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(selected ? `${url}/?concept=${encodeURIComponent(selected)}` : url);
  await waitForGraph(page, problems);
  if (selected) {
    await page.waitForFunction((id) => window.__notegraph?.selectedId() === id, selected, { polling: 100 });
    await page.locator('#panel .note mark').first().waitFor();
    await page.locator('#panel', { hasText: 'Related topics' }).waitFor();
    await page.waitForFunction(() => !document.getElementById('panel')?.textContent?.includes('Loading…'), undefined, { polling: 100 });
  }
  await page.waitForTimeout(600); // the centring animation and the labels planned after it
  await page.evaluate(() => document.getElementById('toasts')?.replaceChildren());
  await page.screenshot({ path: output });
  await context.close();
  console.log(`wrote ${path.relative(repoRoot, output)}${problems.length ? ` (page errors: ${problems.join('; ')})` : ''}`);
}

// With curation, as `npm start` serves it (a throw-away copy of the notes): no "Read-only" badge in the README's pictures.
const stack = await startExplorerStack((line) => console.log(line), [], { curation: true });
try {
  mkdirSync(docs, { recursive: true });
  await shoot(stack.browser, stack.url, { width: 1440, height: 900 }, path.join(docs, 'screenshot.png'), concept);
  await shoot(stack.browser, stack.url, { width: 1440, height: 900 }, path.join(docs, 'overview-1440x900.png'));
  await shoot(stack.browser, stack.url, { width: 1280, height: 720 }, path.join(docs, 'overview-1280x720.png'));
} finally {
  await stack.stop();
}
