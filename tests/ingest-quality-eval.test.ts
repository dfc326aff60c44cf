import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { corporaDir, evaluateAll, formatTable } from '../eval/evaluate.js';

/**
 * Runs `npm run eval:extract` inside the test suite so CI prints the extraction figures on every run. It checks
 * only that every corpus was scored with and without the lexicon — quality is read from the table, never asserted.
 */
describe('the extraction eval', () => {
  it('scores every eval corpus with and without the bundled lexicon and prints the table', async () => {
    const results = await evaluateAll();
    console.log(`\nextraction eval (npm run eval:extract)\n${formatTable(results)}`);
    const corpora = new Set(results.map((result) => result.corpus));
    expect(corpora.size).toBeGreaterThanOrEqual(4);
    expect(results).toHaveLength(corpora.size * 2);
    for (const { score } of results) {
      for (const value of [score.recallAt100, score.recallAt300, score.relationsLinked, score.relationsTyped]) expect(value).toBeGreaterThanOrEqual(0);
      expect(score.concepts).toBeGreaterThan(0);
    }
  }, 180_000);

  it('scores a notes folder given from outside against a gold file given from outside (--corpus DIR --gold FILE)', async () => {
    // Real notes that may not be committed are scored this way; a committed corpus stands in for them here.
    const results = await evaluateAll({ goldFile: path.join(corporaDir, 'en-til', 'gold.yaml'), notesDir: path.join(corporaDir, 'en-til', 'notes') });
    expect(results.map((result) => [result.corpus, result.lexicon])).toEqual([
      ['en-til', true],
      ['en-til', false],
    ]);
    expect(results.every((result) => result.bytes > 0 && result.score.concepts > 0)).toBe(true);
  }, 60_000);
});
