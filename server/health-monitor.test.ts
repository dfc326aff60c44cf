import { describe, expect, it } from 'vitest';
import { HealthMonitor } from './health-monitor.js';

/** A probe the test answers by hand, counting how often it was started. */
function manualProbe() {
  const pending: { resolve: (status: string) => void; reject: (error: Error) => void }[] = [];
  return {
    pending,
    probe: () => new Promise<string>((resolve, reject) => pending.push({ resolve, reject })),
  };
}

function monitor(probe: () => Promise<string>, options: { knownDown?: () => boolean; clock?: { ms: number } } = {}) {
  const clock = options.clock ?? { ms: 1_000 };
  return new HealthMonitor({ probe, knownDown: options.knownDown ?? (() => false), answerWithinMs: 20, maxAgeMs: 5_000, now: () => clock.ms });
}

describe('HealthMonitor', () => {
  it('reports a probe that answers in time as fresh', async () => {
    const health = monitor(async () => 'up');
    await expect(health.check()).resolves.toEqual({ status: 'up', checkedAt: 1_000, ageMs: 0 });
  });

  it('reports the last good probe with its age while a new one is slow, and the new one once it answers', async () => {
    const clock = { ms: 1_000 };
    const { pending, probe } = manualProbe();
    const health = monitor(probe, { clock });
    const first = health.check();
    pending[0]!.resolve('counts 1');
    await first;
    clock.ms = 3_000;
    await expect(health.check()).resolves.toEqual({ status: 'counts 1', checkedAt: 1_000, ageMs: 2_000 });
    pending[1]!.resolve('counts 2');
    await new Promise((resolve) => setImmediate(resolve));
    clock.ms = 3_500;
    const next = health.check();
    pending[2]!.resolve('counts 3');
    await expect(next).resolves.toMatchObject({ status: 'counts 3', checkedAt: 3_500 });
  });

  it('runs one probe at a time however many checks wait', async () => {
    const { pending, probe } = manualProbe();
    const health = monitor(probe);
    const checks = [health.check(), health.check(), health.check()];
    expect(pending).toHaveLength(1);
    pending[0]!.resolve('up');
    expect((await Promise.all(checks)).map((reading) => reading.status)).toEqual(['up', 'up', 'up']);
  });

  it('reports a failed probe at once and forgets the good answer before it', async () => {
    const { pending, probe } = manualProbe();
    const health = monitor(probe);
    const first = health.check();
    pending[0]!.resolve('up');
    await first;
    const failing = health.check();
    pending[1]!.reject(new Error('unreachable'));
    await expect(failing).rejects.toThrow('unreachable');
    const after = health.check();
    let settled = false;
    const markSettled = () => (settled = true);
    void after.then(markSettled, markSettled);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(settled).toBe(false);
    pending[2]!.reject(new Error('still unreachable'));
    await expect(after).rejects.toThrow('still unreachable');
  });

  it.each(['before the check', 'while the check waits'])('waits for the probe when the database is seen to go down %s', async (when) => {
    let down = false;
    const { pending, probe } = manualProbe();
    const health = monitor(probe, { knownDown: () => down });
    const first = health.check();
    pending[0]!.resolve('up');
    await first;
    if (when === 'before the check') down = true;
    const check = health.check();
    down = true;
    await new Promise((resolve) => setTimeout(resolve, 60));
    pending[1]!.reject(new Error('unreachable'));
    await expect(check).rejects.toThrow('unreachable');
  });

  it('does not report a good answer older than its limit', async () => {
    const clock = { ms: 1_000 };
    const { pending, probe } = manualProbe();
    const health = monitor(probe, { clock });
    const first = health.check();
    pending[0]!.resolve('old');
    await first;
    clock.ms = 7_000;
    const check = health.check();
    await new Promise((resolve) => setTimeout(resolve, 60));
    pending[1]!.resolve('new');
    await expect(check).resolves.toMatchObject({ status: 'new', checkedAt: 7_000 });
  });

  it('does not turn a failure after the check answered into an unhandled rejection', async () => {
    const { pending, probe } = manualProbe();
    const health = monitor(probe);
    const first = health.check();
    pending[0]!.resolve('up');
    await first;
    await expect(health.check()).resolves.toMatchObject({ status: 'up' });
    pending[1]!.reject(new Error('late failure'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const after = health.check();
    pending[2]!.resolve('back');
    await expect(after).resolves.toMatchObject({ status: 'back' });
  });
});
