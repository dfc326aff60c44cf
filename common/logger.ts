import { pino, type Logger } from 'pino';

export type { Logger };

/** The process logger. Note text, query parameters and secrets are never logged at info level. */
export function createLogger(level: string, name = 'notegraph'): Logger {
  return pino({ name, level });
}
