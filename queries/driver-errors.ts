import { NotegraphError, isNotegraphError } from '../common/errors.js';

interface DriverErrorLike {
  code?: string;
  message?: string;
}

function driverCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as DriverErrorLike).code : undefined;
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
  'Neo.ClientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.Terminated',
]);

/** Maps a neo4j-driver error to a NotegraphError by its `code` (never by message text). */
export function translateDriverError(error: unknown): NotegraphError {
  if (isNotegraphError(error)) return error;
  const code = driverCode(error) ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (unavailableCodes.has(code)) {
    return new NotegraphError('DB_UNAVAILABLE', `Neo4j is not reachable: ${message}`, { cause: error });
  }
  if (code === 'Neo.ClientError.Statement.SyntaxError' || code === 'Neo.ClientError.Statement.ParameterMissing') {
    return new NotegraphError('CYPHER_SYNTAX', message, { cause: error, details: { neo4jCode: code } });
  }
  if (timeoutCodes.has(code)) {
    return new NotegraphError('CYPHER_TIMEOUT', 'The query ran past its time limit and was stopped.', { cause: error });
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.')) {
    return new NotegraphError('CYPHER_REFUSED', message, { cause: error, details: { neo4jCode: code } });
  }
  if (code.startsWith('Neo.ClientError.')) {
    return new NotegraphError('BAD_REQUEST', message, { cause: error, details: { neo4jCode: code } });
  }
  return new NotegraphError('DB_ERROR', message, { cause: error, details: code ? { neo4jCode: code } : undefined });
}
