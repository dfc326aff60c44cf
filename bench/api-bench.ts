/**
 * `npm run bench:api [-- --duration 5]`: the API under load on loopback against the bundled notes.
 * Starts its own local Neo4j in a temp folder (unless NEO4J_URI is set, then that graph is used as it is),
 * ingests ./notes, serves the API on 127.0.0.1:0, and measures /graph, /concepts/:id, /concepts/:id/neighbors
 * and /search at 1, 10 and 50 connections with autocannon, then the same work called bare through the driver,
 * and finally a mixed 10,000-request run at 100 connections. Prints figures; asserts nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../common/config.js';
import { runIngest } from '../ingest/run-ingest.js';
import { readConceptDetail } from '../queries/concepts.js';
import { Database } from '../queries/database.js';
import { readNeighbors } from '../queries/neighbors.js';
import { readOverview } from '../queries/overview.js';
import { applySchema } from '../queries/schema.js';
import { createApp, startServer } from '../server/server.js';
import { searchGraph } from '../server/use-cases/search.js';
import { startLocalNeo4j, type LocalNeo4j } from '../tools/neo4j/local-neo4j.js';
import { type LoadResult, runBare, runLoad } from './api-bench-support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const durationArg = process.argv.indexOf('--duration');
const durationSec = durationArg > 0 ? Number(process.argv[durationArg + 1]) : 5;
const connectionLevels = [1, 10, 50];

interface Endpoint {
  name: string;
  paths: string[];
  bare: (index: number) => Promise<unknown>;
}

async function openDatabase(): Promise<{ db: Database; neo4j?: LocalNeo4j; dataDir?: string }> {
  const config = loadConfig();
  if (config.NEO4J_URI) {
    return { db: new Database({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE }) };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'notegraph-api-bench-'));
  const neo4j = await startLocalNeo4j({ dataDir, port: 0, heapMb: 1024, pageCacheMb: 256, log: (line) => console.log(line) });
  const db = new Database({ uri: neo4j.uri });
  await applySchema(db);
  console.log('ingesting ./notes…');
  const { summary } = await runIngest({ notesDir: path.join(root, 'notes'), db });
  console.log(`ingested ${summary.files} files, ${summary.notes} notes, ${summary.concepts} concepts in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
  return { db, neo4j, dataDir };
}

async function pickTargets(db: Database): Promise<{ conceptIds: string[]; terms: string[] }> {
  return db.read(async (tx) => {
    // The 20 highest-ranked concepts: the hubs, the heaviest detail and neighbour queries.
    const top = await tx.run('MATCH (c:Concept) RETURN c.id AS id, c.name AS name ORDER BY c.rank DESC LIMIT 20');
    const conceptIds = top.records.map((record) => String(record.get('id')));
    const names = top.records.map((record) => String(record.get('name')));
    // Search: whole names, autocomplete prefixes and a few Chinese terms from the corpus.
    const terms = [...names.slice(0, 8), ...names.slice(0, 6).map((name) => name.slice(0, 3)), '集群', '网络', '配置', '虚拟机'];
    return { conceptIds, terms };
  });
}

function endpoints(db: Database, conceptIds: string[], terms: string[]): Endpoint[] {
  const enc = encodeURIComponent;
  const at = <T>(list: T[], index: number): T => list[index % list.length]!;
  return [
    { name: '/graph (300)', paths: ['/api/graph'], bare: () => readOverview(db, { limit: 300, minWeight: 0 }) },
    {
      name: '/concepts/:id',
      paths: conceptIds.map((id) => `/api/concepts/${enc(id)}`),
      bare: (index) => readConceptDetail(db, at(conceptIds, index), { offset: 0, limit: 20 }),
    },
    {
      name: '/concepts/:id/neighbors',
      paths: conceptIds.map((id) => `/api/concepts/${enc(id)}/neighbors`),
      bare: (index) => readNeighbors(db, at(conceptIds, index), { depth: 1, limit: 100 }),
    },
    {
      name: '/search',
      paths: terms.map((term) => `/api/search?q=${enc(term)}`),
      bare: (index) => searchGraph(db, { q: at(terms, index), limit: 20 }),
    },
  ];
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

interface Row {
  endpoint: string;
  connections: number;
  http: LoadResult;
  bare: LoadResult;
}

function printTable(rows: Row[]): void {
  console.log('\n| endpoint | conns | HTTP req/s | HTTP p50 ms | HTTP p99 ms | bare req/s | bare p50 ms | bare p99 ms | overhead p50 | overhead req/s | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const ratio = row.http.p50 / Math.max(row.bare.p50, 0.001);
    const throughputRatio = row.bare.requestsPerSec / Math.max(row.http.requestsPerSec, 0.001);
    const errors = row.http.errors + row.http.non2xx + row.http.timeouts + row.bare.errors;
    console.log(
      `| ${row.endpoint} | ${row.connections} | ${fmt(row.http.requestsPerSec, 0)} | ${fmt(row.http.p50)} | ${fmt(row.http.p99)} | ${fmt(row.bare.requestsPerSec, 0)} | ${fmt(row.bare.p50)} | ${fmt(row.bare.p99)} | ${fmt(ratio, 2)}× | ${fmt(throughputRatio, 2)}× | ${errors} |`,
    );
  }
}

async function main(): Promise<void> {
  const { db, neo4j, dataDir } = await openDatabase();
  // Request logging stays on (as in production) but goes to /dev/null, so the figures include its cost.
  const logger = pino({ level: 'info' }, pino.destination('/dev/null'));
  const server = await startServer(createApp({ db, logger }), { port: 0 });
  try {
    const { conceptIds, terms } = await pickTargets(db);
    // Figures on a shared machine mean little without the load they were taken under.
    console.log(`load average before the runs: ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
    console.log(`server ${server.url}; ${conceptIds.length} concepts and ${terms.length} search terms in rotation; ${durationSec} s per run`);
    const rows: Row[] = [];
    for (const endpoint of endpoints(db, conceptIds, terms)) {
      await runLoad({ url: server.url, paths: endpoint.paths, connections: 10, durationSec: 1 }); // warm-up
      for (const connections of connectionLevels) {
        const http = await runLoad({ url: server.url, paths: endpoint.paths, connections, durationSec });
        const bare = await runBare(endpoint.bare, connections, durationSec);
        rows.push({ endpoint: endpoint.name, connections, http, bare });
        console.log(`${endpoint.name} @${connections}: http p50 ${fmt(http.p50)} p99 ${fmt(http.p99)} ms, bare p50 ${fmt(bare.p50)} p99 ${fmt(bare.p99)} ms`);
      }
    }
    printTable(rows);
    const mixedPaths = endpoints(db, conceptIds, terms).flatMap((endpoint) => endpoint.paths.slice(0, 10));
    const mixed = await runLoad({ url: server.url, paths: mixedPaths, connections: 100, amount: 10_000 });
    console.log(
      `\nmixed run: ${mixed.total} requests at 100 connections, ${fmt(mixed.requestsPerSec, 0)} req/s, p50 ${fmt(mixed.p50)} ms, p99 ${fmt(mixed.p99)} ms; errors ${mixed.errors}, non-2xx ${mixed.non2xx}, timeouts ${mixed.timeouts}`,
    );
    console.log(`load average after the runs: ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
    mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
    writeFileSync(path.join(root, 'bench', 'out', 'api-bench.json'), JSON.stringify({ durationSec, rows, mixed }, null, 2));
  } finally {
    await server.stop();
    await db.close();
    await neo4j?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
