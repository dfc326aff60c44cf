/**
 * `npx tsx scripts/screenshot.ts`: docs/screenshot.png — the explorer at 1440×900 over the bundled notes with
 * a concept selected, taken in the same Debian Chromium as the browser tests.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, waitForGraph } from '../tests/support/browser.js';
import { startExplorerStack } from './explorer-stack.js';

const concept = process.argv[2] ?? 'nova';
const output = path.join(repoRoot, 'docs', 'screenshot.png');

const stack = await startExplorerStack((line) => console.log(line));
try {
  const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${stack.url}/?concept=${encodeURIComponent(concept)}`);
  await waitForGraph(page, problems);
  await page.waitForFunction((id) => window.__notegraph?.selectedId() === id, concept);
  await page.locator('#panel .note mark').first().waitFor();
  await page.locator('#panel', { hasText: 'Related topics' }).waitFor();
  await page.waitForFunction(() => !document.getElementById('panel')?.textContent?.includes('Loading…'));
  await page.waitForFunction(() => window.__notegraph?.ready());
  await page.waitForTimeout(400); // the centring animation
  await page.evaluate(() => document.getElementById('toasts')?.replaceChildren());
  mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`wrote ${path.relative(repoRoot, output)}`);
} finally {
  await stack.stop();
}
