import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Health answers in bounded time however busy Neo4j is. Twenty CPU-bound console queries on two cores make any
 * Neo4j round trip take seconds (measured: p99 1.7 s for the one-transaction probe), and a health check that
 * waits that long is read as "down" by whatever polls it. So each check starts a probe (or joins the one in
 * flight — never more than one at a time) and waits for it a short while; if it has not answered by then and
 * an earlier probe succeeded recently, that one is reported together with its age, while the probe goes on
 * and refreshes it. A failed probe forgets the stored answer, and nothing stored stands in while the database
 * is known to be down, so an outage is reported at once.
 */

export interface HealthMonitorOptions<T> {
  probe: () => Promise<T>;
  /** True while Neo4j is known to be unreachable (e.g. the supervisor saw it exit). */
  knownDown: () => boolean;
  /** How long a check waits for a fresh probe before it reports the stored one. */
  answerWithinMs?: number;
  /** The oldest successful probe a check may report. */
  maxAgeMs?: number;
  now?: () => number;
}

export interface HealthReading<T> {
  status: T;
  /** When the probe that produced `status` started (epoch ms). */
  checkedAt: number;
  /** How long before this answer that was. */
  ageMs: number;
}

interface Probed<T> {
  status: T;
  at: number;
}

export class HealthMonitor<T> {
  private stored: Probed<T> | undefined;
  private inFlight: Promise<Probed<T>> | undefined;
  private readonly answerWithinMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: HealthMonitorOptions<T>) {
    this.answerWithinMs = options.answerWithinMs ?? 100;
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  async check(): Promise<HealthReading<T>> {
    const probe = this.inFlight ?? this.startProbe();
    const fallback = this.usableStored();
    if (!fallback) return this.reading(await probe);
    const fresh = await Promise.race([probe, later(this.answerWithinMs)]);
    if (fresh) return this.reading(fresh);
    // Neo4j may have been seen to exit while this check waited: then only the probe's own answer will do.
    return this.reading(this.options.knownDown() ? await probe : fallback);
  }

  private startProbe(): Promise<Probed<T>> {
    const at = this.now();
    const probe = this.options.probe().then(
      (status) => {
        this.stored = { status, at };
        return this.stored;
      },
      (error: unknown) => {
        this.stored = undefined;
        throw error;
      },
    );
    this.inFlight = probe;
    const settled = () => {
      if (this.inFlight === probe) this.inFlight = undefined;
    };
    // A probe outlived by the check that started it may still fail: that failure is recorded above, not thrown.
    probe.then(settled, settled);
    return probe;
  }

  private usableStored(): Probed<T> | undefined {
    if (!this.stored || this.options.knownDown()) return undefined;
    return this.now() - this.stored.at <= this.maxAgeMs ? this.stored : undefined;
  }

  private reading(probed: Probed<T>): HealthReading<T> {
    return { status: probed.status, checkedAt: probed.at, ageMs: Math.max(0, this.now() - probed.at) };
  }
}

/** Resolves to undefined after `ms`, without keeping the process alive. */
function later(ms: number): Promise<undefined> {
  return sleep(ms, undefined, { ref: false });
}
