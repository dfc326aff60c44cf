/**
 * What the client benchmark measures inside one page: layout settling, main-thread blocking while the graph
 * loads, and frames while a user drags the view. Scripts run in the page are strings, because tsx's name
 * helper (__name) does not exist there.
 */
import type { Page } from 'playwright-core';

/** Installed before any page script: records every long main-thread task (> 50 ms) from navigation on, as [start, ms]. */
export const longTaskRecorder = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

export interface Blocking {
  /** The longest single task: how long the page was frozen at worst. */
  longestMs: number;
  /** When it started (ms since navigation) and which of the explorer's loading steps it overlapped. */
  longestAt: number;
  longestDuring: string;
  /** Sum over long tasks of their time beyond 50 ms (Lighthouse's total blocking time). */
  totalBlockingMs: number;
}

/**
 * The explorer's measures (graph-view.ts and friends) that overlap [start, end]; a task inside none of them is
 * named after the step before it. Long tasks carry no attribution of their own in Chromium.
 */
async function stepsDuring(page: Page, start: number, end: number): Promise<string> {
  const steps = (await page.evaluate(
    "performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('graph: ')).map((entry) => [entry.name.slice(7), entry.startTime, entry.duration])",
  )) as [string, number, number][];
  const overlapping = steps.filter(([, from, ms]) => from < end && from + ms > start).map(([name]) => name);
  if (overlapping.length > 0) return [...new Set(overlapping)].join(' + ');
  const before = steps.filter(([, from, ms]) => from + ms <= start).sort((a, b) => b[1] + b[2] - (a[1] + a[2]))[0];
  return before ? `after ${before[0]}` : 'page start, before the graph arrived';
}

export async function blockingSoFar(page: Page): Promise<Blocking> {
  const tasks = (await page.evaluate('window.__longTasks || []')) as [number, number][];
  const longest = tasks.reduce<[number, number]>((max, task) => (task[1] > max[1] ? task : max), [0, 0]);
  return {
    longestMs: longest[1],
    longestAt: longest[0],
    longestDuring: longest[1] > 0 ? await stepsDuring(page, longest[0], longest[0] + longest[1]) : '-',
    totalBlockingMs: tasks.reduce((sum, [, ms]) => sum + Math.max(0, ms - 50), 0),
  };
}

export async function waitSettled(page: Page, budgetMs: number): Promise<{ ms: number; outcome: string }> {
  await page.waitForFunction(() => (window.__notegraph?.loads() ?? 0) >= 1, undefined, { timeout: 120_000 });
  try {
    await page.waitForFunction(() => window.__notegraph!.ready(), undefined, { timeout: budgetMs, polling: 500 });
  } catch {
    await page.click('#layout-stop');
    await page.waitForFunction(() => window.__notegraph!.ready());
  }
  return (await page.evaluate(() => window.__notegraph!.lastLayout())) ?? { ms: 0, outcome: 'none' };
}

export interface PanResult {
  /** requestAnimationFrame callbacks per second: how often the page could show a frame at all. */
  rafFps: number;
  /** Cytoscape redraws per second: how often the picture actually changed. */
  drawFps: number;
  /** Distance the view moved, in px: proves the drag panned rather than dragging a node or nothing. */
  pannedPx: number;
}

/**
 * A user's drag: the left button goes down on the background (fit leaves a 40 px margin, so the left edge is
 * never a node) and the pointer moves along a circle in small steps, as a mouse reports it, for `durationMs`.
 * Playwright sends each step as a real input event, so the drag is throttled by the page exactly like a hand's.
 */
export async function dragFps(page: Page, durationMs: number): Promise<PanResult> {
  // The legend sits in the top-left corner: collapse it to its button and start below that.
  if ((await page.locator('#legend-toggle[aria-expanded="true"]').count()) > 0) await page.click('#legend-toggle');
  const box = (await page.locator('#graph').boundingBox())!;
  const x0 = box.x + 15;
  const y0 = box.y + 60;
  await page.mouse.move(x0, y0);
  const panBefore = await page.evaluate(() => window.__notegraph!.viewport().pan);
  await page.evaluate(`(() => {
    const state = { frames: 0, running: true, draws: window.__notegraph.drawCount(), started: performance.now(), ended: 0 };
    window.__fps = state;
    function tick(now) {
      if (!state.running) return;
      state.frames += 1;
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.down();
  const started = Date.now();
  let angle = 0;
  while (Date.now() - started < durationMs) {
    angle += 0.25;
    await page.mouse.move(x0 + 150 + 120 * Math.sin(angle), y0 + 120 + 90 * Math.cos(angle), { steps: 4 });
  }
  const counted = (await page.evaluate(`(() => {
    const state = window.__fps;
    state.running = false;
    const seconds = (performance.now() - state.started) / 1000;
    return { rafFps: state.frames / seconds, drawFps: (window.__notegraph.drawCount() - state.draws) / seconds };
  })()`)) as { rafFps: number; drawFps: number };
  const panAfter = await page.evaluate(() => window.__notegraph!.viewport().pan);
  await page.mouse.up();
  return { ...counted, pannedPx: Math.hypot(panAfter.x - panBefore.x, panAfter.y - panBefore.y) };
}

/** The explorer's own performance.measure() entries (graph-view.ts): main-thread ms per loading step. */
export async function loadingSteps(page: Page): Promise<string> {
  const steps = (await page.evaluate(
    "performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('graph: ')).map((entry) => [entry.name.slice(7), entry.duration])",
  )) as [string, number][];
  return steps.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ');
}
