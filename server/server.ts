import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Express } from 'express';
import { type Config, configSchema } from '../common/config.js';
import { NotegraphError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { Database } from '../queries/database.js';
import { readDatabaseStatus } from '../queries/health.js';
import { ConsoleAdmission, type UserCypherLimits } from '../queries/user-cypher.js';
import { errorHandler } from './error-handler.js';
import { HealthMonitor } from './health-monitor.js';
import { clientStatic, hostCheck, requestId, requestLogger, responseCompression, securityHeaders } from './http-hygiene.js';
import { jsonBody } from './json-body.js';
import { mountRoutes } from './route-spec.js';
import { curationRouter, readOnlyCurationRouter, type CurationRoutesDeps } from './routes/curation.js';
import { apiRoutes } from './routes/index.js';

export interface ServerDeps {
  db: Database;
  logger: Logger;
  /** Folder of the built client (vite build); served when it exists. */
  clientDir?: string;
  /** Settings the API uses (Cypher budgets, allowed host names); each defaults as in common/config.ts. */
  config?: Partial<Pick<Config, ApiSetting>>;
  /** Turn per-request logging off (benchmarks); errors are still logged. */
  requestLogging?: boolean;
  /** Curation commands and live events (server/live-services.ts); without them the API is read-only. */
  curation?: CurationRoutesDeps;
}

type ApiSetting =
  | 'CYPHER_TIMEOUT_MS'
  | 'CYPHER_MAX_ROWS'
  | 'CYPHER_MAX_RESULT_BYTES'
  | 'CYPHER_MAX_QUERY_LENGTH'
  | 'CYPHER_MAX_NESTING'
  | 'CYPHER_MAX_PER_CLIENT'
  | 'CYPHER_MAX_CONCURRENT'
  | 'ALLOWED_HOSTS'
  | 'HOST';

/** Parsing a Cypher text gets at most this long: normal queries parse in well under 100 ms, nested CASE grows cubically. */
const parseBudgetMs = 250;

function cypherLimits(settings: Config): UserCypherLimits {
  return {
    timeoutMs: settings.CYPHER_TIMEOUT_MS,
    maxRows: settings.CYPHER_MAX_ROWS,
    maxResultBytes: settings.CYPHER_MAX_RESULT_BYTES,
    maxQueryLength: settings.CYPHER_MAX_QUERY_LENGTH,
    maxNesting: settings.CYPHER_MAX_NESTING,
    parseBudgetMs: Math.min(parseBudgetMs, settings.CYPHER_TIMEOUT_MS),
    maxPerClient: settings.CYPHER_MAX_PER_CLIENT,
    maxConcurrent: settings.CYPHER_MAX_CONCURRENT,
  };
}

/** The configured host names, plus HOST itself when it names one interface (not 0.0.0.0 or ::). */
function allowedHosts(settings: Config): string[] {
  const host = settings.HOST.includes(':') ? `[${settings.HOST}]` : settings.HOST;
  return ['0.0.0.0', '[::]'].includes(host) ? settings.ALLOWED_HOSTS : [...settings.ALLOWED_HOSTS, host];
}

export function createApp({ db, logger, clientDir, config, requestLogging = true, curation }: ServerDeps): Express {
  const settings: Config = { ...configSchema.parse({}), ...config };
  const limits = cypherLimits(settings);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestId());
  app.use(securityHeaders());
  if (requestLogging) app.use(requestLogger(logger));
  app.use(hostCheck(allowedHosts(settings)));
  app.use(responseCompression());
  app.use(jsonBody('100kb'));
  const health = new HealthMonitor({ probe: () => readDatabaseStatus(db), knownDown: () => db.knownUnreachable });
  const api = mountRoutes(apiRoutes, { db, cypherLimits: limits, consoleAdmission: new ConsoleAdmission(limits), health });
  db.warmConsole();
  api.use(curation ? curationRouter(curation) : readOnlyCurationRouter());
  api.use((request) => {
    throw new NotegraphError('NOT_FOUND', `no API route ${request.method} ${request.path}`);
  });
  app.use('/api', api);
  if (clientDir && existsSync(clientDir)) {
    app.use(clientStatic(clientDir));
    // Deep links (/?concept=…) and unknown paths fall back to the single page.
    app.get(/^(?!\/api\/).*/, (_request, response) => {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(path.join(clientDir, 'index.html'));
    });
  }
  app.use(errorHandler(logger));
  return app;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface StopOptions {
  /** After this long, connections still open are cut. */
  graceMs?: number;
}

/**
 * Listens on host:port (port 0 picks a free one; 127.0.0.1 unless told otherwise). stop() stops accepting,
 * lets in-flight requests finish, closes keep-alive connections as they go idle, and resolves when all are
 * closed. It does not close the database: the composition root owns it.
 */
export function startServer(app: Express, options: { host?: string; port: number } & StopOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(options.port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      let stopping: Promise<void> | undefined;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        port,
        stop: () => (stopping ??= closeGracefully(server, options.graceMs ?? 10_000)),
      });
    });
  });
}

function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((done) => {
    // Keep-alive sockets become idle when their in-flight response ends; sweep them until close completes.
    const sweeper = setInterval(() => server.closeIdleConnections(), 50);
    const cutoff = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweeper);
      clearTimeout(cutoff);
      done();
    });
    server.closeIdleConnections();
  });
}
