import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../common/logger.js';

/**
 * Security headers for the built client. Scripts only from our origin (Vite emits no inline script; see
 * vite.config.ts). Styles need 'unsafe-inline': CodeMirror injects <style> elements and Cytoscape sets inline
 * styles. Images may be data:/blob: URLs (PNG export). The server speaks plain HTTP on loopback, so no HSTS
 * and no upgrade-insecure-requests.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
  });
}

export function responseCompression(): RequestHandler {
  return compression() as unknown as RequestHandler;
}

/**
 * One log line per request: method, path without its query string, status and time. Query parameters (search
 * terms, ids) and bodies (Cypher, note text) never reach the log at info level.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : 'info',
    // pino-http invents an Error with a stack for every 5xx; the error handler logs real ones, so keep this line
    // short and name the error code instead (one short line per request while Neo4j is down).
    customErrorObject: (_request: IncomingMessage, response: ServerResponse, _error: Error, value: Record<string, unknown>) => {
      const { err: _synthetic, ...rest } = value;
      return { ...rest, code: (response as ServerResponse & { locals?: { errorCode?: string } }).locals?.errorCode };
    },
    serializers: {
      req: (request: { id?: unknown; method?: string; url?: string }) => ({
        id: request.id,
        method: request.method,
        path: (request.url ?? '').split('?')[0],
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
  }) as unknown as RequestHandler;
}

const oneYear = 365 * 24 * 60 * 60;

/** Cache policy for the built client: hashed assets forever, index.html revalidated on every load. */
export function cacheControlFor(filePath: string): string {
  if (filePath.split(path.sep).includes('assets')) return `public, max-age=${oneYear}, immutable`;
  if (filePath.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600';
}

export function clientStatic(clientDir: string): RequestHandler {
  return express.static(clientDir, {
    index: 'index.html',
    setHeaders: (response, filePath) => response.setHeader('Cache-Control', cacheControlFor(filePath)),
  });
}
