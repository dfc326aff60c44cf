/**
 * `npm start`: the composition root. Starts the local Neo4j unless NEO4J_URI is set (and restarts it if it
 * exits unexpectedly), applies the schema, ingests the notes when the graph is empty or stale, builds the client
 * when its build is missing or stale, then serves API and client on one port. SIGINT/SIGTERM stop everything,
 * Neo4j included.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../common/config.js';
import { createLogger, type Logger } from '../common/logger.js';
import { isGraphStale, runIngest } from '../ingest/run-ingest.js';
import { Database } from '../queries/database.js';
import { readOverview } from '../queries/overview.js';
import { applySchema } from '../queries/schema.js';
import { localNeo4jStarter } from '../tools/neo4j/local-neo4j.js';
import { Neo4jSupervisor } from '../tools/neo4j/supervise-neo4j.js';
import { buildClient, clientBuildIsStale } from './client-build.js';
import { createLiveServices, resolveNotesDir, type LiveServices } from './live-services.js';
import { createApp, startServer, type RunningServer } from './server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(root, 'dist', 'client');

interface Stack {
  neo4j?: Neo4jSupervisor;
  db?: Database;
  server?: RunningServer;
  live?: LiveServices;
}

/** The bundled Neo4j, restarted on the port it first got when it exits unexpectedly. */
async function startSupervisedNeo4j(config: Config, logger: Logger, stack: Stack, giveUp: () => void): Promise<string> {
  const supervisor = new Neo4jSupervisor({
    start: localNeo4jStarter(config, { root, log: (line) => logger.info(line) }),
    log: { info: (line) => logger.info(line), warn: (line) => logger.warn(line), error: (line) => logger.fatal(line) },
    // Requests fail fast with 503 from the moment Neo4j is gone, instead of each waiting on driver retries.
    onDown: () => stack.db?.markUnreachable(),
    // A restarted Neo4j has cold caches: warm it before the next explorer asks (this also clears markUnreachable).
    onUp: () => void (stack.db && warmUp(stack.db, logger).catch((error: unknown) => logger.warn({ err: error }, 'warm-up after restart failed'))),
    onGiveUp: giveUp,
  });
  stack.neo4j = supervisor;
  const neo4j = await supervisor.start();
  logger.info(`local Neo4j ready at ${neo4j.uri} (pid ${neo4j.pid})`);
  return neo4j.uri;
}

async function connect(config: Config, logger: Logger, stack: Stack, giveUp: () => void): Promise<Database> {
  const uri = config.NEO4J_URI ?? (await startSupervisedNeo4j(config, logger, stack, giveUp));
  return new Database({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE });
}

async function ingestIfStale(db: Database, notesDir: string, config: Config, logger: Logger): Promise<void> {
  if (!(await isGraphStale(db, notesDir))) {
    logger.info('graph is up to date with the notes folder');
    return;
  }
  logger.info(`ingesting ${notesDir}…`);
  const { summary } = await runIngest({ notesDir, db, maxFileBytes: config.INGEST_MAX_FILE_MB * 1024 * 1024 });
  logger.info(
    { files: summary.files, notes: summary.notes, concepts: summary.concepts, diagnostics: summary.diagnostics.length },
    `ingested in ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  );
}

/** Runs the overview once so the first page view does not pay for query planning and a cold page cache. */
async function warmUp(db: Database, logger: Logger): Promise<void> {
  const startedAt = Date.now();
  await readOverview(db, { limit: 300 });
  logger.info(`overview query warmed in ${Date.now() - startedAt} ms`);
}

async function stopAll(stack: Stack, logger: Logger): Promise<void> {
  await stack.live?.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping the notes watcher failed'));
  await stack.server?.stop().catch((error: unknown) => logger.error({ err: error }, 'server stop failed'));
  await stack.db?.close().catch((error: unknown) => logger.error({ err: error }, 'driver close failed'));
  await stack.neo4j?.stop();
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const stack: Stack = {};
  let stopping = false;
  const shutdown = (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${reason}: stopping`);
    void stopAll(stack, logger).then(() => process.exit(exitCode));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // npm forwards SIGINT/SIGTERM to us (the start script execs node), but a SIGKILL to npm cannot be forwarded.
  // Being re-parented means whoever started us is gone, so stop too (and Neo4j with us).
  const parentAtStart = process.ppid;
  setInterval(() => process.ppid !== parentAtStart && shutdown('parent exited'), 1000).unref();

  try {
    const startedAt = Date.now();
    const notesDir = resolveNotesDir(process.argv.slice(2), config.NOTES_DIR, root);
    stack.db = await connect(config, logger, stack, () => shutdown('local Neo4j gave up', 1));
    await applySchema(stack.db);
    await ingestIfStale(stack.db, notesDir, config, logger);
    await warmUp(stack.db, logger);
    if (clientBuildIsStale(root, clientDir)) {
      logger.info('building the client…');
      await buildClient(root);
    }
    stack.live = createLiveServices({ db: stack.db, notesDir, config, logger });
    const app = createApp({ db: stack.db, logger, clientDir, config, curation: stack.live.routes });
    stack.server = await startServer(app, { host: config.HOST, port: config.PORT });
    await stack.live.start();
    logger.info(`notegraph ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    // The one line scripts (and people) look for.
    console.log(`notegraph explorer: ${stack.server.url}`);
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
    await stopAll(stack, logger);
    process.exit(1);
  }
}

void main();
