import neo4j, { type ManagedTransaction, type Node } from 'neo4j-driver';
import type { CypherResponse } from '../common/contract.js';
import { NotegraphError, isNotegraphError } from '../common/errors.js';
import { checkUserCypher } from './cypher-guard.js';
import type { Database, Params } from './database.js';
import {
  type CollectedEntities,
  collectEntities,
  elementIdResolver,
  emptyEntities,
  entitiesToElements,
  missingEndpointIds,
  toJsonValue,
} from './graph-elements.js';

export interface UserCypherLimits {
  timeoutMs: number;
  maxRows: number;
}

const queryTypeNames: Record<string, string> = { r: 'read only', rw: 'read and write', w: 'write only', s: 'schema or administration' };

// EXPLAIN goes on its own line so Neo4j's line/column for the user's text are off by exactly one line.
const explainPrefix = 'EXPLAIN\n';

/**
 * Runs a user's Cypher safely: static refusals first, then EXPLAIN in a READ transaction must report query
 * type `r`, then the query runs in the same READ transaction with a timeout, reading at most maxRows + 1 rows.
 */
export async function runUserCypher(db: Database, query: string, params: Params, limits: UserCypherLimits): Promise<CypherResponse> {
  checkUserCypher(query);
  const driverParams = toDriverParams(params) as Params;
  const startedAt = performance.now();
  try {
    return await db.read(
      async (tx) => {
        await requireReadOnly(tx, query, driverParams);
        return await runCapped(tx, query, driverParams, limits.maxRows, startedAt);
      },
      { timeoutMs: limits.timeoutMs },
    );
  } catch (error) {
    throw withUserPosition(error);
  }
}

async function requireReadOnly(tx: ManagedTransaction, query: string, params: Params): Promise<void> {
  const explained = await tx.run(explainPrefix + query, params);
  const queryType = explained.summary.queryType;
  if (queryType !== 'r') {
    throw new NotegraphError(
      'CYPHER_REFUSED',
      `Only read-only queries may run here; this query is ${queryTypeNames[queryType] ?? queryType} (type '${queryType}').`,
      { details: { queryType, rule: 'read-only' } },
    );
  }
}

async function runCapped(tx: ManagedTransaction, query: string, params: Params, maxRows: number, startedAt: number): Promise<CypherResponse> {
  const result = tx.run(query, params);
  const records = [];
  let capped = false;
  for await (const record of result) {
    if (records.length === maxRows) {
      capped = true;
      break; // leaving the iterator discards the rest of the stream on the server
    }
    records.push(record);
  }
  const summary = await result.summary();
  const columns = records[0]?.keys.map(String) ?? (await result.keys()).map(String);
  const entities = emptyEntities();
  for (const record of records) collectEntities([...record.values()], entities);
  await addMissingEndpoints(tx, entities);
  const idOf = elementIdResolver(entities);
  return {
    columns,
    rows: records.map((record) => [...record.values()].map((value) => toJsonValue(value, idOf))),
    graph: entitiesToElements(entities),
    capped,
    summary: {
      queryType: summary.queryType,
      timeMs: Math.round((performance.now() - startedAt) * 10) / 10,
      counters: { ...summary.counters.updates() },
    },
  };
}

/** Like Neo4j Browser, fetches the end nodes of returned relationships so every edge can be drawn. */
async function addMissingEndpoints(tx: ManagedTransaction, entities: CollectedEntities): Promise<void> {
  const missing = missingEndpointIds(entities);
  if (missing.length === 0) return;
  const result = await tx.run<{ n: Node }>('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing });
  for (const record of result.records) collectEntities(record.get('n'), entities);
}

/** JSON numbers that are whole become Cypher integers, so `LIMIT $n` and `range(0, $n)` work. */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toDriverParams(item)]));
  }
  return value;
}

/** Neo4j reports positions in the EXPLAIN-prefixed text; shift them back onto the user's query. */
export function withUserPosition(error: unknown): unknown {
  if (!isNotegraphError(error) || error.code !== 'CYPHER_SYNTAX') return error;
  const match = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(error.message);
  if (!match) return error;
  const position = { line: Math.max(1, Number(match[1]) - 1), column: Number(match[2]), offset: Math.max(0, Number(match[3]) - explainPrefix.length) };
  const message = error.message
    .replace(match[0], `(line ${position.line}, column ${position.column} (offset: ${position.offset}))`)
    .replace(/\n"EXPLAIN"\n\s*\^\s*$/u, '');
  return new NotegraphError('CYPHER_SYNTAX', message, { cause: error.cause, details: { ...error.details, position } });
}
