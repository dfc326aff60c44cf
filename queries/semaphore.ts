/** Counts holders of a limited resource; waiters queue in order and give up after their wait. */
export class Semaphore {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  get inUse(): number {
    return this.held;
  }

  tryAcquire(): boolean {
    if (this.held >= this.size) return false;
    this.held += 1;
    return true;
  }

  /** Resolves once a slot is held; rejects with `onTimeout()` after waitMs. */
  acquire(waitMs: number, onTimeout: () => Error): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        this.held += 1;
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(grant);
        if (index !== -1) this.waiting.splice(index, 1);
        reject(onTimeout());
      }, waitMs);
      this.waiting.push(grant);
    });
  }

  release(): void {
    this.held -= 1;
    this.waiting.shift()?.();
  }
}
