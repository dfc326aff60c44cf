import { describe, expect, it } from 'vitest';
import { evaluateAll, formatTable } from '../eval/evaluate.js';

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
});
