import neo4j from 'neo4j-driver';
import { NotegraphError } from '../common/errors.js';

/** A Neo4j Integer as a JS number when it is safe, otherwise as its decimal string. */
export function integerToJson(value: unknown): number | string {
  if (neo4j.isInt(value)) {
    const integer = value as ReturnType<typeof neo4j.int>;
    return integer.inSafeRange() ? integer.toNumber() : integer.toString();
  }
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value as number;
}

/** Reads a count or other integer that is known to be small. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const converted = integerToJson(value);
  return typeof converted === 'number' ? converted : Number(converted);
}

/** A JS number as a Cypher integer: the driver sends plain numbers as floats, which LIMIT and SKIP refuse. */
export function cypherInt(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(value));
}

/** Parameters nest at most this deep (lists and maps); the JSON body parser enforces the same bound. */
export const maxParamDepth = 32;

const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

function outOfRange(): NotegraphError {
  return new NotegraphError('PARAM_OUT_OF_RANGE', 'An integer parameter is outside the 64-bit range Neo4j stores; send it as a string.', {
    details: { limit: 'int64' },
  });
}

/**
 * Request parameters to driver values, iteratively (no recursion on hostile depth): bigint (JSON integers, kept
 * exact by the body parser) become Cypher integers, numbers stay floats, lists and maps are copied.
 */
export function toDriverParams(params: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const pending: { from: unknown; into: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [];
  for (const [key, value] of Object.entries(params)) pending.push({ from: value, into: root, key, depth: 1 });
  while (pending.length > 0) {
    const { from, into, key, depth } = pending.pop()!;
    const target = into as Record<string | number, unknown>;
    if (depth > maxParamDepth) {
      throw new NotegraphError('REQUEST_TOO_NESTED', `Parameters nest deeper than ${maxParamDepth} levels.`, { details: { limit: 'param-nesting', max: maxParamDepth } });
    }
    if (typeof from === 'bigint') {
      if (from < int64.min || from > int64.max) throw outOfRange();
      target[key] = neo4j.int(from.toString());
    } else if (Array.isArray(from)) {
      const list: unknown[] = new Array(from.length);
      target[key] = list;
      from.forEach((item, index) => pending.push({ from: item, into: list, key: index, depth: depth + 1 }));
    } else if (typeof from === 'object' && from !== null) {
      const map: Record<string, unknown> = {};
      target[key] = map;
      for (const [name, item] of Object.entries(from)) pending.push({ from: item, into: map, key: name, depth: depth + 1 });
    } else {
      target[key] = from;
    }
  }
  return root;
}
