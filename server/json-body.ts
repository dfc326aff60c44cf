import express, { type RequestHandler } from 'express';
import { parse } from 'lossless-json';
import { NotegraphError } from '../common/errors.js';

/**
 * JSON request bodies, read so that numbers keep what the JSON text said: `1.0` and `2.5e3` stay floats, `1`
 * becomes an exact integer (a bigint, so 9007199254740993 is not rounded; queries/values.ts makes it a Cypher
 * integer and refuses what does not fit in 64 bits). JSON.parse cannot tell `1.0` from `1` in Node 20, so the
 * body is parsed by lossless-json with a number parser that sees the source text. Nesting is checked first,
 * iteratively, so deep input is refused (422) rather than overflowing a recursive parser.
 */
export const maxBodyDepth = 40;

const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);

/** 415 for a body-carrying request that is not JSON (the explorer and curl -H 'content-type: application/json' are). */
export function requireJson(): RequestHandler {
  return (request, _response, next) => {
    if (!bodyMethods.has(request.method) || request.is('application/json')) return next();
    next(new NotegraphError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json.', {
      details: { received: request.headers['content-type'] ?? null },
    }));
  };
}

/** Deepest `[`/`{` nesting of a JSON text, counted outside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92) index += 1; // backslash: skip the escaped character
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 91 || char === 123) deepest = Math.max(deepest, ++depth);
    else if (char === 93 || char === 125) depth -= 1;
  }
  return deepest;
}

export function parseNumber(text: string): number | bigint {
  return /[.eE]/.test(text) ? Number(text) : BigInt(text);
}

export function parseJsonBody(text: string): unknown {
  if (jsonDepth(text) > maxBodyDepth) {
    throw new NotegraphError('REQUEST_TOO_NESTED', `The JSON body nests deeper than ${maxBodyDepth} levels.`, { details: { limit: 'body-nesting', max: maxBodyDepth } });
  }
  try {
    return parse(text, undefined, parseNumber);
  } catch (error) {
    throw new NotegraphError('BAD_REQUEST', `The body is not valid JSON: ${(error as Error).message.slice(0, 120)}`, { cause: error });
  }
}

export function jsonBody(limit: string): RequestHandler[] {
  return [
    requireJson(),
    express.text({ type: 'application/json', limit }),
    (request, _response, next) => {
      if (typeof request.body !== 'string') return next();
      try {
        request.body = request.body.trim() === '' ? undefined : parseJsonBody(request.body);
        next();
      } catch (error) {
        next(error);
      }
    },
  ];
}
