import { NotegraphError } from '../common/errors.js';

/**
 * A byte budget for one result, charged while values are converted to JSON (strings at their UTF-8 size,
 * lists and maps before their items are visited), so a huge value is refused before the work of converting
 * it starts. Sizes are those of the JSON text, within a few bytes per value.
 */
export class BudgetExhausted extends Error {}

export class ResultBudget {
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get usedBytes(): number {
    return this.used;
  }

  get remaining(): number {
    return this.maxBytes - this.used;
  }

  /** Charges `bytes`; throws BudgetExhausted once the budget is spent. */
  charge(bytes: number): void {
    this.used += bytes;
    if (this.used > this.maxBytes) throw new BudgetExhausted();
  }

  chargeString(text: string): void {
    // The cheap lower bound first: a string longer than what is left cannot fit whatever its encoding.
    if (text.length > this.remaining) throw new BudgetExhausted();
    this.charge(Buffer.byteLength(text) + 2);
  }

  /** Lists and maps: at least two bytes per item (value and separator), checked before the items are. */
  chargeContainer(items: number): void {
    if (items * 2 > this.remaining) throw new BudgetExhausted();
    this.charge(2);
  }

  /** Runs `work`; false (and the bytes it used given back) when it exhausted the budget. */
  attempt(work: () => unknown): boolean {
    const before = this.used;
    try {
      work();
      return true;
    } catch (error) {
      if (!(error instanceof BudgetExhausted)) throw error;
      this.used = before;
      return false;
    }
  }
}

/** Values nest at most this deep in a result (lists of lists built by reduce() can nest thousands deep). */
export const maxResultDepth = 64;

export function tooDeep(): NotegraphError {
  return new NotegraphError('RESULT_TOO_LARGE', `A value in the result nests deeper than ${maxResultDepth} levels.`, {
    details: { limit: 'result-nesting', max: maxResultDepth },
  });
}
