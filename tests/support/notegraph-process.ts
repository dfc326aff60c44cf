/**
 * The real `npm start` as a child process (node + tsx, server/main.ts) on 127.0.0.1 and free ports, with its own
 * notes folder and Neo4j data directory, for tests that need the whole stack: supervision of the bundled
 * Neo4j, a second process meeting the store in use. Every line it prints is kept for assertions.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface NotegraphProcess {
  url: string;
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr, one entry per line. */
  lines: string[];
  /** pino's JSON lines, parsed. */
  logRecords(): Record<string, unknown>[];
  /** SIGTERM, then the exit code (bounded: SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
}

/** Environment for a notegraph child: the bundled Neo4j on a free port, small heap, no NEO4J_URI inherited. */
export function notegraphEnv(options: { notesDir: string; dataDir: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: '',
    HOST: '127.0.0.1',
    PORT: '0',
    NOTES_DIR: options.notesDir,
    LOCAL_NEO4J_DATA: options.dataDir,
    LOCAL_NEO4J_PORT: '0',
    LOCAL_NEO4J_HEAP_MB: '512',
    LOCAL_NEO4J_PAGECACHE_MB: '64',
    LOG_LEVEL: 'info',
  };
}

export function startNotegraph(options: { notesDir: string; dataDir: string; readyTimeoutMs?: number }): Promise<NotegraphProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server', 'main.ts')], {
    cwd: repoRoot,
    env: notegraphEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (graceMs = 60_000) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(killer);
    return code;
  };
  const logRecords = () =>
    lines.flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(5_000);
      reject(new Error(`notegraph did not start within ${(options.readyTimeoutMs ?? 240_000) / 1000} s:\n${lines.slice(-20).join('\n')}`));
    }, options.readyTimeoutMs ?? 240_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const ready = /^notegraph explorer: (http:\/\/\S+)$/.exec(line);
      if (!ready) return;
      clearTimeout(timer);
      resolve({ url: ready[1]!, child, lines, logRecords, stop });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`notegraph exited (code ${code}) before it was ready:\n${lines.slice(-20).join('\n')}`));
    });
  });
}

/** Java processes whose command line names this data directory (the bundled Neo4j of one test). */
export function javaProcessesFor(dataDir: string): string[] {
  const result = spawnSync('pgrep', ['-f', `Launcher.java --data ${dataDir}`], { encoding: 'utf8' });
  return result.stdout.split('\n').filter(Boolean);
}
