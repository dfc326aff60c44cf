import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../common/config.js';
import { NotegraphError } from '../../common/errors.js';
import { clearStoreOwner, readStoreOwner, writeStoreOwner } from './store-owner.js';

/**
 * Owns the bundled Neo4j: fetches its jars once with Maven, starts Launcher.java, waits for its ready line,
 * stops it. The child keeps our pipe as its stdin and exits when that closes, so even a parent killed with
 * SIGKILL leaves no orphan java process behind.
 */
export const toolsDir = path.dirname(fileURLToPath(import.meta.url));
const libDir = path.join(toolsDir, 'lib');
const completeMarker = path.join(libDir, '.complete');
const waysOut =
  'install Java 17+ and Maven, or set NEO4J_URI to a running Neo4j 5, or run docker compose up';

// Neo4j 5 on Java 17 needs these (DESIGN.md); without them Netty and the page cache fail at start.
const requiredJvmFlags = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export interface LocalNeo4jOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  heapMb: number;
  pageCacheMb: number;
  startTimeoutMs?: number;
  /** Receives progress lines (fetching jars, starting); defaults to silence. */
  log?: (line: string) => void;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Settles when the java process ends, for whatever reason (stop(), a crash, kill -9). */
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

function pomDigest(): string {
  return createHash('sha256').update(readFileSync(path.join(toolsDir, 'pom.xml'))).digest('hex');
}

export function jarsAreFetched(): boolean {
  return existsSync(completeMarker) && readFileSync(completeMarker, 'utf8').trim() === pomDigest();
}

/** Parses the major version out of `java -version` output ("17.0.15", "1.8.0_392" → 8). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

function missingTool(what: string): NotegraphError {
  return new NotegraphError('LOCAL_DB_START_FAILED', `${what}: ${waysOut}.`);
}

let javaChecked = false;

function checkJava(): void {
  // Once per process: a restart after a crash should not block the event loop on `java -version` again.
  if (javaChecked) return;
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) throw missingTool('java was not found');
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < 17) throw missingTool(`java ${major ?? '?'} is too old (Neo4j 5 needs 17+)`);
  javaChecked = true;
}

/** Fetches the Neo4j jars into tools/neo4j/lib once; later calls reuse them. */
export async function ensureJars(log: (line: string) => void = () => {}): Promise<string> {
  if (jarsAreFetched()) return libDir;
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error) throw missingTool('mvn was not found (needed once, to fetch the Neo4j jars)');
  log('fetching Neo4j jars from Maven Central (once)…');
  // Fetch into a private folder and rename, so a crash or a concurrent start never sees half a lib/.
  const staging = `${libDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await runToCompletion('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`], toolsDir);
  writeFileSync(path.join(staging, '.complete'), pomDigest());
  rmSync(libDir, { recursive: true, force: true });
  renameSync(staging, libDir);
  return libDir;
}

function runToCompletion(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new NotegraphError('LOCAL_DB_START_FAILED', `${command} failed to run`, { cause: error })));
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new NotegraphError('LOCAL_DB_START_FAILED', `${command} ${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`));
    });
  });
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function launcherArgs(options: { dataDir: string; port: number; heapMb: number; pageCacheMb: number }): string[] {
  return [
    `-Xms${Math.min(256, options.heapMb)}m`,
    `-Xmx${options.heapMb}m`,
    // Two cores: a small parallel GC footprint and no JIT compiler threads fighting the server.
    '-XX:+UseG1GC',
    '-XX:CICompilerCount=2',
    ...requiredJvmFlags,
    '-cp',
    `${libDir}${path.sep}*`,
    path.join(toolsDir, 'Launcher.java'),
    '--data',
    path.resolve(options.dataDir),
    '--port',
    String(options.port),
    '--pagecache',
    String(options.pageCacheMb),
  ];
}

/** One line for a person: the innermost Java exception's message, or the last line of output. */
export function summarizeLauncherFailure(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const causes = lines.filter((line) => /^(Caused by: )?[\w.$]*(Exception|Error)(: |$)/.test(line));
  const innermost = causes[causes.length - 1] ?? lines[lines.length - 1] ?? 'no output';
  return innermost.replace(/^(Caused by: )?[\w.$]*(Exception|Error): /, '');
}

function refuseIfStoreInUse(dataDir: string): void {
  const owner = readStoreOwner(dataDir);
  if (!owner) return;
  throw new NotegraphError(
    'LOCAL_DB_START_FAILED',
    `the local Neo4j store ${dataDir} is in use by process ${owner.pid} (Neo4j at ${owner.uri}): stop it, or set NEO4J_URI=${owner.uri} to use that Neo4j`,
    { details: { owner } },
  );
}

/** Starts the local Neo4j and resolves once it prints its ready line. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  checkJava();
  await ensureJars(log);
  const dataDir = path.resolve(options.dataDir);
  refuseIfStoreInUse(dataDir);
  const port = options.port === 0 ? await findFreePort() : options.port;
  mkdirSync(dataDir, { recursive: true });
  log(`starting Neo4j (data ${options.dataDir}, bolt port ${port})…`);
  const child = spawn('java', launcherArgs({ ...options, dataDir, port }), { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (child.pid !== undefined) clearStoreOwner(dataDir, child.pid);
      resolve({ code, signal });
    });
  });
  const uri = await waitForReady(child, { dataDir, timeoutMs: options.startTimeoutMs ?? 120_000 });
  const pid = child.pid ?? -1;
  writeStoreOwner(dataDir, { pid: process.pid, javaPid: pid, uri, startedAt: new Date().toISOString() });
  return { uri, port, pid, dataDir: options.dataDir, exited, stop: () => stopChild(child) };
}

type LocalNeo4jConfig = Pick<Config, 'LOCAL_NEO4J_DATA' | 'LOCAL_NEO4J_PORT' | 'LOCAL_NEO4J_HEAP_MB' | 'LOCAL_NEO4J_PAGECACHE_MB'>;

/**
 * Starts the bundled Neo4j as configured (data directory relative to `root`). Each call after the first reuses
 * the port the first one got, so a restart keeps every driver's URI valid even when the configured port is 0.
 */
export function localNeo4jStarter(config: LocalNeo4jConfig, options: { root: string; log?: (line: string) => void }): () => Promise<LocalNeo4j> {
  let port = config.LOCAL_NEO4J_PORT;
  return async () => {
    const neo4j = await startLocalNeo4j({
      dataDir: path.resolve(options.root, config.LOCAL_NEO4J_DATA),
      port,
      heapMb: config.LOCAL_NEO4J_HEAP_MB,
      pageCacheMb: config.LOCAL_NEO4J_PAGECACHE_MB,
      log: options.log,
    });
    port = neo4j.port;
    return neo4j;
  };
}

function waitForReady(child: ChildProcess, options: { dataDir: string; timeoutMs: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderrTail = '';
    let settled = false;
    child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-16_000)));
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      // The whole Java trace goes to a file; the error stays one line a person can act on.
      const logFile = path.join(options.dataDir, 'logs', 'launcher.log');
      mkdirSync(path.dirname(logFile), { recursive: true });
      writeFileSync(logFile, stderrTail);
      reject(new NotegraphError('LOCAL_DB_START_FAILED', `${message}: ${summarizeLauncherFailure(stderrTail)} (full output: ${logFile})`));
    };
    const cannotRun = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new NotegraphError('LOCAL_DB_START_FAILED', `java could not be started (${error.message}): ${waysOut}.`, { cause: error }));
    };
    const timer = setTimeout(() => fail(`Neo4j did not become ready within ${options.timeoutMs / 1000} s`), options.timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^ready (bolt:\/\/\S+)$/.exec(line.trim());
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(match[1]!);
    });
    child.once('error', cannotRun);
    child.once('exit', (code, signal) => fail(`Neo4j exited before it was ready (code ${code ?? signal})`));
  });
}

function stopChild(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
