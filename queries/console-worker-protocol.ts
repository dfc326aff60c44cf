import type { ErrorCode } from '../common/errors.js';
import type { ConsoleJob } from './console-run.js';

/** Messages between the main thread (console-worker.ts) and the console worker (console-worker-main.ts). */
export interface WorkerSettings {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** Driver pool of the console: the most console queries that can hold a Neo4j connection at once. */
  poolSize: number;
}

export type ToWorker = { type: 'run'; id: number; job: ConsoleJob } | { type: 'cancel'; id: number };

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  /** For the server log only: the driver's code and message. */
  internal?: string;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; body: Uint8Array }
  | { type: 'error'; id: number; error: SerializedError };
