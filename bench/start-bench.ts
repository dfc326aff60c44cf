/**
 * `npm run bench:start`: time from `npm start` to the ready URL, on a cold Maven cache and with jars cached
 * (fresh database, then warm restarts), plus the idle Neo4j's RSS and the size of the jar folder.
 * Prints figures; asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const libDir = path.join(root, 'tools', 'neo4j', 'lib');

interface StartRun {
  seconds: number;
  neo4jRssMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function rssMb(pid: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Runs `npm start` until it prints the explorer URL, samples Neo4j's RSS after a short idle, then stops it. */
function startOnce(dataDir: string, extraEnv: Record<string, string> = {}): Promise<StartRun> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...process.env, PORT: '0', LOCAL_NEO4J_PORT: '0', LOCAL_NEO4J_DATA: dataDir, LOG_LEVEL: 'warn', ...extraEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    let run: StartRun | undefined;
    child.stdout.on('data', async (chunk: Buffer) => {
      if (run) return;
      output += chunk.toString();
      if (!/notegraph explorer: http/.test(output)) return;
      run = { seconds: (performance.now() - startedAt) / 1000, neo4jRssMb: NaN };
      await new Promise((r) => setTimeout(r, 5000));
      const pid = spawnSync('pgrep', ['-f', `Launcher.java --data ${dataDir}`], { encoding: 'utf8' }).stdout.trim().split('\n')[0] ?? '';
      run.neo4jRssMb = pid ? rssMb(pid) : NaN;
      child.kill('SIGINT');
    });
    child.once('exit', (code) => (run ? resolve(run) : reject(new Error(`npm start exited early (${code})`))));
  });
}

function folderSizeMb(folder: string): number {
  return Number(spawnSync('du', ['-sk', folder], { encoding: 'utf8' }).stdout.split('\t')[0]) / 1024;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'notegraph-start-bench-'));
  const results: string[] = [];

  // Cold Maven cache: no lib/ and an empty local repository, so every jar comes from Maven Central.
  const savedLib = `${libDir}.bench-backup`;
  if (existsSync(libDir)) renameSync(libDir, savedLib);
  const emptyRepo = mkdtempSync(path.join(tmpdir(), 'notegraph-m2-'));
  try {
    const cold = await startOnce(dataDir, { MAVEN_OPTS: `-Dmaven.repo.local=${emptyRepo}` });
    results.push(`cold Maven cache, empty database (fetch + ingest + build): ${cold.seconds.toFixed(1)} s`);
  } finally {
    rmSync(emptyRepo, { recursive: true, force: true });
    if (existsSync(savedLib)) {
      rmSync(libDir, { recursive: true, force: true });
      renameSync(savedLib, libDir);
    }
  }

  const fresh = mkdtempSync(path.join(tmpdir(), 'notegraph-start-bench-fresh-'));
  const first = await startOnce(fresh);
  results.push(`jars cached, empty database (ingest): ${first.seconds.toFixed(1)} s`);
  const warm: StartRun[] = [];
  for (let i = 0; i < 3; i++) warm.push(await startOnce(fresh));
  results.push(
    `jars cached, database up to date: median ${median(warm.map((run) => run.seconds)).toFixed(1)} s ` +
      `(runs: ${warm.map((run) => run.seconds.toFixed(1)).join(', ')})`,
  );
  results.push(`idle Neo4j RSS: median ${median(warm.map((run) => run.neo4jRssMb)).toFixed(0)} MB`);
  results.push(`jar folder tools/neo4j/lib: ${folderSizeMb(libDir).toFixed(0)} MB`);
  const leftover = spawnSync('pgrep', ['-f', `Launcher.java --data ${fresh}`], { encoding: 'utf8' }).stdout.trim();
  results.push(`java processes left after SIGINT: ${leftover ? leftover.split('\n').length : 0}`);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(fresh, { recursive: true, force: true });
  console.log(results.join('\n'));
}

await main();
