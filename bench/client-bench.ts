/**
 * `npm run bench:client`: the explorer in headless Debian Chromium.
 *  - time to the first rendered graph for the bundled overview (real server, real Neo4j, notes ingested);
 *  - synthetic graphs of 1,000 / 5,000 / 20,000 nodes (4 edges per node) served in place of /api/graph:
 *    layout time (fcose in the worker), how long the main thread was blocked while the graph loaded and laid
 *    out, and frames per second while a user drags the view, WebGL on and off, in the same run.
 * Prints figures only. WebGL here is Chromium's software GL (SwiftShader): headless, --disable-gpu.
 *
 * Options (for comparing rendering settings; the default run is what `npm run bench:client` reports):
 *   --synthetic-only        skip Neo4j and the overview; serve the built client statically
 *   --sizes=1000,5000       graph sizes
 *   --renderers=canvas      renderers to measure (canvas, webgl)
 *   --variants=a,b          rendering-hint sets passed as ?hints= (see client/src/view-model/rendering.ts);
 *                           "auto" is the explorer's own choice
 */
import path from 'node:path';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { startExplorerStack } from '../scripts/explorer-stack.js';
import { clientDir, ensureClientBuilt, launchBrowser } from '../tests/support/browser.js';
import { syntheticGraph } from './client-bench-graph.js';
import { blockingSoFar, dragFps, loadingSteps, longTaskRecorder, waitSettled } from './client-bench-page.js';
import { serveStatic } from './client-bench-static.js';

type Renderer = 'canvas' | 'webgl';
const layoutBudgetMs = 120_000;
const dragMs = 3000;
// SwiftShader is Chromium's software WebGL; recent Chromium only offers it for WebGL with this flag.
const browserArgs = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'];

function option(name: string, fallback: string): string[] {
  const arg = process.argv.find((value) => value.startsWith(`--${name}=`));
  return (arg ? arg.slice(name.length + 3) : fallback).split(',').filter(Boolean);
}

interface Row {
  graph: string;
  renderer: string;
  hints: string;
  nodes: number;
  edges: number;
  firstGraphMs: string;
  layoutMs: string;
  longestTaskMs: number;
  blockingMs: number;
  fps: string;
  rafFps: string;
  /** Main-thread ms per loading step, printed per run rather than in the table. */
  steps: string;
  /** When the longest task ran and which loading steps it overlapped, printed per run. */
  longestDuring: string;
}

interface Case {
  url: string;
  renderer: Renderer;
  hints: string;
  graph?: ReturnType<typeof syntheticGraph>;
}

async function benchPage(browser: Browser, run: Case): Promise<Row> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(longTaskRecorder);
  const { graph } = run;
  if (graph) {
    await page.route('**/api/**', (route) =>
      route.request().url().includes('/api/graph')
        ? route.fulfill({ json: graph })
        : route.fulfill({ status: 503, json: { error: { code: 'BENCH', message: 'not served by the benchmark' } } }),
    );
  }
  const hints = run.hints === 'auto' ? '' : `&hints=${run.hints}`;
  await page.goto(`${run.url}/?renderer=${run.renderer}${hints}`);
  const layout = await waitSettled(page, layoutBudgetMs);
  const blocking = await blockingSoFar(page);
  const steps = await loadingSteps(page);
  const state = await page.evaluate(() => ({
    renderer: window.__notegraph!.renderer(),
    first: window.__notegraph!.firstRenderMs(),
    nodes: window.__notegraph!.nodeCount(),
    edges: window.__notegraph!.edgeCount(),
  }));
  const pan = await dragFps(page, dragMs);
  await context.close();
  return {
    graph: graph ? `synthetic ${graph.nodes.length}` : 'bundled overview',
    renderer: state.renderer === run.renderer ? run.renderer : `${run.renderer}→${state.renderer} (no WebGL2)`,
    hints: run.hints,
    nodes: state.nodes,
    edges: state.edges,
    firstGraphMs: state.first?.toFixed(0) ?? '-',
    layoutMs: `${layout.ms.toFixed(0)}${layout.outcome === 'done' ? '' : ` (${layout.outcome})`}`,
    longestTaskMs: Math.round(blocking.longestMs),
    blockingMs: Math.round(blocking.totalBlockingMs),
    fps: pan.pannedPx > 20 ? pan.drawFps.toFixed(1) : `${pan.drawFps.toFixed(1)} (did not pan!)`,
    rafFps: pan.rafFps.toFixed(1),
    steps,
    longestDuring: `${Math.round(blocking.longestMs)} ms at ${(blocking.longestAt / 1000).toFixed(2)} s, during ${blocking.longestDuring}`,
  };
}

async function webglRenderer(browser: Browser): Promise<string> {
  const page = await browser.newPage();
  const info = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const debug = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl ? String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'no WebGL2';
  });
  await page.close();
  return info;
}

async function startTarget(syntheticOnly: boolean): Promise<{ url: string; browser: Browser; stop(): Promise<void> }> {
  if (!syntheticOnly) return startExplorerStack((line) => console.log(line), browserArgs);
  await ensureClientBuilt();
  const server = await serveStatic(path.resolve(clientDir));
  const browser = await launchBrowser(browserArgs);
  return { url: server.url, browser, stop: async () => (await browser.close(), await server.stop()) };
}

function printRatios(rows: Row[]): void {
  for (const row of rows.filter((candidate) => candidate.renderer === 'webgl')) {
    const canvas = rows.find((other) => other.graph === row.graph && other.hints === row.hints && other.renderer === 'canvas');
    if (canvas) console.log(`${row.graph} (${row.hints}): WebGL/canvas FPS ratio ${(Number.parseFloat(row.fps) / Number.parseFloat(canvas.fps)).toFixed(2)}`);
  }
}

async function main(): Promise<void> {
  const syntheticOnly = process.argv.includes('--synthetic-only');
  const sizes = option('sizes', '1000,5000,20000').map(Number);
  const renderers = option('renderers', 'canvas,webgl') as Renderer[];
  const variants = option('variants', 'auto');
  const target = await startTarget(syntheticOnly);
  // Ctrl-C still stops Neo4j and Chromium.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void target.stop().finally(() => process.exit(130)));
  const rows: Row[] = [];
  const record = (row: Row): void => {
    rows.push(row);
    console.log(`${row.graph} ${row.renderer} [${row.hints}]: first ${row.firstGraphMs} ms, layout ${row.layoutMs} ms, longest task ${row.longestTaskMs} ms, drag ${row.fps} fps (rAF ${row.rafFps}); load ${loadavg()[0]!.toFixed(2)}`);
    console.log(`  main thread: ${row.steps}`);
    console.log(`  longest task: ${row.longestDuring}`);
  };
  try {
    console.log(`Chromium ${target.browser.version()}, WebGL2 renderer: ${await webglRenderer(target.browser)}, load average ${loadavg()[0]!.toFixed(2)}`);
    if (!syntheticOnly) for (const renderer of renderers) record(await benchPage(target.browser, { url: target.url, renderer, hints: 'auto' }));
    for (const n of sizes) {
      const graph = syntheticGraph(n);
      for (const hints of variants) for (const renderer of renderers) record(await benchPage(target.browser, { url: target.url, renderer, hints, graph }));
    }
  } finally {
    await target.stop();
  }
  console.log('\nfirst graph = ms from navigation to the first frame with nodes; layout = fcose in the worker;');
  console.log('longest task / blocking = main-thread long tasks from navigation until the layout settled (a frozen page shows here);');
  console.log(`fps = Cytoscape redraws/s while the mouse drags the view for ${dragMs / 1000} s; rAF = animation frames/s in the same window`);
  console.table(rows.map(({ steps: _steps, longestDuring: _during, ...row }) => row));
  printRatios(rows);
}

await main();
