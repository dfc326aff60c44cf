/**
 * `npm run bench:abuse`: 20 clients fire a bounded mix of runaway Cypher at a server on 127.0.0.1 for
 * `--seconds` (default 30) while /api/health and a normal route (/api/search) are measured. Prints figures
 * (p50/p99, errors, timeout overrun, server RSS, bypasses); asserts nothing. Uses NEO4J_URI or starts the
 * bundled Neo4j in a temporary folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../common/config.js';
import { type LocalNeo4j, startLocalNeo4j } from '../tools/neo4j/local-neo4j.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args[args.indexOf(name) + 1] ?? fallback) || fallback;
const seconds = option('--seconds', 30);
const clients = option('--clients', 20);
const timeoutMs = 5000;

const kib = 'x'.repeat(1024);
/** Runaway queries and, last, ones that must be refused (any 200 for those is a bypass). */
const runaways: [name: string, query: string, params?: Record<string, unknown>][] = [
  ['cpu: 2e9 rows', 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS n'],
  ['cartesian', 'MATCH (a), (b), (c) RETURN count(*) AS n'],
  ['range(1, 1e7)', 'RETURN range(1, 10000000) AS xs'],
  ['1000 x 512 KiB rows', 'UNWIND range(1, 1000) AS i RETURN i, reduce(s = $kib, k IN range(1, 9) | s + s) AS big', { kib }],
  ['collect 4e7', 'UNWIND range(1, 40000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n'],
  ['nested CASE x300', `RETURN ${'CASE WHEN 1 = 1 THEN '.repeat(300)}1${' END'.repeat(300)} AS x`],
  ['9000 brackets', `RETURN ${'('.repeat(9000)}1${')'.repeat(9000)} AS x`],
];
const mustRefuse: [string, string][] = [
  ['//\\r LOAD CSV', "WITH 1 AS x //\rLOAD CSV FROM 'http://127.0.0.1:9/x' AS line RETURN line"],
  ['//\\r db.stats', "WITH 1 AS x //\rCALL db.stats.retrieve('QUERIES') YIELD data RETURN data"],
  ['SHOW SETTINGS', 'SHOW SETTINGS'],
  ['TERMINATE', "RETURN 1 AS x //\rTERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
];

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number }> {
  const startedAt = performance.now();
  try {
    const response = await fetch(url, init);
    await response.arrayBuffer();
    return { ms: performance.now() - startedAt, status: response.status };
  } catch {
    return { ms: performance.now() - startedAt, status: 0 };
  }
}

async function probe(url: string, everyMs: number, until: number): Promise<{ ms: number[]; errors: number }> {
  const ms: number[] = [];
  let errors = 0;
  while (Date.now() < until) {
    const result = await timed(url);
    ms.push(result.ms);
    if (result.status !== 200) errors += 1;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return { ms, errors };
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function main(): Promise<void> {
  const config = loadConfig();
  let neo4j: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  if (!config.NEO4J_URI) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'notegraph-abuse-neo4j-'));
    neo4j = await startLocalNeo4j({ dataDir, port: 0, heapMb: 1024, pageCacheMb: 128 });
  }
  const env = { ...process.env, NEO4J_URI: config.NEO4J_URI ?? neo4j!.uri, CYPHER_TIMEOUT_MS: String(timeoutMs) };
  const server = spawn(process.execPath, ['--import', 'tsx', 'bench/abuse-server.ts', '--console', String(clients)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: server.stdout! }).on('line', (line) => (line.startsWith('listening ') ? resolve(line.slice(10)) : console.log(line)));
      server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    console.log(`server ${url} (pid ${server.pid}); ${clients} clients for ${seconds} s; timeout ${timeoutMs} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const idle = await probe(`${url}/api/health`, 50, Date.now() + 3000);
    const until = Date.now() + seconds * 1000;
    let rssPeak = rssMb(server.pid!);
    const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server.pid!))), 200);
    const outcomes = new Map<string, { statuses: Map<number, number>; overrunMs: number }>();
    let bypasses = 0;
    const attacker = async (index: number) => {
      for (let round = index; Date.now() < until; round += 1) {
        const all = [...runaways, ...mustRefuse.map(([name, query]) => [name, query] as [string, string])];
        const [name, query, params] = all[round % all.length]!;
        const result = await timed(`${url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params: params ?? {} }) });
        const entry = outcomes.get(name) ?? { statuses: new Map(), overrunMs: -Infinity };
        entry.statuses.set(result.status, (entry.statuses.get(result.status) ?? 0) + 1);
        entry.overrunMs = Math.max(entry.overrunMs, result.ms - timeoutMs);
        outcomes.set(name, entry);
        if (mustRefuse.some(([refused]) => refused === name) && result.status === 200) bypasses += 1;
      }
    };
    const [health, normal] = await Promise.all([
      probe(`${url}/api/health`, 50, until),
      probe(`${url}/api/search?q=nova`, 100, until),
      ...Array.from({ length: clients }, (_, index) => attacker(index)),
    ]);
    clearInterval(rssTimer);
    console.log(`/api/health idle:  p50 ${percentile(idle.ms, 50).toFixed(1)} ms  p99 ${percentile(idle.ms, 99).toFixed(1)} ms  (${idle.ms.length} requests)`);
    console.log(`/api/health abuse: p50 ${percentile(health.ms, 50).toFixed(1)} ms  p99 ${percentile(health.ms, 99).toFixed(1)} ms  max ${Math.max(...health.ms).toFixed(0)} ms  errors ${health.errors}/${health.ms.length}`);
    console.log(`/api/search abuse: p50 ${percentile(normal.ms, 50).toFixed(1)} ms  p99 ${percentile(normal.ms, 99).toFixed(1)} ms  max ${Math.max(...normal.ms).toFixed(0)} ms  errors ${normal.errors}/${normal.ms.length}`);
    let worstOverrun = -Infinity;
    for (const [name, entry] of outcomes) {
      worstOverrun = Math.max(worstOverrun, entry.overrunMs);
      const statuses = [...entry.statuses].map(([status, count]) => `${status}×${count}`).join(' ');
      console.log(`  ${name.padEnd(22)} ${statuses.padEnd(28)} longest ${(entry.overrunMs + timeoutMs).toFixed(0)} ms`);
    }
    console.log(`longest request past the ${timeoutMs} ms timeout: ${worstOverrun.toFixed(0)} ms; bypasses: ${bypasses}; server RSS peak ${rssPeak.toFixed(0)} MB; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await neo4j?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
