import { describe, expect, it } from 'vitest';
import type { NotegraphError } from '../../common/errors.js';
import type { ExitInfo, LocalNeo4j } from './local-neo4j.js';
import { decideRestart, Neo4jSupervisor, type RestartPolicy } from './supervise-neo4j.js';

/** A stand-in for the java process: `crash()` makes it exit as kill -9 would. */
function fakeNeo4j(pid: number): LocalNeo4j & { crash(): void } {
  let exit: (info: ExitInfo) => void = () => {};
  const exited = new Promise<ExitInfo>((resolve) => (exit = resolve));
  return {
    uri: 'bolt://127.0.0.1:7687',
    port: 7687,
    pid,
    dataDir: '/data',
    exited,
    stop: async () => exit({ code: 0, signal: null }),
    crash: () => exit({ code: null, signal: 'SIGKILL' }),
  };
}

function recordingLog() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) } };
}

const quick: RestartPolicy = { delaysMs: [1, 2], maxFailures: 3, windowMs: 60_000 };

function until<T>(register: (done: (value: T) => void) => void): Promise<T> {
  return new Promise(register);
}

describe('restart policy', () => {
  it.each([
    [[1000], 1000, { restart: true, delayMs: 1 }],
    [[1000, 2000], 2000, { restart: true, delayMs: 2 }],
    // the last pause repeats
    [[0, 70_000, 80_000 - 1], 80_000, { restart: true, delayMs: 2 }],
    [[1000, 2000, 3000], 3000, { restart: false, reason: '3 failures within 1 min' }],
    // failures older than the window are forgiven
    [[0, 1000, 100_000], 100_000, { restart: true, delayMs: 1 }],
  ])('after failures at %j (now %d) decides %j', (times, now, decision) => {
    expect(decideRestart(quick, times, now)).toEqual(decision);
  });
});

describe('supervising the local Neo4j', () => {
  it('restarts it after an unexpected exit, saying so once, and reports it down then up', async () => {
    const instances = [fakeNeo4j(1), fakeNeo4j(2)];
    let starts = 0;
    const { lines, log } = recordingLog();
    const events: string[] = [];
    let up: (neo4j: LocalNeo4j) => void = () => {};
    const back = until<LocalNeo4j>((done) => (up = done));
    const supervisor = new Neo4jSupervisor({
      start: async () => instances[starts++]!,
      policy: quick,
      log,
      onDown: () => events.push('down'),
      onUp: (neo4j) => {
        events.push('up');
        up(neo4j);
      },
    });
    await supervisor.start();
    instances[0]!.crash();
    expect((await back).pid).toBe(2);
    expect(events).toEqual(['down', 'up']);
    expect(supervisor.neo4j?.pid).toBe(2);
    expect(lines.filter((line) => line.includes('exited unexpectedly'))).toEqual(['warn local Neo4j (pid 1) exited unexpectedly (killed by SIGKILL); restarting it on the same data directory']);
    await supervisor.stop();
  });

  it('gives up with a clear message naming the last failure when restarts keep failing', async () => {
    const first = fakeNeo4j(1);
    let starts = 0;
    const { lines, log } = recordingLog();
    let gaveUp: (error: NotegraphError) => void = () => {};
    const failure = until<NotegraphError>((done) => (gaveUp = done));
    const supervisor = new Neo4jSupervisor({
      start: async () => {
        starts += 1;
        if (starts === 1) return first;
        throw new Error('port 7687 is taken');
      },
      policy: quick,
      log,
      onGiveUp: (error) => gaveUp(error),
    });
    await supervisor.start();
    first.crash();
    const error = await failure;
    expect(error.code).toBe('LOCAL_DB_START_FAILED');
    expect(error.message).toMatch(/keeps failing \(3 failures within 1 min; last: port 7687 is taken\); not restarting it again/);
    expect(starts).toBe(3);
    expect(lines.filter((line) => line.startsWith('error'))).toHaveLength(1);
  });

  it('does not restart a Neo4j it was asked to stop', async () => {
    const only = fakeNeo4j(1);
    let starts = 0;
    const supervisor = new Neo4jSupervisor({ start: async () => (starts++, only), policy: quick, log: recordingLog().log });
    await supervisor.start();
    await supervisor.stop();
    await only.exited;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(starts).toBe(1);
  });
});
