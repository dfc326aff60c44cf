import type { LiveEvent } from '../../common/curation-contract.js';

/**
 * Reads GET /api/events like an explorer's EventSource would, calling `onEvent` with each event and the time it
 * arrived (performance.now()). Resolves once the stream is open; abort the signal to close it.
 */
export async function listenToEvents(url: string, onEvent: (event: LiveEvent, at: number) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${url}/api/events`, { signal });
  if (!response.ok || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    throw new Error(`GET /api/events answered ${response.status} ${response.headers.get('content-type')}`);
  }
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
        const data = buffered.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
        buffered = buffered.slice(end + 2);
        if (data) onEvent(JSON.parse(data.slice('data: '.length)) as LiveEvent, performance.now());
      }
    }
  })();
}
