/**
 * The one error module. Every failure the product reports has a stable `code`; HTTP status is chosen from the
 * code in server/error-handler.ts, nowhere else. Driver errors are translated in queries/ by `error.code`.
 */
export const errorCodes = [
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'HOST_NOT_ALLOWED',
  'REQUEST_TOO_NESTED',
  'PARAM_OUT_OF_RANGE',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'CYPHER_SYNTAX',
  'CYPHER_REFUSED',
  'QUERY_TOO_LONG',
  'QUERY_TOO_NESTED',
  'QUERY_TOO_COMPLEX',
  'CYPHER_TIMEOUT',
  'CLIENT_CLOSED_REQUEST',
  'CYPHER_TERMINATED',
  'CYPHER_FAILED',
  'CYPHER_MEMORY_LIMIT',
  'RESULT_TOO_LARGE',
  'CYPHER_TOO_MANY',
  'CYPHER_BUSY',
  'DB_BUSY',
  'DB_UNAVAILABLE',
  'DB_ERROR',
  'LOCAL_DB_START_FAILED',
  'CONFIG_INVALID',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class NotegraphError extends Error {
  readonly code: ErrorCode;
  /** Extra machine-readable detail for the client (e.g. the field or the query position). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause });
    this.name = 'NotegraphError';
    this.code = code;
    this.details = options.details;
  }
}

export function isNotegraphError(error: unknown): error is NotegraphError {
  return error instanceof NotegraphError;
}
