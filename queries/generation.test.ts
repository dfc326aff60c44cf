import { describe, expect, it } from 'vitest';
import { readOneGeneration, retryPausesMs, type GuardedRead } from './generation.js';

describe('reading one generation of the graph', () => {
  it('runs the read again while a swap overlaps it, and answers with the first read no swap overlapped', async () => {
    const answers: GuardedRead<string>[] = [
      { consistent: false, value: undefined },
      { consistent: false, value: 'half old, half new' },
      { consistent: true, value: 'new graph' },
    ];
    let attempts = 0;
    const value = await readOneGeneration(async () => answers[attempts++]!, async () => 'unguarded');
    expect(value).toBe('new graph');
    expect(attempts).toBe(3);
  });

  it('still answers when the swap marker never clears (an ingest died mid-swap), by reading without the guard', { timeout: 20_000 }, async () => {
    let attempts = 0;
    const value = await readOneGeneration(async () => (attempts++, { consistent: false, value: undefined }), async () => 'unguarded');
    expect(value).toBe('unguarded');
    expect(attempts).toBe(retryPausesMs.length);
  });

  it('runs the read again as soon as the marker clears, asking the marker alone while it waits', async () => {
    const steps: string[] = [];
    const answers: GuardedRead<string>[] = [{ consistent: false, value: undefined }, { consistent: false, value: 'mixed' }, { consistent: true, value: 'new graph' }];
    const value = await readOneGeneration(
      async () => (steps.push('read'), answers.shift()!),
      async () => 'unguarded',
      async () => (steps.push('marker'), true),
    );
    expect(value).toBe('new graph');
    // Each pause ends at the first look that finds the marker clear, however long the pause would have been.
    expect(steps).toEqual(['read', 'marker', 'read', 'marker', 'read']);
  });
});
