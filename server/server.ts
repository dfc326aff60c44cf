import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Express } from 'express';
import { NotegraphError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { Database } from '../queries/database.js';
import { errorHandler } from './error-handler.js';
import { graphRouter } from './routes/graph.js';
import { healthRouter } from './routes/health.js';

export interface ServerDeps {
  db: Database;
  logger: Logger;
  /** Folder of the built client (vite build); served when it exists. */
  clientDir?: string;
}

export function createApp({ db, logger, clientDir }: ServerDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '100kb' }));
  const api = express.Router();
  api.use(healthRouter(db));
  api.use(graphRouter(db));
  api.use((request) => {
    throw new NotegraphError('NOT_FOUND', `no API route ${request.method} ${request.path}`);
  });
  app.use('/api', api);
  if (clientDir && existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html' }));
    // Deep links (/?concept=…) and unknown paths fall back to the single page.
    app.get(/^(?!\/api\/).*/, (_request, response) => response.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorHandler(logger));
  return app;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one). stop() stops accepting and waits for in-flight requests. */
export function startServer(app: Express, options: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(options.port, options.host);
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host}:${port}`,
        port,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
