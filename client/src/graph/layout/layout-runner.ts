/**
 * Starts fcose in a worker and hands back positions; stop() terminates it. One layout at a time: starting a new
 * one stops the previous. Progress is reported as elapsed time (fcose has no progress events).
 */
import type { LayoutReply, LayoutRequest } from './layout-protocol.js';

export interface LayoutJob {
  result: Promise<LayoutReply | { type: 'stopped' }>;
  stop(): void;
}

export class LayoutRunner {
  private current: { worker: Worker; settle: (reply: { type: 'stopped' }) => void } | null = null;

  get running(): boolean {
    return this.current !== null;
  }

  start(request: LayoutRequest): LayoutJob {
    this.stop();
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    let settle: (reply: LayoutReply | { type: 'stopped' }) => void = () => {};
    const result = new Promise<LayoutReply | { type: 'stopped' }>((resolve) => {
      settle = resolve;
    });
    const finish = (reply: LayoutReply | { type: 'stopped' }): void => {
      if (this.current?.worker === worker) this.current = null;
      worker.terminate();
      settle(reply);
    };
    worker.onmessage = (event: MessageEvent<LayoutReply>) => finish(event.data);
    worker.onerror = (event) => finish({ type: 'error', message: event.message || 'the layout worker failed' });
    this.current = { worker, settle: finish };
    worker.postMessage(request);
    return { result, stop: () => finish({ type: 'stopped' }) };
  }

  stop(): void {
    this.current?.settle({ type: 'stopped' });
  }
}
