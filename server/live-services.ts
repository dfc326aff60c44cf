import { existsSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Config } from '../common/config.js';
import { NotegraphError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { lexiconFileName, relationsFileName } from '../ingest/curation/decisions.js';
import { runIngest } from '../ingest/run-ingest.js';
import { StageCache } from '../ingest/stage-cache.js';
import { readConceptIds } from '../queries/curation.js';
import type { Database } from '../queries/database.js';
import { CurationService } from './curation/curation-service.js';
import { DecisionStore } from './curation/decision-store.js';
import { editAccessFor } from './curation/edit-access.js';
import { GraphRefresher } from './graph-refresh.js';
import { LiveEvents } from './live-events.js';
import { NotesWatcher } from './notes-watcher.js';
import type { CurationRoutesDeps } from './routes/curation.js';
import { SerialQueue } from './serial-queue.js';

/**
 * Curation and live notes for one server, wired once: one queue shared by curation commands and re-ingests, the
 * decision files of the notes folder, the background re-ingest, the event stream and the folder watcher.
 * `npm start` builds this in server/main.ts; tests build it around their own temporary notes folder.
 */
export interface LiveServicesOptions {
  db: Database;
  notesDir: string;
  config: Pick<Config, 'HOST' | 'NOTEGRAPH_EDIT_TOKEN' | 'NOTES_WATCH' | 'INGEST_MAX_FILE_MB'>;
  logger: Logger;
  /** Debounce of background re-ingests in ms. */
  debounceMs?: number;
}

export interface LiveServices {
  /** Give to createApp({ curation }). */
  routes: CurationRoutesDeps;
  refresher: GraphRefresher;
  /** Starts watching the notes folder (when NOTES_WATCH is on); resolves once the watcher is ready. */
  start(): Promise<void>;
  /** Stops watching, waits for a running re-ingest and ends the event streams. Call before the server stops. */
  stop(): Promise<void>;
}

export function createLiveServices(options: LiveServicesOptions): LiveServices {
  const { db, notesDir, config, logger } = options;
  const queue = new SerialQueue();
  const events = new LiveEvents();
  const store = new DecisionStore(notesDir);
  const maxFileBytes = config.INGEST_MAX_FILE_MB * 1024 * 1024;
  // The concept ids the graph held after the last re-ingest (read once from the database before the first).
  let known: Set<string> | null = null;
  // The first re-ingest applies the schema (idempotent); later ones on every save need not.
  let schemaApplied = false;
  // Extraction's per-file and per-note results between re-ingests: a save re-does only the changed file's share.
  const cache = new StageCache();
  const refresher = new GraphRefresher({
    queue,
    events,
    logger,
    debounceMs: options.debounceMs,
    reingest: async () => {
      const before = known ?? new Set(await readConceptIds(db));
      const { summary, graph, finish } = await runIngest({ notesDir, db, maxFileBytes, schema: !schemaApplied, patch: true, defer: true, cache });
      schemaApplied = true;
      logger.debug({ timings: summary.timings }, 're-ingest timings');
      const now = new Set(graph.concepts.map((concept) => concept.id));
      known = now;
      return { concepts: { updated: [...now].filter((id) => !before.has(id)).sort(), removed: [...before].filter((id) => !now.has(id)).sort() }, finish };
    },
  });
  const watcher =
    config.NOTES_WATCH === 'on'
      ? new NotesWatcher({ notesDir, logger, onChange: (file) => refresher.request('notes', [file]), isOwnWrite: (file, text) => store.isOwnWrite(file, text) })
      : undefined;
  let watching = false;
  const access = editAccessFor(config.HOST, config.NOTEGRAPH_EDIT_TOKEN);
  const service = new CurationService({ db, store, queue, access, refresher, events, watching: () => watching });
  return {
    routes: { service, events, access },
    refresher,
    start: async () => {
      // The decision files may have been edited while no server ran (npm start re-ingests only when note files
      // changed): one background re-ingest brings the graph in line, and warms extraction for the first save.
      const decided = await Promise.all([lexiconFileName, relationsFileName].map((name) => stat(path.join(notesDir, name)).then(() => true, () => false)));
      if (decided.some(Boolean)) refresher.request('curation');
      // Otherwise the extraction cache is filled in the background (a dry run, nothing written), so the first save
      // is as quick as the next ones.
      else void queue.run(() => runIngest({ notesDir, dryRun: true, maxFileBytes, cache })).catch((error: unknown) => logger.warn({ err: error }, 'warming the extraction cache failed'));
      if (!watcher) return;
      await watcher.start();
      watching = true;
      logger.info(`watching ${notesDir} for changed notes`);
    },
    stop: async () => {
      watching = false;
      await watcher?.stop();
      await refresher.stop();
      await queue.drain();
      events.close();
    },
  };
}

/**
 * The notes folder of `npm start`: a positional argument (`npm start -- ~/my-notes`) wins over NOTES_DIR, which
 * is read relative to the repository. A leading `~/` is the home folder even when the shell left it alone.
 */
export function resolveNotesDir(argv: readonly string[], configured: string, root: string): string {
  const positional = argv.find((arg) => !arg.startsWith('-'));
  const expand = (folder: string) => (folder === '~' || folder.startsWith('~/') ? path.join(homedir(), folder.slice(1)) : folder);
  const folder = positional !== undefined ? path.resolve(expand(positional)) : path.resolve(root, expand(configured));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new NotegraphError('CONFIG_INVALID', `the notes folder ${folder} does not exist (give a folder: npm start -- ~/my-notes, or set NOTES_DIR)`);
  }
  return folder;
}
