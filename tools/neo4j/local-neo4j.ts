import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { NotegraphError } from '../../common/errors.js';

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

export interface LocalNeo4j {
  uri: string;
  port: number;
  pid: number;
  dataDir: string;
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

function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) throw missingTool('java was not found');
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < 17) throw missingTool(`java ${major ?? '?'} is too old (Neo4j 5 needs 17+)`);
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

/** Starts the local Neo4j and resolves once it prints its ready line. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  checkJava();
  await ensureJars(log);
  const port = options.port === 0 ? await findFreePort() : options.port;
  mkdirSync(options.dataDir, { recursive: true });
  log(`starting Neo4j (data ${options.dataDir}, bolt port ${port})…`);
  const child = spawn('java', launcherArgs({ ...options, port }), { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  const uri = await waitForReady(child, options.startTimeoutMs ?? 120_000);
  return { uri, port, pid: child.pid ?? -1, dataDir: options.dataDir, stop: () => stopChild(child) };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderrTail = '';
    let settled = false;
    child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-4000)));
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new NotegraphError('LOCAL_DB_START_FAILED', `${message}\n${stderrTail.trim()}\n(${waysOut})`));
    };
    const timer = setTimeout(() => fail(`Neo4j did not become ready within ${timeoutMs / 1000} s`), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^ready (bolt:\/\/\S+)$/.exec(line.trim());
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(match[1]!);
    });
    child.once('error', (error) => fail(`java could not be started: ${error.message}`));
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
