import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig } from '../common/config.js';
import { isNotegraphError } from '../common/errors.js';
import { Database } from '../queries/database.js';
import { localNeo4jStarter, type LocalNeo4j } from '../tools/neo4j/local-neo4j.js';
import { readStoreOwner } from '../tools/neo4j/store-owner.js';
import { formatAudit } from './redact/index.js';
import { formatSummary, toJsonExport } from './report.js';
import { runIngest, type IngestOptions } from './run-ingest.js';

/**
 * `npm run ingest -- [dir] [--dry-run] [--json FILE] [--reset] [--no-lexicon] [--redactions]`. Without NEO4J_URI the
 * bundled local Neo4j is started for the run and stopped afterwards, unless a running notegraph already holds its
 * store: then the ingest goes through that Neo4j (the running explorer sees the new graph at once). Exits non-zero
 * only when nothing could be ingested. `--redactions` prints the redaction audit (file:line, kind, length; never a value).
 */
interface CliArgs {
  dir?: string;
  dryRun: boolean;
  reset: boolean;
  /** False with --no-lexicon: concepts come from discovery (and the notes folder's own lexicon) only. */
  lexicon: boolean;
  json?: string;
  redactions: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { dryRun: false, reset: false, lexicon: true, redactions: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--reset') args.reset = true;
    else if (arg === '--no-lexicon') args.lexicon = false;
    else if (arg === '--redactions') args.redactions = true;
    else if (arg === '--json') args.json = argv[++i];
    else if (arg.startsWith('--json=')) args.json = arg.slice('--json='.length);
    else if (!arg.startsWith('--')) args.dir = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  return args;
}

function progressReporter(): { onProgress: NonNullable<IngestOptions['onProgress']>; stop: () => void } {
  if (!process.stderr.isTTY) {
    return { onProgress: (event) => console.error(`[${event.done}/${event.total}] ${event.file}`), stop: () => {} };
  }
  const bar = new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    onProgress: (event) => {
      if (!started) bar.start(event.total, 0, { file: '' });
      started = true;
      bar.update(event.done, { file: event.file });
    },
    stop: () => started && bar.stop(),
  };
}

async function connect(dryRun: boolean): Promise<{ db?: Database; local?: LocalNeo4j }> {
  if (dryRun) return {};
  const config = loadConfig();
  if (config.NEO4J_URI) {
    return { db: new Database({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE }) };
  }
  // Only one process may open the store: if notegraph is running on it, use its Neo4j instead of a second one.
  const owner = readStoreOwner(path.resolve(config.LOCAL_NEO4J_DATA));
  if (owner) {
    console.error(`the local store is in use by notegraph (pid ${owner.pid}): ingesting through its Neo4j at ${owner.uri}`);
    return { db: new Database({ uri: owner.uri }) };
  }
  const local = await localNeo4jStarter(config, { root: process.cwd(), log: (line) => console.error(line) })();
  return { db: new Database({ uri: local.uri }), local };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const notesDir = path.resolve(args.dir ?? config.NOTES_DIR);
  const { db, local } = await connect(args.dryRun);
  const progress = progressReporter();
  try {
    const { summary, graph } = await runIngest({
      notesDir,
      db,
      dryRun: args.dryRun,
      reset: args.reset,
      lexicon: args.lexicon,
      maxFileBytes: config.INGEST_MAX_FILE_MB * 1024 * 1024,
      onProgress: progress.onProgress,
    });
    progress.stop();
    if (args.json) await writeFile(args.json, JSON.stringify(toJsonExport(graph), null, 2));
    console.log(formatSummary(summary, { dryRun: args.dryRun || !db }));
    if (args.redactions) console.log(formatAudit(summary.redactions));
    return summary.notes === 0 ? 1 : 0;
  } finally {
    progress.stop();
    await db?.close();
    await local?.stop();
  }
}

/**
 * One line on stderr. Our own errors say what to do; anything else is named by its class and code only, since a
 * foreign message (a parser's, the database's) can quote the text or values it was working on.
 */
function describeFailure(error: unknown): string {
  if (isNotegraphError(error)) return `${error.message} (${error.code})`;
  if (!(error instanceof Error)) return 'unexpected failure';
  const code = (error as { code?: unknown }).code;
  return `unexpected ${error.name}${typeof code === 'string' ? ` ${code}` : ''}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ingest failed: ${describeFailure(error)}`);
    process.exit(1);
  },
);
