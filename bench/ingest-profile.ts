/**
 * `npx tsx bench/ingest-profile.ts`: ingests the bundled notes into a freshly started local Neo4j and prints
 * every Cypher statement the ingest ran (first line, rows sent, ms), grouped in order. Prints; asserts nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runIngest } from '../ingest/run-ingest.js';
import { Database } from '../queries/database.js';
import { startLocalNeo4j } from '../tools/neo4j/local-neo4j.js';

interface Timed { query: string; rows: number; ms: number; }
const log: Timed[] = [];
const label = (query: string) => query.replace(/\s+/g, ' ').trim().slice(0, 90);
const rowsOf = (params: unknown) => {
  const value = (params as Record<string, unknown> | undefined) ?? {};
  const list = value.rows ?? value.ids;
  return Array.isArray(list) ? list.length : 0;
};

function instrument(db: Database): void {
  const wrapTx = (tx: { run: (q: string, p?: unknown) => Promise<unknown> }) => {
    const run = tx.run.bind(tx);
    return new Proxy(tx, {
      get(target, key, receiver) {
        if (key !== 'run') return Reflect.get(target, key, receiver);
        return async (query: string, params?: unknown) => {
          const started = performance.now();
          const result = await run(query, params);
          log.push({ query: label(query), rows: rowsOf(params), ms: performance.now() - started });
          return result;
        };
      },
    });
  };
  const write = db.write.bind(db);
  const read = db.read.bind(db);
  const auto = db.runAutoCommit.bind(db);
  db.write = ((work: (tx: never) => Promise<unknown>) => write((tx) => work(wrapTx(tx as never) as never))) as typeof db.write;
  db.read = ((work: (tx: never) => Promise<unknown>, options?: { timeoutMs?: number }) => read((tx) => work(wrapTx(tx as never) as never), options)) as typeof db.read;
  db.runAutoCommit = (async (query: string, params?: Record<string, unknown>) => {
    const started = performance.now();
    const result = await auto(query, params);
    log.push({ query: label(query), rows: rowsOf(params), ms: performance.now() - started });
    return result;
  }) as typeof db.runAutoCommit;
}

function report(title: string, total: number): void {
  const grouped = new Map<string, { statements: number; rows: number; ms: number }>();
  for (const entry of log) {
    const group = grouped.get(entry.query) ?? { statements: 0, rows: 0, ms: 0 };
    group.statements += 1;
    group.rows += entry.rows;
    group.ms += entry.ms;
    grouped.set(entry.query, group);
  }
  console.log(`\n${title}: ${(total / 1000).toFixed(2)} s total, ${log.length} statements, ${log.reduce((sum, entry) => sum + entry.ms, 0).toFixed(0)} ms in Cypher`);
  for (const [query, group] of grouped) console.log(`${group.ms.toFixed(0).padStart(7)} ms ${String(group.statements).padStart(4)}× ${String(group.rows).padStart(6)} rows  ${query}`);
  log.length = 0;
}

/** CPU seconds (user + system) used so far by the Neo4j JVM whose command line names `dataDir` (Linux /proc). */
function neo4jCpuSeconds(dataDir: string): number {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('java')) continue;
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process may have exited between listing and reading
    }
  }
  return Number.NaN;
}

const notesDir = path.resolve(process.argv[2] ?? 'notes');
const dataDir = mkdtempSync(path.join(tmpdir(), 'notegraph-profile-neo4j-'));
const neo4j = await startLocalNeo4j({ dataDir, port: 0, heapMb: 1024, pageCacheMb: 512 });
const db = new Database({ uri: neo4j.uri });
instrument(db);
try {
  for (const [title, reset] of [['fresh database', false], ['again, unchanged', false], ['again with --reset', true]] as const) {
    const started = performance.now();
    const cpuBefore = neo4jCpuSeconds(dataDir);
    const nodeBefore = process.cpuUsage();
    const { summary } = await runIngest({ notesDir, db, reset });
    report(title, performance.now() - started);
    const nodeCpu = process.cpuUsage(nodeBefore);
    console.log(`CPU: Neo4j ${(neo4jCpuSeconds(dataDir) - cpuBefore).toFixed(2)} s, this process ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(2)} s; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
    const { extractMs, schemaMs, stateMs, write } = summary.timings;
    console.log(`extract ${extractMs} ms, schema ${schemaMs} ms, state ${stateMs} ms (overlapping extraction), write mode ${write?.mode}: ${write?.stages.map((s) => `${s.stage} ${s.statements}× ${s.rows} rows ${s.ms} ms`).join('; ')}`);
  }
} finally {
  await db.close();
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
