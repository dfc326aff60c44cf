/**
 * `npx tsx scripts/merge-screenshot.ts [from] [into]`: docs/merge.png — a merge in progress at 1440×900 over a
 * throw-away copy of the bundled notes: one concept selected, the other picked with Shift+click, the panel's
 * Correct section offering "Merge … into …". With `--result`, docs/merge-result.png after the merge as well.
 */
import path from 'node:path';
import { repoRoot, waitForGraph, nodeScreenPoint } from '../tests/support/browser.js';
import { startExplorerStack } from './explorer-stack.js';

const [from = 'thread', into = '线程'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const withResult = process.argv.includes('--result');
const docs = path.join(repoRoot, 'docs');

const stack = await startExplorerStack((line) => console.log(line), [], { curation: true });
try {
  const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // The local graph of the concept that goes: its neighbourhood, where the duplicate sits beside it.
  await page.goto(`${stack.url}/?concept=${encodeURIComponent(from)}&local=${encodeURIComponent(from)}:1`);
  await waitForGraph(page, problems);
  await page.waitForFunction(() => window.__notegraph?.baseView() === 'local' && window.__notegraph.ready(), undefined, { polling: 100 });
  await page.locator('#panel .curation').waitFor();
  await page.waitForTimeout(800); // the centring animation
  const point = await nodeScreenPoint(page, into);
  await page.keyboard.down('Shift');
  await page.mouse.click(point.x, point.y);
  await page.keyboard.up('Shift');
  await page.locator('#panel .curation-picked').waitFor();
  // No hover highlight, no toast over the panel: the picture shows the selection, the pick and the offer.
  await page.mouse.move(700, 880);
  await page.evaluate(() => document.getElementById('toasts')?.replaceChildren());
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(docs, 'merge.png') });
  console.log(`wrote docs/merge.png${problems.length ? ` (page errors: ${problems.join('; ')})` : ''}`);
  if (withResult) {
    await page.locator(`#panel button[data-merge-from="${from}"][data-merge-into="${into}"]`).click();
    await page.waitForFunction((id) => window.__notegraph?.selectedId() === id, into, { polling: 100 });
    await page.locator('#curation-undo').waitFor();
    await page.waitForFunction(() => !document.getElementById('panel')?.textContent?.includes('Loading…'), undefined, { polling: 100 });
    await page.mouse.move(700, 880);
    await page.evaluate(() => document.getElementById('toasts')?.replaceChildren());
    await page.waitForTimeout(900);
    await page.screenshot({ path: path.join(docs, 'merge-result.png') });
    console.log('wrote docs/merge-result.png');
  }
  await context.close();
} finally {
  await stack.stop();
}
