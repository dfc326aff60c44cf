/**
 * `npm run bench:watch [-- --runs 10]`: save-to-visible latency of live notes on the bundled notes. A throw-away
 * local Neo4j, a temporary copy of ./notes (with a lexicon naming terms no note mentions yet), the server with
 * its folder watcher and the built client, and an explorer open in Debian Chromium. Each run appends a paragraph
 * naming one new term to a note file and times, from the moment the file is written: the concept being served by
 * /api/concepts/:id, the explorer's event (GET /api/events), and the concept shown in the open explorer (its
 * view-model holds it: no reload). One warm-up run is not counted. Prints figures; asserts nothing.
 */
import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import { runIngest } from '../ingest/run-ingest.js';
import { Database } from '../queries/database.js';
import { applySchema } from '../queries/schema.js';
import { createLiveServices } from '../server/live-services.js';
import { createApp, startServer } from '../server/server.js';
import { clientDir, ensureClientBuilt, launchBrowser, waitForGraph } from '../tests/support/browser.js';
import { listenToEvents } from '../tests/support/event-stream.js';
import { startLocalNeo4j } from '../tools/neo4j/local-neo4j.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
const terms = Array.from({ length: runs + 1 }, (_, index) => `Zyqlor Probe ${String.fromCharCode(65 + (index % 26))}${Math.floor(index / 26) || ''}`);
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'notegraph-watch-bench-db-'));
  const notesDir = await mkdtemp(path.join(tmpdir(), 'notegraph-watch-bench-notes-'));
  await cp(path.join(root, 'notes'), notesDir, { recursive: true });
  await writeFile(path.join(notesDir, 'notegraph-lexicon.yaml'), `concepts:\n${terms.map((name) => `  - { name: ${name}, kind: tool }`).join('\n')}\n`);
  const neo4j = await startLocalNeo4j({ dataDir, port: 0, heapMb: 1024, pageCacheMb: 256 });
  const db = new Database({ uri: neo4j.uri });
  const logger = createLogger(process.env.BENCH_LOG === '1' ? 'debug' : 'warn', 'bench-watch');
  const live = createLiveServices({ db, notesDir, config: parseConfig({ NOTES_WATCH: 'on' }), logger });
  await ensureClientBuilt();
  const server = await startServer(createApp({ db, logger, clientDir, curation: live.routes, requestLogging: false }), { host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  const stream = new AbortController();
  try {
    await applySchema(db);
    const { summary } = await runIngest({ notesDir, db });
    console.log(`ingested ${summary.files} files, ${summary.notes} notes, ${summary.concepts} concepts in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
    await live.start();
    await live.refresher.idle();
    const eventTimes: number[] = [];
    await listenToEvents(server.url, (event, at) => event.type === 'notes' && eventTimes.push(at), stream.signal);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url);
    await waitForGraph(page, problems);
    const toEvent: number[] = [];
    const toApi: number[] = [];
    const toScreen: number[] = [];
    const eventToScreen: number[] = [];
    for (const [index, term] of terms.entries()) {
      await live.refresher.idle();
      const seenEvents = eventTimes.length;
      const file = path.join(notesDir, index % 2 === 0 ? 'python-openstack-scratch.txt' : 'ops-notebook-2015-2016.txt');
      const savedAt = performance.now();
      await appendFile(file, `\n\nA note written while the explorer is open: ${term} now handles the queue.\n`);
      const shown = page
        .waitForFunction((id) => window.__notegraph?.hasNode(id) === true, slug(term), { polling: 10, timeout: 30_000 })
        .then(() => performance.now());
      let servedAt = 0;
      while (servedAt === 0) {
        const response = await fetch(`${server.url}/api/concepts/${slug(term)}`);
        if (response.status === 200) servedAt = performance.now();
        else await new Promise((resolve) => setTimeout(resolve, 10));
        if (performance.now() - savedAt > 30_000) throw new Error(`${term} was not served within 30 s`);
      }
      while (eventTimes.length === seenEvents) await new Promise((resolve) => setTimeout(resolve, 5));
      const eventMs = eventTimes[seenEvents]! - savedAt;
      const apiMs = servedAt - savedAt;
      const screenMs = (await shown) - savedAt;
      console.log(`${index === 0 ? 'warm-up' : `run ${index}`}: served ${apiMs.toFixed(0)} ms, event ${eventMs.toFixed(0)} ms, shown ${screenMs.toFixed(0)} ms`);
      if (index === 0) continue;
      toEvent.push(eventMs);
      toApi.push(apiMs);
      toScreen.push(screenMs);
      eventToScreen.push(screenMs - eventMs);
    }
    const load = loadavg().map((value) => value.toFixed(2)).join(' ');
    console.log(`\nsave → explorer told (GET /api/events):   median ${median(toEvent).toFixed(0)} ms of ${toEvent.length} (min ${Math.min(...toEvent).toFixed(0)}, max ${Math.max(...toEvent).toFixed(0)})`);
    console.log(`save → concept served (/api/concepts/:id): median ${median(toApi).toFixed(0)} ms of ${toApi.length} (min ${Math.min(...toApi).toFixed(0)}, max ${Math.max(...toApi).toFixed(0)})`);
    console.log(`save → shown in the open explorer:        median ${median(toScreen).toFixed(0)} ms of ${toScreen.length} (min ${Math.min(...toScreen).toFixed(0)}, max ${Math.max(...toScreen).toFixed(0)})${problems.length ? ` (page errors: ${problems.join('; ')})` : ''}`);
    console.log(`of which event → shown (the explorer's own work): median ${median(eventToScreen).toFixed(0)} ms`);
    console.log(`load average: ${load} (2 cores, shared machine)`);
  } finally {
    stream.abort();
    await browser.close();
    await live.stop();
    await server.stop();
    await db.close();
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(notesDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
