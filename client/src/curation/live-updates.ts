/**
 * Listens to GET /api/events (server-sent events). EventSource reconnects by itself after a server restart;
 * the handlers get the typed events of common/curation-contract.ts.
 */
import type { LiveEvent } from '../../../common/curation-contract.js';

export type LiveEventHandler = (event: LiveEvent) => void;

const eventTypes: LiveEvent['type'][] = ['notes', 'graph', 'curation', 'refresh-failed'];

/** Starts listening; returns a function that stops. */
export function subscribeToLiveEvents(onEvent: LiveEventHandler): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource('/api/events');
  const listener = (message: MessageEvent<string>) => {
    try {
      onEvent(JSON.parse(message.data) as LiveEvent);
    } catch {
      // A malformed event is ignored: the next one, or a reload, brings the page up to date.
    }
  };
  for (const type of eventTypes) source.addEventListener(type, listener as EventListener);
  return () => source.close();
}
