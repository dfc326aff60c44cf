/**
 * `npm run bench:client`: the explorer in headless Debian Chromium.
 *  - time to the first rendered graph for the bundled overview (real server, real Neo4j, notes ingested);
 *  - synthetic graphs of 1,000 / 5,000 / 20,000 nodes (4 edges per node) served in place of /api/graph:
 *    layout time (fcose in the worker) and frames per second while panning, WebGL on and off, same run.
 * Prints figures only. WebGL here is Chromium's software GL (SwiftShader): headless, --disable-gpu.
 */
import type { Browser, Page } from 'playwright-core';
import { startExplorerStack } from '../scripts/explorer-stack.js';
import { syntheticGraph } from './client-bench-graph.js';

const sizes = [1000, 5000, 20000];
const layoutBudgetMs = 120_000;
const panMs = 3000;
// SwiftShader is Chromium's software WebGL; recent Chromium only offers it for WebGL with this flag.
const browserArgs = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'];

async function waitSettled(page: Page, budgetMs: number): Promise<{ ms: number; outcome: string }> {
  await page.waitForFunction(() => (window.__notegraph?.loads() ?? 0) >= 1, undefined, { timeout: 120_000 });
  try {
    await page.waitForFunction(() => window.__notegraph!.ready(), undefined, { timeout: budgetMs, polling: 500 });
  } catch {
    await page.click('#layout-stop');
    await page.waitForFunction(() => window.__notegraph!.ready());
  }
  return (await page.evaluate(() => window.__notegraph!.lastLayout())) ?? { ms: 0, outcome: 'none' };
}

/** Drags the graph around for `panMs` and counts animation frames the page managed meanwhile. */
async function panFps(page: Page): Promise<number> {
  const box = (await page.locator('#graph').boundingBox())!;
  // Fit leaves a 40 px margin, so a drag that starts in the corner grabs the background and pans the view
  // (starting on a node would drag that node instead).
  const cx = box.x + 15;
  const cy = box.y + 15;
  // A string, not a function: tsx's name helper (__name) does not exist inside the page.
  await page.evaluate(`(() => {
    const state = { frames: 0, running: true };
    window.__fps = state;
    function tick() {
      if (!state.running) return;
      state.frames += 1;
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  const started = Date.now();
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  let step = 0;
  while (Date.now() - started < panMs) {
    step += 1;
    await page.mouse.move(cx + 200 + 150 * Math.sin(step / 10), cy + 150 + 100 * Math.cos(step / 10));
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const state = (window as unknown as { __fps: { frames: number; running: boolean } }).__fps;
    state.running = false;
    return state.frames;
  });
  return frames / ((Date.now() - started) / 1000);
}

interface Row {
  graph: string;
  renderer: string;
  nodes: number;
  edges: number;
  firstGraphMs: string;
  layoutMs: string;
  fps: string;
}

async function benchSynthetic(browser: Browser, url: string, n: number, renderer: 'canvas' | 'webgl'): Promise<Row> {
  const graph = syntheticGraph(n);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.route('**/api/graph**', (route) => route.fulfill({ json: graph }));
  await page.goto(`${url}/?renderer=${renderer}`);
  const layout = await waitSettled(page, layoutBudgetMs);
  const state = await page.evaluate(() => ({ renderer: window.__notegraph!.renderer(), first: window.__notegraph!.firstRenderMs() }));
  const fps = await panFps(page);
  await context.close();
  return {
    graph: `synthetic ${n}`,
    renderer: state.renderer === renderer ? renderer : `${renderer}→${state.renderer} (no WebGL2)`,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    firstGraphMs: state.first?.toFixed(0) ?? '-',
    layoutMs: `${layout.ms.toFixed(0)}${layout.outcome === 'done' ? '' : ` (${layout.outcome})`}`,
    fps: fps.toFixed(1),
  };
}

async function benchOverview(browser: Browser, url: string, renderer: 'canvas' | 'webgl'): Promise<Row> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}/?renderer=${renderer}`);
  const layout = await waitSettled(page, layoutBudgetMs);
  const state = await page.evaluate(() => ({
    renderer: window.__notegraph!.renderer(),
    first: window.__notegraph!.firstRenderMs(),
    nodes: window.__notegraph!.nodeCount(),
    edges: window.__notegraph!.edgeCount(),
  }));
  // Where the first-graph time goes: page and scripts, then the /api/graph answer, then drawing.
  const timing = await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const api = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/graph'));
    return { domReady: nav ? nav.domContentLoadedEventEnd : null, apiStart: api ? api.startTime : null, apiEnd: api ? api.responseEnd : null };
  })()`) as { domReady: number | null; apiStart: number | null; apiEnd: number | null };
  console.log(`  ${renderer}: DOM ready ${timing.domReady?.toFixed(0)} ms, /api/graph ${timing.apiStart?.toFixed(0)}–${timing.apiEnd?.toFixed(0)} ms, first frame ${state.first?.toFixed(0)} ms`);
  const fps = await panFps(page);
  await context.close();
  return { graph: 'bundled overview', renderer: state.renderer, nodes: state.nodes, edges: state.edges, firstGraphMs: state.first?.toFixed(0) ?? '-', layoutMs: layout.ms.toFixed(0), fps: fps.toFixed(1) };
}

async function main(): Promise<void> {
  const stack = await startExplorerStack((line) => console.log(line), browserArgs);
  // Ctrl-C still stops Neo4j and Chromium.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  const rows: Row[] = [];
  try {
    const gl = await (async () => {
      const page = await stack.browser.newPage();
      const info = await page.evaluate(() => {
        const gl = document.createElement('canvas').getContext('webgl2');
        const debug = gl?.getExtension('WEBGL_debug_renderer_info');
        return gl ? String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'no WebGL2';
      });
      await page.close();
      return info;
    })();
    console.log(`Chromium ${stack.browser.version()}, WebGL2 renderer: ${gl}`);
    for (const renderer of ['canvas', 'webgl'] as const) {
      rows.push(await benchOverview(stack.browser, stack.url, renderer));
      console.log(rows.at(-1));
    }
    for (const n of sizes) {
      for (const renderer of ['canvas', 'webgl'] as const) {
        rows.push(await benchSynthetic(stack.browser, stack.url, n, renderer));
        console.log(rows.at(-1));
      }
    }
  } finally {
    await stack.stop();
  }
  console.log('\nfirst graph = ms from navigation to the first frame with nodes; layout = fcose in the worker; fps = frames/s while dragging for 3 s');
  console.table(rows);
  for (const n of sizes) {
    const canvas = rows.find((row) => row.graph === `synthetic ${n}` && row.renderer === 'canvas');
    const webgl = rows.find((row) => row.graph === `synthetic ${n}` && row.renderer === 'webgl');
    if (canvas && webgl) console.log(`${n} nodes: WebGL/canvas FPS ratio ${(Number(webgl.fps) / Number(canvas.fps)).toFixed(2)}`);
  }
}

await main();
