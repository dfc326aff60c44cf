import type { ErrorRequestHandler } from 'express';
import { type ErrorCode, NotegraphError, isNotegraphError } from '../common/errors.js';
import type { ErrorResponse } from '../common/contract.js';
import type { Logger } from '../common/logger.js';

/** The one code → HTTP status table. */
export const statusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  CYPHER_SYNTAX: 400,
  CYPHER_REFUSED: 400,
  HOST_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  CYPHER_TERMINATED: 409,
  PAYLOAD_TOO_LARGE: 413,
  QUERY_TOO_LONG: 413,
  RESULT_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // nginx's convention: nobody receives it (the client is gone); it keeps a Cancel out of the error log.
  CLIENT_CLOSED_REQUEST: 499,
  REQUEST_TOO_NESTED: 422,
  PARAM_OUT_OF_RANGE: 422,
  QUERY_TOO_NESTED: 422,
  QUERY_TOO_COMPLEX: 422,
  CYPHER_MEMORY_LIMIT: 422,
  CYPHER_FAILED: 422,
  CYPHER_TOO_MANY: 429,
  TOO_MANY_REQUESTS: 429,
  DB_ERROR: 500,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
  CYPHER_BUSY: 503,
  DB_BUSY: 503,
  DB_UNAVAILABLE: 503,
  LOCAL_DB_START_FAILED: 503,
  // 504, not 408: browsers re-send a request that got 408, which would run the runaway query again.
  CYPHER_TIMEOUT: 504,
};

/** Seconds a client should wait before trying again, for answers that mean "not now". */
const retryAfterSeconds: Partial<Record<ErrorCode, number>> = {
  CYPHER_TOO_MANY: 1,
  CYPHER_BUSY: 1,
  DB_BUSY: 1,
  DB_UNAVAILABLE: 5,
  LOCAL_DB_START_FAILED: 5,
};

function asNotegraphError(error: unknown): NotegraphError {
  if (isNotegraphError(error)) return error;
  // body-parser errors carry an HTTP status and a `type`; they are the client's fault. Their messages are fixed
  // sentences from the library (never the body), but are replaced anyway to keep one voice.
  const { status, type } = error as { status?: number; type?: string };
  if (type === 'entity.too.large') return new NotegraphError('PAYLOAD_TOO_LARGE', 'The request body is too large (limit 100 kB).', { cause: error });
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new NotegraphError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON.', { cause: error });
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return new NotegraphError('BAD_REQUEST', 'The request could not be read.', { cause: error });
  return new NotegraphError('INTERNAL', 'Unexpected server error; quote the request id when reporting it.', { cause: error });
}

/**
 * Answers `{ error: { code, message, details?, requestId } }`. Messages and details are written for users and
 * carry nothing internal; what is internal (causes, driver codes and messages, stacks) goes to the log under
 * the same request id.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const translated = asNotegraphError(error);
    const status = statusByCode[translated.code];
    const requestId = String((request as { id?: unknown }).id ?? '');
    // Timeouts and "busy" are the client's runaway or a moment's load: one short line; real failures with the cause.
    // That line stands for the request (the request logger skips these), so a Neo4j outage costs one line a request.
    response.locals.errorCode = translated.code;
    if (status === 503 || status === 504) logger.warn({ requestId, code: translated.code, method: request.method, path: request.path }, translated.message);
    else if (status >= 500) logger.error({ requestId, code: translated.code, err: translated.cause ?? error }, translated.message);
    else logger.debug({ requestId, code: translated.code }, translated.message);
    if (response.headersSent || response.destroyed) return;
    const retryAfter = retryAfterSeconds[translated.code];
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    const body: ErrorResponse = {
      error: { code: translated.code, message: translated.message, ...(translated.details ? { details: translated.details } : {}), requestId },
    };
    response.status(status).json(body);
  };
}
