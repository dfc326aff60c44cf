import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';

/** Load generation and statistics for bench/api-bench.ts. */

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

export interface LoadOptions {
  url: string;
  /** Paths cycled through, one per request. */
  paths: string[];
  connections: number;
  durationSec?: number;
  amount?: number;
}

const autocannonPath = createRequire(import.meta.url).resolve('autocannon');

// autocannon runs in a child process: on the server's own event loop it would compete with the server it
// measures, and inside a worker thread it returns raw histograms instead of figures.
const childSource = `
const workerData = JSON.parse(process.argv[1]);
const autocannon = require(workerData.autocannonPath);
let next = 0;
const paths = workerData.paths;
autocannon({
  url: workerData.url,
  connections: workerData.connections,
  ...(workerData.amount ? { amount: workerData.amount } : { duration: workerData.durationSec }),
  timeout: 30,
  requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
}, (error, result) => {
  if (error) { process.stdout.write(JSON.stringify({ error: String(error) })); return; }
  process.stdout.write(JSON.stringify({ result: {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  } }));
});
`;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', childSource, JSON.stringify({ ...options, autocannonPath })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => {
      try {
        const message = JSON.parse(output) as { error?: string; result?: LoadResult };
        if (message.result) resolve(message.result);
        else reject(new Error(message.error ?? 'autocannon failed'));
      } catch (error) {
        reject(new Error(`autocannon gave no result: ${output.slice(0, 500)}`, { cause: error }));
      }
    });
  });
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * The same work without HTTP: `connections` concurrent loops calling `work` (the queries/ functions the route
 * calls, through the driver) for the duration, with per-call latency.
 */
export async function runBare(work: (index: number) => Promise<unknown>, connections: number, durationSec: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const endAt = performance.now() + durationSec * 1000;
  let errors = 0;
  let next = 0;
  const loop = async () => {
    while (performance.now() < endAt) {
      const started = performance.now();
      try {
        await work(next++);
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsedSec = (performance.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSec: latencies.length / elapsedSec,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    total: latencies.length,
    errors,
    non2xx: 0,
    timeouts: 0,
  };
}
