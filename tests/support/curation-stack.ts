/**
 * A real notegraph for curation and live-notes tests: a temporary copy of a fixture notes folder (the repo's
 * folders are never written), ingested from scratch into the run's Neo4j, served in-process with curation and
 * (optionally) the folder watcher. Each test file owns the whole graph while it runs (files run one at a time).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../common/config.js';
import { createLogger } from '../../common/logger.js';
import { runIngest } from '../../ingest/run-ingest.js';
import type { Database } from '../../queries/database.js';
import { createLiveServices, type LiveServices } from '../../server/live-services.js';
import { createApp, startServer, type RunningServer } from '../../server/server.js';
import { clientDir, repoRoot } from './browser.js';

export const curationFixture = path.join(repoRoot, 'tests', 'fixtures', 'curation-notes');

export interface CurationStack {
  notesDir: string;
  server: RunningServer;
  live: LiveServices;
  /**
   * POST /api<path> as the explorer page would send it (same origin, JSON); `headers` override those, and a
   * header given as '' is not sent. Sent with node:http, so even `Host` can be set as a hostile page would.
   */
  post(apiPath: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Text of a file in the notes folder, or undefined when it does not exist. */
  readNotesFile(name: string): Promise<string | undefined>;
  /** The two decision files' texts (undefined: no such file). */
  decisionFiles(): Promise<DecisionFiles>;
  /** Puts the decision files back as they were and re-ingests from scratch, when a test left a decision behind. */
  restoreDecisionFiles(baseline: DecisionFiles): Promise<void>;
  /** Empties the graph and ingests the notes folder from scratch (what a fresh clone would get). */
  reingestFromScratch(): Promise<void>;
  close(): Promise<void>;
}

export interface DecisionFiles {
  lexicon?: string;
  relations?: string;
}

export interface CurationStackOptions {
  db: Database;
  watch?: boolean;
  host?: string;
  token?: string;
  /** Serve the built client too (browser tests). */
  client?: boolean;
}

export async function startCurationStack(options: CurationStackOptions): Promise<CurationStack> {
  const { db } = options;
  const notesDir = await mkdtemp(path.join(tmpdir(), 'notegraph-curation-'));
  await cp(curationFixture, notesDir, { recursive: true });
  const ingest = () => runIngest({ notesDir, db }).then(() => undefined);
  // From scratch: an empty database (no generation, no digest), as a fresh clone of the notes would get.
  const reingestFromScratch = async () => {
    await db.runAutoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS');
    await ingest();
  };
  await reingestFromScratch();
  const logger = createLogger('warn', 'curation-test');
  const config = parseConfig({ HOST: options.host ?? '127.0.0.1', NOTEGRAPH_EDIT_TOKEN: options.token, NOTES_WATCH: options.watch ? 'on' : 'off' });
  const live = createLiveServices({ db, notesDir, config, logger, debounceMs: 50 });
  const app = createApp({ db, logger, clientDir: options.client ? clientDir : undefined, curation: live.routes });
  // The app always listens on loopback in tests; `host` only decides what the edit guard believes.
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  await live.start();
  await live.refresher.idle();
  const readNotesFile = (name: string) => readFile(path.join(notesDir, name), 'utf8').catch(() => undefined);
  const decisionFiles = async (): Promise<DecisionFiles> => ({ lexicon: await readNotesFile('notegraph-lexicon.yaml'), relations: await readNotesFile('notegraph-relations.yaml') });
  return {
    notesDir,
    decisionFiles,
    restoreDecisionFiles: async (baseline) => {
      const now = await decisionFiles();
      if (now.lexicon === baseline.lexicon && now.relations === baseline.relations) return;
      await writeFile(path.join(notesDir, 'notegraph-lexicon.yaml'), baseline.lexicon ?? '');
      await rm(path.join(notesDir, 'notegraph-relations.yaml'), { force: true });
      await live.refresher.idle();
      await reingestFromScratch();
    },
    server,
    live,
    post: (apiPath, body, headers = {}) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const all = { 'content-type': 'application/json', origin: server.url, 'sec-fetch-site': 'same-origin', host: new URL(server.url).host, ...headers };
      const sent = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== ''));
      return new Promise((resolve, reject) => {
        const request = httpRequest(`${server.url}/api${apiPath}`, { method: 'POST', headers: { ...sent, 'content-length': Buffer.byteLength(text) } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            let parsed: Record<string, unknown> = {};
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
            } catch {
              parsed = {};
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
        });
        request.on('error', reject);
        request.end(text);
      });
    },
    readNotesFile,
    reingestFromScratch,
    close: async () => {
      await live.stop();
      await server.stop();
      await rm(notesDir, { recursive: true, force: true });
    },
  };
}
