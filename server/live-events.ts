import type { Request, RequestHandler, Response } from 'express';
import type { LiveEvent } from '../common/curation-contract.js';
import { NotegraphError } from '../common/errors.js';

/**
 * GET /api/events: server-sent events to every open explorer (notes re-ingested, graph recomputed, curation by
 * another window). Events name files and concept ids, never note text. Streams are bounded in number, kept
 * alive with a comment every 25 s, and ended by close() before the server stops (otherwise a graceful stop
 * would wait for them).
 */
export interface LiveEventsOptions {
  maxClients?: number;
  heartbeatMs?: number;
}

export class LiveEvents {
  private readonly clients = new Set<Response>();
  private readonly maxClients: number;
  private readonly heartbeat: NodeJS.Timeout;
  private sequence = 0;

  constructor(options: LiveEventsOptions = {}) {
    this.maxClients = options.maxClients ?? 64;
    this.heartbeat = setInterval(() => this.broadcast(': keep-alive\n\n'), options.heartbeatMs ?? 25_000);
    this.heartbeat.unref();
  }

  /** The route handler: one open stream per explorer window. */
  handler(): RequestHandler {
    return (request: Request, response: Response) => {
      if (this.clients.size >= this.maxClients) throw new NotegraphError('TOO_MANY_REQUESTS', 'too many open event streams; try again later');
      // no-transform: the compression middleware leaves the stream alone instead of buffering it.
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      response.write('retry: 2000\n\n');
      this.clients.add(response);
      request.on('close', () => this.clients.delete(response));
    };
  }

  publish(event: LiveEvent): void {
    this.sequence += 1;
    this.broadcast(`id: ${this.sequence}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Ends every stream (explorers reconnect to the next server on their own). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private broadcast(chunk: string): void {
    for (const client of this.clients) client.write(chunk);
  }
}
