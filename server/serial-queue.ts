/**
 * Runs async work one piece at a time, in the order it was asked for. Curation commands and re-ingests share
 * one queue, so a decision is never written while an ingest is reading the decision files, and an ingest never
 * overwrites a graph edit it did not see.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(work: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined).finally(() => {
      this.pending -= 1;
    });
    return result;
  }

  /** Pieces of work queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once everything queued so far has finished. */
  async drain(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}
