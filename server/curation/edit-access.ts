import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { NotegraphError } from '../../common/errors.js';

/**
 * Who may change the graph. Curation commands are accepted only from the explorer's own page: the browser's
 * `Sec-Fetch-Site` must say same-origin and `Origin` must name this server, so no other site can make a
 * visitor's browser change the graph. On a loopback server the `Host` must be a loopback name too (a page on
 * another domain resolving to 127.0.0.1 — DNS rebinding — is refused). A server listening on anything else
 * edits only with the configured token (`Authorization: Bearer …`); without one it is read-only.
 */
export interface EditAccess {
  mode: 'open' | 'token' | 'read-only';
  host: string;
  /** sha256 of the edit token, compared in constant time. */
  tokenDigest?: Buffer;
}

const loopbackNames = new Set(['localhost', '::1', '[::1]', '::ffff:127.0.0.1']);

export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase();
  return loopbackNames.has(name) || name.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(name);
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function editAccessFor(host: string, token: string | undefined): EditAccess {
  if (isLoopbackHost(host)) return { mode: 'open', host };
  return token ? { mode: 'token', host, tokenDigest: digest(token) } : { mode: 'read-only', host };
}

export function accessMessage(access: EditAccess): string {
  if (access.mode === 'open') return 'Corrections are saved to notegraph-lexicon.yaml and notegraph-relations.yaml in the notes folder.';
  if (access.mode === 'token') return 'This server is reachable from the network: corrections need the edit token.';
  return `This server listens on ${access.host} without NOTEGRAPH_EDIT_TOKEN, so the graph is read-only.`;
}

/** The host name of a Host header or an origin's host (port and IPv6 brackets handled). */
function hostName(hostHeader: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader);
  if (bracketed) return bracketed[1]!;
  return hostHeader.replace(/:\d+$/, '');
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Throws FORBIDDEN or UNAUTHORIZED unless a request with these headers may run a curation command. */
export function checkEditRequest(access: EditAccess, headers: IncomingHttpHeaders): void {
  if (access.mode === 'read-only') throw new NotegraphError('FORBIDDEN', accessMessage(access));
  const host = header(headers, 'host') ?? '';
  const fetchSite = header(headers, 'sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin') {
    throw new NotegraphError('FORBIDDEN', 'curation commands are accepted only from the explorer itself (cross-site request refused)');
  }
  const origin = header(headers, 'origin');
  let originHost: string | undefined;
  try {
    originHost = origin ? new URL(origin).host : undefined;
  } catch {
    originHost = undefined;
  }
  if (!originHost || originHost.toLowerCase() !== host.toLowerCase()) {
    throw new NotegraphError('FORBIDDEN', 'curation commands are accepted only from the explorer itself (Origin missing or not this server)');
  }
  if (access.mode === 'open' && !isLoopbackHost(hostName(host))) {
    throw new NotegraphError('FORBIDDEN', 'this server edits only when reached by a loopback name (localhost, 127.0.0.1)');
  }
  if (access.mode === 'token') {
    const given = /^Bearer\s+(.+)$/i.exec(header(headers, 'authorization') ?? '')?.[1]?.trim();
    if (!given || !timingSafeEqual(digest(given), access.tokenDigest!)) {
      throw new NotegraphError('UNAUTHORIZED', 'this server needs the edit token (NOTEGRAPH_EDIT_TOKEN) to change the graph');
    }
  }
  if (!/^application\/json\b/i.test(header(headers, 'content-type') ?? '')) {
    throw new NotegraphError('BAD_REQUEST', 'curation commands are JSON (Content-Type: application/json)');
  }
}

export function requireEditAccess(access: EditAccess): RequestHandler {
  return (request, _response, next) => {
    checkEditRequest(access, request.headers);
    next();
  };
}
