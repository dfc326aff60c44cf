import { z } from 'zod';
import { NotegraphError } from './errors.js';

/**
 * Every setting notegraph reads from the environment, validated once. Nothing else reads `process.env`.
 * Each entry: name, default (or optional), one-line doc. `.env.example` mirrors this table.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const configSchema = z.object({
  /** Bolt/neo4j URI of an existing Neo4j 5; when unset, the bundled local Neo4j is started. */
  NEO4J_URI: optionalText.pipe(
    z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must look like bolt://host:7687 or neo4j+s://host')
      .optional(),
  ),
  /** User for NEO4J_URI (the local Neo4j runs without auth). */
  NEO4J_USER: z.string().default('neo4j'),
  /** Password for NEO4J_URI. */
  NEO4J_PASSWORD: optionalText,
  /** Database name; unset means the server's default database. */
  NEO4J_DATABASE: optionalText,
  /** Port the API and explorer listen on (0 picks a free one). */
  PORT: port(8080),
  /** Interface the server binds to; loopback unless you mean to expose it. */
  HOST: z.string().default('127.0.0.1'),
  /** Folder of notes ingested by `npm run ingest` and on first `npm start`. */
  NOTES_DIR: z.string().default('./notes'),
  /** Data directory of the local Neo4j. */
  LOCAL_NEO4J_DATA: z.string().default('.data/neo4j'),
  /** Bolt port of the local Neo4j (0 picks a free one). */
  LOCAL_NEO4J_PORT: port(7687),
  /** JVM heap of the local Neo4j in MB (2-core machine: keep ≤ 1024). */
  LOCAL_NEO4J_HEAP_MB: z.coerce.number().int().min(256).max(32768).default(1024),
  /** Page cache of the local Neo4j in MB. */
  LOCAL_NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).max(32768).default(256),
  /** Largest note file ingested, in MB; larger files are reported and skipped. */
  INGEST_MAX_FILE_MB: z.coerce.number().positive().default(20),
  /** Timeout of a user Cypher query in ms. */
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** Row cap of a user Cypher query. */
  CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1000),
  /**
   * Token that allows curation (editing the graph from the explorer) when HOST is not loopback; sent as
   * `Authorization: Bearer …`. Without it a non-loopback server is read-only.
   */
  NOTEGRAPH_EDIT_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** Watch the notes folder while serving and re-ingest saved notes (`off` to disable). */
  NOTES_WATCH: z.enum(['on', 'off']).default('on'),
  /** Byte budget of a user Cypher result (rows and graph elements as JSON); past it the answer is `capped`. */
  CYPHER_MAX_RESULT_BYTES: z.coerce.number().int().min(1024).max(256 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Longest user Cypher query, in characters. */
  CYPHER_MAX_QUERY_LENGTH: z.coerce.number().int().min(100).max(100_000).default(20_000),
  /** Deepest bracket nesting in a user Cypher query (Neo4j's parser hangs on thousands). */
  CYPHER_MAX_NESTING: z.coerce.number().int().min(8).max(200).default(100),
  /** Console queries one client (remote address) may run at once; more answer 429. */
  CYPHER_MAX_PER_CLIENT: z.coerce.number().int().min(1).max(100).default(4),
  /** Console queries all clients may run at once (bounded by the console's own connection pool); more answer 503. */
  CYPHER_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100).default(8),
  /**
   * Host names the server answers to (comma-separated; a Host header naming anything else gets 403, which stops
   * DNS rebinding). Loopback names by default; add the name you serve under when HOST is not loopback.
   */
  ALLOWED_HOSTS: z
    .string()
    .default('localhost,127.0.0.1,[::1]')
    .transform((value) => value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean)),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

/** Parses an environment-like record; throws CONFIG_INVALID naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new NotegraphError('CONFIG_INVALID', `invalid configuration:\n  ${problems.join('\n  ')}`);
}

let loaded: Config | undefined;

/** The process configuration, read from the environment on first use and cached. */
export function loadConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
