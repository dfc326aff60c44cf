import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { NotegraphError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';

/** A short random id per request, in the X-Request-Id header, the log lines and error bodies. */
export function requestId(): RequestHandler {
  return (request, response, next) => {
    const id = randomBytes(6).toString('hex');
    (request as IncomingMessage & { id?: string }).id = id;
    response.setHeader('X-Request-Id', id);
    next();
  };
}

/** The host name of a Host header: `[::1]:8080` → `[::1]`, `Example.org:80` → `example.org`. */
export function hostName(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? '';
}

/**
 * Answers only requests whose Host header names this server. A page on another site that re-points its own
 * name at 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused before any route runs.
 */
export function hostCheck(allowed: readonly string[]): RequestHandler {
  const names = new Set(allowed.map((name) => name.toLowerCase()));
  return (request, _response, next) => {
    const host = request.headers.host;
    if (host && names.has(hostName(host))) return next();
    next(new NotegraphError('HOST_NOT_ALLOWED', 'This server does not answer to that host name; see ALLOWED_HOSTS.'));
  };
}

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
    genReqId: (request) => (request as IncomingMessage & { id?: string }).id ?? randomBytes(6).toString('hex'),
    // 503 and 504 answers are logged by the error handler, one short line each (server/error-handler.ts).
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      response.statusCode === 503 || response.statusCode === 504 ? 'silent' : error || response.statusCode >= 500 ? 'error' : 'info',
    // pino-http invents an Error with a stack for every 5xx; the error handler logs real ones, so keep this line
    // short and name the error code instead.
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
