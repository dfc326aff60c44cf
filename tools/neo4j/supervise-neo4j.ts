import { NotegraphError } from '../../common/errors.js';
import type { ExitInfo, LocalNeo4j } from './local-neo4j.js';

/**
 * Keeps the bundled Neo4j running: when it exits without being asked to (a crash, the OOM killer, kill -9), it
 * is started again on the same port and data directory, with growing pauses; when it keeps failing, the
 * supervisor gives up and says why. The process using it is told when it goes down and comes back, so
 * requests can fail fast in between instead of waiting on connection retries.
 */
export interface RestartPolicy {
  /** Pause before the 1st, 2nd, … restart of a failure streak; the last value repeats. */
  delaysMs: number[];
  /** Give up after this many failures (exits or failed starts) within `windowMs`. */
  maxFailures: number;
  windowMs: number;
}

export const defaultRestartPolicy: RestartPolicy = {
  delaysMs: [250, 2_000, 5_000, 10_000, 20_000],
  maxFailures: 5,
  windowMs: 10 * 60_000,
};

export type RestartDecision = { restart: true; delayMs: number } | { restart: false; reason: string };

/** What to do after a failure, given the times of all failures so far (the new one last). */
export function decideRestart(policy: RestartPolicy, failureTimes: number[], now: number): RestartDecision {
  const recent = failureTimes.filter((time) => now - time <= policy.windowMs);
  if (recent.length >= policy.maxFailures) {
    return { restart: false, reason: `${recent.length} failures within ${Math.round(policy.windowMs / 60_000)} min` };
  }
  const delayMs = policy.delaysMs[Math.min(recent.length, policy.delaysMs.length) - 1] ?? 0;
  return { restart: true, delayMs };
}

export function describeExit(exit: ExitInfo): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

export interface SupervisorOptions {
  /** Starts Neo4j; called again, unchanged, for every restart (same port, same data directory). */
  start: () => Promise<LocalNeo4j>;
  policy?: RestartPolicy;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** Neo4j exited unexpectedly; a restart is under way. */
  onDown?: () => void;
  /** Neo4j answers again after a restart. */
  onUp?: (neo4j: LocalNeo4j) => void;
  /** Restarts failed too often; the supervisor stopped trying. */
  onGiveUp?: (error: NotegraphError) => void;
  now?: () => number;
}

export class Neo4jSupervisor {
  private current: LocalNeo4j | undefined;
  private stopping = false;
  private readonly failures: number[] = [];
  private pendingRestart: { timer: NodeJS.Timeout; wake: () => void } | undefined;

  constructor(private readonly options: SupervisorOptions) {}

  /** The first start. Its failure is the caller's (nothing to restart yet). */
  async start(): Promise<LocalNeo4j> {
    const neo4j = await this.options.start();
    this.watch(neo4j);
    return neo4j;
  }

  get neo4j(): LocalNeo4j | undefined {
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.pendingRestart) {
      clearTimeout(this.pendingRestart.timer);
      this.pendingRestart.wake();
    }
    await this.current?.stop();
  }

  private watch(neo4j: LocalNeo4j): void {
    this.current = neo4j;
    void neo4j.exited.then((exit) => {
      if (this.stopping || this.current !== neo4j) return;
      this.options.log.warn(`local Neo4j (pid ${neo4j.pid}) exited unexpectedly (${describeExit(exit)}); restarting it on the same data directory`);
      this.options.onDown?.();
      void this.restartLoop(describeExit(exit));
    });
  }

  private async restartLoop(firstReason: string): Promise<void> {
    const now = this.options.now ?? Date.now;
    const downSince = now();
    let lastReason = firstReason;
    for (;;) {
      this.failures.push(now());
      const decision = decideRestart(this.options.policy ?? defaultRestartPolicy, this.failures, now());
      if (!decision.restart) {
        const error = new NotegraphError(
          'LOCAL_DB_START_FAILED',
          `local Neo4j keeps failing (${decision.reason}; last: ${lastReason}); not restarting it again. See its logs under the data directory, then start notegraph again.`,
        );
        this.options.log.error(error.message);
        this.options.onGiveUp?.(error);
        return;
      }
      await this.pause(decision.delayMs);
      if (this.stopping) return;
      try {
        const neo4j = await this.options.start();
        if (this.stopping) {
          await neo4j.stop();
          return;
        }
        this.options.log.info(`local Neo4j is back (pid ${neo4j.pid}) after ${((now() - downSince) / 1000).toFixed(1)} s`);
        this.watch(neo4j);
        this.options.onUp?.(neo4j);
        return;
      } catch (error) {
        lastReason = error instanceof Error ? error.message : String(error);
        this.options.log.warn(`restarting local Neo4j failed: ${lastReason}`);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.pendingRestart = undefined;
        resolve();
      };
      this.pendingRestart = { timer: setTimeout(wake, ms), wake };
    });
  }
}
