import { Worker } from 'node:worker_threads';
import { NotegraphError } from '../common/errors.js';
import type { ConsoleJob } from './console-run.js';
import type { FromWorker, SerializedError, ToWorker, WorkerSettings } from './console-worker-protocol.js';

/**
 * The main thread's side of the console worker: starts it on first use, sends jobs, cancels them when their
 * request is aborted (deadline or client gone), and replaces the worker when it dies or stops answering. A
 * worker that runs out of its heap (a record too large to decode) takes only console queries with it.
 */
export interface ConsoleWorkerOptions extends WorkerSettings {
  /** Heap of the worker in MB: bounds what a single huge record can cost the server. */
  heapMb: number;
  /** A cancelled job the worker has not let go of after this long means the worker is stuck: it is replaced. */
  stuckAfterMs?: number;
  /** Receives one line per worker failure, for the server log. */
  log?: (message: string, internal?: string) => void;
}

interface Pending {
  job: ConsoleJob;
  signal: AbortSignal;
  resolve(body: Uint8Array): void;
  reject(error: unknown): void;
}

export class ConsoleWorker {
  private worker: Worker | undefined;
  private starting: Promise<Worker> | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly cancelling = new Map<number, NodeJS.Timeout>();
  private nextId = 1;
  /** Where each job was last posted, so an abort can cancel it there. */
  private readonly postedAs = new WeakMap<Pending, { worker: Worker; id: number }>();
  /** Workers terminated on purpose (stuck): the queries they held are sent again. */
  private readonly replaced = new WeakSet<Worker>();

  constructor(private readonly options: ConsoleWorkerOptions) {}

  get active(): number {
    return this.pending.size;
  }

  /** Rejects with the signal's reason as soon as it aborts, also while the worker is still starting. */
  run(job: ConsoleJob, signal: AbortSignal): Promise<Uint8Array> {
    return new Promise<Uint8Array>((resolve, reject) => {
      let settled = false;
      const entry: Pending = {
        job,
        signal,
        resolve: (body) => settled || ((settled = true), signal.removeEventListener('abort', onAbort), resolve(body)),
        reject: (error) => settled || ((settled = true), signal.removeEventListener('abort', onAbort), reject(error)),
      };
      // The request is answered at once, whatever state the job is in (queued, running, or being re-sent to a
      // replacement worker); the worker is then told to let go of it if it holds it.
      const onAbort = () => {
        entry.reject(signal.reason);
        const posted = this.postedAs.get(entry);
        if (posted) this.cancel(posted.worker, posted.id);
      };
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      void this.send(entry);
    });
  }

  /** Sends a job to the current worker (starting one if needed); also used to re-send after a replacement. */
  private async send(entry: Pending): Promise<void> {
    try {
      const worker = await this.start();
      if (entry.signal.aborted) return;
      const id = this.nextId++;
      this.postedAs.set(entry, { worker, id });
      this.pending.set(id, entry);
      worker.postMessage({ type: 'run', id, job: entry.job } satisfies ToWorker);
    } catch (error) {
      entry.reject(error);
    }
  }

  private cancel(worker: Worker, id: number): void {
    if (!this.pending.delete(id)) return;
    worker.postMessage({ type: 'cancel', id } satisfies ToWorker);
    const stuck = setTimeout(() => {
      if (this.replaced.has(worker)) return;
      this.options.log?.('console worker did not stop a cancelled query in time; replacing it');
      this.replaced.add(worker);
      void worker.terminate();
    }, this.options.stuckAfterMs ?? 2_000);
    stuck.unref();
    this.cancelling.set(id, stuck);
  }

  /** Starts the worker ahead of the first query (it loads the grammar and a driver: ~0.3 s idle, seconds under load). */
  warm(): void {
    this.start().catch(() => undefined);
  }

  private start(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= new Promise<Worker>((resolve, reject) => {
      const { heapMb, stuckAfterMs: _stuck, log: _log, ...settings } = this.options;
      const worker = new Worker(new URL('./console-worker-entry.mjs', import.meta.url), {
        workerData: settings,
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
      });
      worker.unref();
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          this.worker = worker;
          this.starting = undefined;
          resolve(worker);
        } else this.settle(message);
      });
      worker.once('error', (error) => this.failAll(worker, error));
      worker.once('exit', () => {
        this.failAll(worker, undefined);
        if (!this.worker) reject(new NotegraphError('DB_ERROR', 'The Cypher console could not start.'));
      });
    });
    return this.starting;
  }

  private settle(message: Exclude<FromWorker, { type: 'ready' }>): void {
    const stuck = this.cancelling.get(message.id);
    if (stuck) {
      clearTimeout(stuck);
      this.cancelling.delete(message.id);
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.body);
    else pending.reject(deserialize(message.error));
  }

  /** The worker died: every query it held fails, and the next one starts a new worker. */
  private failAll(worker: Worker, error: Error | undefined): void {
    if (this.worker === worker) this.worker = undefined;
    this.starting = undefined;
    const outOfMemory = (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (error) this.options.log?.(`console worker stopped: ${outOfMemory ? 'out of memory' : error.message}`);
    for (const timer of this.cancelling.values()) clearTimeout(timer);
    this.cancelling.clear();
    const held = [...this.pending.values()];
    this.pending.clear();
    // Replaced because a cancelled query would not let go: the others are reads, so they are simply sent again.
    if (this.replaced.has(worker)) {
      for (const entry of held) void this.send(entry);
      return;
    }
    const failure = outOfMemory
      ? new NotegraphError('RESULT_TOO_LARGE', 'A value in the result is too large to convert; return less (e.g. LIMIT, or size() instead of the list).', {
          details: { limit: 'console-heap', maxMb: this.options.heapMb },
        })
      : new NotegraphError('DB_ERROR', 'The Cypher console stopped while running the query; try again.');
    for (const entry of held) entry.reject(failure);
  }

  async close(): Promise<void> {
    this.starting = undefined;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

/** The worker's error as a NotegraphError; the driver's own code and message travel as `cause`, for the log. */
function deserialize(error: SerializedError): NotegraphError {
  return new NotegraphError(error.code, error.message, { details: error.details, cause: error.internal ? new Error(error.internal) : undefined });
}
