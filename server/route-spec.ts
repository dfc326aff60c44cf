import { Router, type Request } from 'express';
import type { z } from 'zod';
import { NotegraphError } from '../common/errors.js';
import type { Database } from '../queries/database.js';
import type { DatabaseStatus } from '../queries/health.js';
import type { ConsoleAdmission, UserCypherLimits } from '../queries/user-cypher.js';
import type { HealthMonitor } from './health-monitor.js';
import { parseBody, parseParams, parseQuery } from './validate.js';

/**
 * One API route: its method, path, zod schemas and handler. The router and /api/openapi.json are both built
 * from the same list, so every route is validated by, and documented with, the same schemas.
 */
export interface ApiDeps {
  db: Database;
  cypherLimits: UserCypherLimits;
  consoleAdmission: ConsoleAdmission;
  health: HealthMonitor<DatabaseStatus>;
}

/** What a handler may know about the HTTP exchange besides its input. */
export interface RequestContext {
  /** The id in this request's log lines, X-Request-Id header and error body. */
  requestId: string;
  /** The remote address. */
  client: string;
  /** Aborted when the client disconnects before the answer is sent. */
  signal: AbortSignal;
}

/** A handler result that is already JSON text (the console worker serialises large results itself). */
export class JsonBytes {
  constructor(readonly bytes: Uint8Array) {}
}

export interface RouteDoc {
  method: 'get' | 'post';
  /** Express-style path under /api, e.g. `/concepts/:id`. */
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** What a 200 answer holds (names the contract type). */
  returns: string;
  /** Error statuses this route can answer besides 400 and 503. */
  errors?: number[];
}

export interface RouteSpec extends RouteDoc {
  run(request: Request, deps: ApiDeps, context: RequestContext): Promise<unknown>;
}

type Inferred<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface RouteInput<P, Q, B> {
  params: Inferred<P>;
  query: Inferred<Q>;
  body: Inferred<B>;
}

export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: RouteDoc & {
    params?: P;
    query?: Q;
    body?: B;
    handler: (input: RouteInput<P, Q, B>, deps: ApiDeps, context: RequestContext) => Promise<unknown>;
  },
): RouteSpec {
  const { handler, ...doc } = spec;
  return {
    ...doc,
    run: (request, deps, context) =>
      handler(
        {
          params: (spec.params ? parseParams(spec.params, request.params) : undefined) as Inferred<P>,
          query: (spec.query ? parseQuery(spec.query, request.query) : undefined) as Inferred<Q>,
          body: (spec.body ? parseBody(spec.body, request.body ?? {}) : undefined) as Inferred<B>,
        },
        deps,
        context,
      ),
  };
}

/** An Express router answering every spec with its handler's result as JSON. */
export function mountRoutes(specs: RouteSpec[], deps: ApiDeps): Router {
  const router = Router();
  for (const spec of specs) {
    router[spec.method](spec.path, async (request, response) => {
      const disconnected = new AbortController();
      response.once('close', () => {
        if (!response.writableFinished) disconnected.abort(new NotegraphError('CLIENT_CLOSED_REQUEST', 'The client closed the request.'));
      });
      const context = { requestId: String(request.id ?? ''), client: request.socket.remoteAddress ?? 'unknown', signal: disconnected.signal };
      const result = await spec.run(request, deps, context);
      if (result instanceof JsonBytes) response.type('application/json').send(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
      else response.json(result);
    });
  }
  return router;
}
