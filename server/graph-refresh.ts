import type { ConceptChanges } from '../common/curation-contract.js';
import type { Logger } from '../common/logger.js';
import type { LiveEvents } from './live-events.js';
import type { SerialQueue } from './serial-queue.js';

/**
 * Re-derives the graph from the notes folder in the background: after note files change (the watcher) and after
 * curation (whose immediate edit leaves rank, communities and co-occurrence scores approximate). Requests within
 * `debounceMs` of each other become one re-ingest; re-ingests run in the server's one queue, after any curation
 * command already waiting. When one finishes, open explorers are told what changed.
 */
export type RefreshReason = 'notes' | 'curation';

/**
 * What a re-ingest did: which concepts came and went, and, when it wrote the changed notes first, the step that
 * brings concept properties and edges in line (it resolves to whether it wrote; see queries/ingest-patch.ts).
 */
export interface Reingested {
  concepts?: ConceptChanges;
  finish?: () => Promise<boolean>;
}

export interface GraphRefresherOptions {
  queue: SerialQueue;
  /** Re-ingests the notes folder (incremental: unchanged notes are not rewritten). */
  reingest: () => Promise<Reingested>;
  events: LiveEvents;
  logger: Logger;
  debounceMs?: number;
}

const retryPauseMs = 500;
/**
 * Long enough to fold a burst (a checkout, a sync tool, an editor writing a file in several calls: chokidar
 * reports the first change of a file at once and drops its repeats for 50 ms); short beside a re-ingest.
 */
const defaultDebounceMs = 50;

export class GraphRefresher {
  private readonly files = new Set<string>();
  private readonly reasons = new Set<RefreshReason>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly options: GraphRefresherOptions) {}

  /** Asks for a re-ingest soon; `files` are the note files (relative paths) that changed, if any. */
  request(reason: RefreshReason, files: readonly string[] = []): void {
    if (this.stopped) return;
    this.reasons.add(reason);
    for (const file of files) this.files.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.debounceMs ?? defaultDebounceMs);
  }

  /** Resolves once no re-ingest is waiting or running (tests and benchmarks wait on it). */
  idle(): Promise<void> {
    if (this.timer === undefined && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops taking requests and waits for a running re-ingest to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /**
   * One retry after a pause: a re-ingest fails most often because another ingest (the CLI, into this server's
   * store) made its generation live at the same moment; the next attempt reads the graph that ingest left.
   */
  private async reingestWithRetry(): Promise<Reingested> {
    try {
      return await this.options.reingest();
    } catch (error) {
      if (this.stopped) throw error;
      this.options.logger.warn({ err: error }, 're-ingest failed; trying once more');
      await new Promise((resolve) => setTimeout(resolve, retryPauseMs));
      return this.options.reingest();
    }
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const files = [...this.files].sort();
    const reasons = new Set(this.reasons);
    this.files.clear();
    this.reasons.clear();
    this.inFlight += 1;
    const startedAt = performance.now();
    try {
      const { concepts, finish } = await this.options.queue.run(() => this.reingestWithRetry());
      this.options.logger.info({ files, ms: Math.round(performance.now() - startedAt) }, 're-ingested the notes folder');
      // Explorers are told as soon as the notes are written; rank, communities and edges follow (a quiet 'graph').
      if (files.length > 0) this.options.events.publish({ type: 'notes', files, ...(concepts ? { concepts } : {}), ...(finish ? { derivedToFollow: true } : {}) });
      const derived = finish ? await this.options.queue.run(finish) : false;
      if (finish) this.options.logger.debug({ files, wrote: derived, ms: Math.round(performance.now() - startedAt) }, 'rank, communities and concept edges written');
      if (reasons.has('curation')) this.options.events.publish({ type: 'graph', reason: 'curation' });
      else if (derived) this.options.events.publish({ type: 'graph', reason: 'notes', ...(concepts ? { concepts } : {}) });
    } catch (error) {
      this.options.logger.error({ err: error, files }, 're-ingest failed');
      this.options.events.publish({ type: 'refresh-failed', message: 'Re-reading the notes failed; the graph shows the state before. See the server log.' });
    } finally {
      this.inFlight -= 1;
      if (this.timer === undefined && this.inFlight === 0) {
        for (const resolve of this.waiters.splice(0)) resolve();
      }
    }
  }
}
