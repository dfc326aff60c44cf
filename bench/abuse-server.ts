/**
 * The server bench:abuse attacks, in its own process so its RSS is the server's alone: connects to NEO4J_URI,
 * ingests the bundled notes when the graph is empty, and serves the API on 127.0.0.1 (a free port). Prints
 * `listening URL` once ready. Console limits come from argv: --console N (concurrency and pool).
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import { runIngest } from '../ingest/run-ingest.js';
import { Database } from '../queries/database.js';
import { readDatabaseStatus } from '../queries/health.js';
import { applySchema } from '../queries/schema.js';
import { createApp, startServer } from '../server/server.js';

const args = process.argv.slice(2);
const consoleSlots = Number(args[args.indexOf('--console') + 1] ?? 20) || 20;
const config = loadConfig();
const logger = createLogger('error');
const db = new Database({ uri: config.NEO4J_URI!, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, consolePoolSize: consoleSlots });
await applySchema(db);
if ((await readDatabaseStatus(db)).notes === 0) await runIngest({ notesDir: path.resolve('notes'), db, maxFileBytes: 20 * 1024 * 1024 });
const app = createApp({
  db,
  logger,
  requestLogging: false,
  config: { ...config, CYPHER_MAX_CONCURRENT: consoleSlots, CYPHER_MAX_PER_CLIENT: consoleSlots },
});
const server = await startServer(app, { port: 0 });
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
console.log(`listening ${server.url}`);
process.on('SIGTERM', () => {
  lag.disable();
  console.log(`server event-loop delay: p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, max ${(lag.max / 1e6).toFixed(0)} ms`);
  void server.stop().then(() => db.close()).then(() => process.exit(0));
});
