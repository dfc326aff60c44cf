import { type ErrorCode, NotegraphError, isNotegraphError } from '../common/errors.js';

/**
 * Maps neo4j-driver errors to NotegraphError by `error.code` (never by message text). Messages that reach a
 * client are Neo4j's own only where they are about the user's query (syntax, semantics, a failed expression),
 * scrubbed of class names, addresses, paths and URLs; everything else gets a fixed sentence. The driver error
 * stays as `cause` for the log.
 */
interface DriverErrorLike {
  code?: string;
  message?: string;
}

function driverCode(error: unknown): string {
  return (typeof error === 'object' && error !== null ? (error as DriverErrorLike).code : undefined) ?? '';
}

const unavailableCodes = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

const timeoutCodes = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

const terminatedCodes = new Set(['Neo.ClientError.Transaction.Terminated', 'Neo.TransientError.Transaction.Terminated']);

/** Memory limits by the last part of their code (Neo4j files some under TransientError, some under ClientError). */
const memoryLimits: Record<string, string> = {
  TransactionOutOfMemoryError: 'db.memory.transaction.max',
  TransactionMemoryLimit: 'db.memory.transaction.max',
  MemoryPoolOutOfMemoryError: 'db.memory.transaction.total.max',
  OutOfMemoryError: 'heap',
};

const syntaxCodes = new Set([
  'Neo.ClientError.Statement.SyntaxError',
  'Neo.ClientError.Statement.SemanticError',
  'Neo.ClientError.Statement.ParameterMissing',
]);

/** Neo4j's message with what must not leave the server taken out, and bounded. */
export function publicMessage(message: string): string {
  return message
    .replace(/\b[a-z][\w+.-]*:\/\/[^\s'"]+/gi, '[url]')
    .replace(/\b(?:[a-z_][\w$]*\.){2,}[A-Z][\w$]*(?:\$[\w$]+)*:?\s?/g, '')
    .replace(/\[?\b(?:\d{1,3}\.){3}\d{1,3}\]?(?::\d+)?|\blocalhost:\d+|\[[0-9a-f:]+\](?::\d+)?/gi, '[address]')
    .replace(/(?:\/[\w.@-]+){2,}\/?/g, '[path]')
    .slice(0, 400);
}

function withCode(code: ErrorCode, message: string, error: unknown, details?: Record<string, unknown>): NotegraphError {
  return new NotegraphError(code, message, { cause: error, details });
}

export function translateDriverError(error: unknown): NotegraphError {
  if (isNotegraphError(error)) return error;
  const code = driverCode(error);
  const message = publicMessage(error instanceof Error ? error.message : String(error));
  const neo4jCode = code ? { neo4jCode: code } : undefined;
  if (unavailableCodes.has(code)) return withCode('DB_UNAVAILABLE', 'Neo4j is not reachable; try again shortly.', error);
  if (timeoutCodes.has(code)) return withCode('CYPHER_TIMEOUT', 'The query ran past its time limit and was stopped.', error);
  if (terminatedCodes.has(code)) return withCode('CYPHER_TERMINATED', 'The query was stopped by someone else (its transaction was terminated).', error);
  const limit = memoryLimits[code.split('.').pop() ?? ''];
  if (limit && code.startsWith('Neo.')) {
    return withCode('CYPHER_MEMORY_LIMIT', `The query needed more memory than Neo4j allows (${limit}); narrow it or add LIMIT.`, error, { limit });
  }
  if (syntaxCodes.has(code)) return withCode('CYPHER_SYNTAX', message, error, neo4jCode);
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.') || code === 'Neo.ClientError.Procedure.ProcedureNotFound') {
    return withCode('CYPHER_REFUSED', message, error, neo4jCode);
  }
  if (code.startsWith('Neo.ClientError.Statement.') || code === 'Neo.DatabaseError.Statement.ExecutionFailed') {
    return withCode('CYPHER_FAILED', message, error, neo4jCode);
  }
  if (code.startsWith('Neo.ClientError.')) return withCode('BAD_REQUEST', message, error, neo4jCode);
  return withCode('DB_ERROR', 'The database could not complete the request; quote the request id when reporting it.', error, neo4jCode);
}
