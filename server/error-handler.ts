import type { ErrorRequestHandler } from 'express';
import { type ErrorCode, NotegraphError, isNotegraphError } from '../common/errors.js';
import type { ErrorResponse } from '../common/contract.js';
import type { Logger } from '../common/logger.js';

/** The one code → HTTP status table. */
export const statusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  CYPHER_SYNTAX: 400,
  CYPHER_REFUSED: 400,
  NOT_FOUND: 404,
  CYPHER_TIMEOUT: 408,
  DB_UNAVAILABLE: 503,
  LOCAL_DB_START_FAILED: 503,
  DB_ERROR: 500,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
};

function asNotegraphError(error: unknown): NotegraphError {
  if (isNotegraphError(error)) return error;
  // body-parser errors carry an HTTP status and a `type`; they are the client's fault.
  const { status, type } = error as { status?: number; type?: string };
  if (type === 'entity.too.large') {
    return new NotegraphError('PAYLOAD_TOO_LARGE', (error as Error).message, { cause: error });
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new NotegraphError('BAD_REQUEST', (error as Error).message, { cause: error });
  }
  return new NotegraphError('INTERNAL', 'Unexpected server error; see the server log.', { cause: error });
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _request, response, _next) => {
    const translated = asNotegraphError(error);
    const status = statusByCode[translated.code];
    // Neo4j down is an outage, reported once by whoever notices it (the supervisor of the bundled Neo4j); a request
    // it fails gets only its request log line (which carries the code), not a stack per request.
    if (status >= 500 && translated.code !== 'DB_UNAVAILABLE') logger.error({ err: error, code: translated.code }, translated.message);
    response.locals.errorCode = translated.code;
    if (status === 503) response.setHeader('Retry-After', '5');
    const body: ErrorResponse = {
      error: { code: translated.code, message: translated.message, ...(translated.details ? { details: translated.details } : {}) },
    };
    response.status(status).json(body);
  };
}
