import neo4j, { type Driver, type Node, type Record as DriverRecord, type Session, type Transaction } from 'neo4j-driver';
import type { CypherResponse } from '../common/contract.js';
import { NotegraphError, isNotegraphError } from '../common/errors.js';
import type { CypherGrammar } from './cypher-grammar.js';
import { checkCypherFacts } from './cypher-guard.js';
import { analyseCypher } from './cypher-syntax.js';
import { translateDriverError } from './driver-errors.js';
import {
  type CollectedEntities,
  JsonConverter,
  collectEntities,
  edgeData,
  elementIdResolver,
  emptyEntities,
  missingEndpointIds,
  nodeData,
} from './graph-elements.js';
import { ResultBudget } from './result-budget.js';
import { toDriverParams } from './values.js';

/**
 * One console query, inside the console worker: the parse-tree gate, EXPLAIN must say read-only, then the query
 * in the same READ transaction, its records measured against the row cap and the byte budget as they stream.
 * Returns the response as JSON bytes, so the main thread never converts or serialises a large result.
 */
export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  maxResultBytes: number;
  maxNesting: number;
  parseBudgetMs: number;
}

export interface ConsoleJob {
  query: string;
  params: Record<string, unknown>;
  limits: ConsoleLimits;
  requestId: string;
}

export interface ConsoleContext {
  grammar: CypherGrammar;
  driver: Driver;
  database?: string;
  /** Called with the session as soon as it exists, so a cancel can close it (Bolt RESET stops the query). */
  onSession(session: Session): void;
}

const queryTypeNames: Record<string, string> = { r: 'read only', rw: 'read and write', w: 'write only', s: 'schema or administration' };

// EXPLAIN goes on its own line so Neo4j's line/column for the user's text are off by exactly one line.
const explainPrefix = 'EXPLAIN\n';

export async function runConsoleJob(job: ConsoleJob, context: ConsoleContext): Promise<Uint8Array> {
  const startedAt = performance.now();
  checkCypherFacts(analyseCypher(context.grammar, job.query, job.limits));
  const params = toDriverParams(job.params);
  const session = context.driver.session({ database: context.database, defaultAccessMode: neo4j.session.READ });
  context.onSession(session);
  try {
    const remaining = Math.max(100, Math.round(job.limits.timeoutMs - (performance.now() - startedAt)));
    const tx = await session.beginTransaction({ timeout: remaining, metadata: { notegraphRequest: job.requestId } });
    await requireReadOnly(tx, job.query, params);
    const response = await runMeasured(tx, job, params, startedAt);
    await tx.commit();
    // Its own ArrayBuffer (not a slice of Buffer's pool), so the worker can transfer it without a copy.
    return new TextEncoder().encode(JSON.stringify(response));
  } catch (error) {
    throw withUserPosition(translateDriverError(error));
  } finally {
    await session.close().catch(() => undefined);
  }
}

async function requireReadOnly(tx: Transaction, query: string, params: Record<string, unknown>): Promise<void> {
  const queryType = (await tx.run(explainPrefix + query, params)).summary.queryType;
  if (queryType !== 'r') {
    throw new NotegraphError(
      'CYPHER_REFUSED',
      `Only read-only queries may run here; this query is ${queryTypeNames[queryType] ?? queryType} (type '${queryType}').`,
      { details: { queryType, rule: 'read-only' } },
    );
  }
}

type CapReason = 'rows' | 'bytes' | undefined;

async function runMeasured(tx: Transaction, job: ConsoleJob, params: Record<string, unknown>, startedAt: number): Promise<CypherResponse> {
  const budget = new ResultBudget(job.limits.maxResultBytes);
  // Measuring pass: converting each record once against the budget, with provisional element ids.
  const measure = new JsonConverter((id) => id, budget);
  const result = tx.run(job.query, params);
  const records: DriverRecord[] = [];
  const entities = emptyEntities();
  let cappedBy: CapReason;
  for await (const record of result) {
    if (records.length === job.limits.maxRows) {
      cappedBy = 'rows';
      break; // leaving the iterator discards the rest of the stream on the server
    }
    if (!budget.attempt(() => measureRecord(record, entities, measure))) {
      cappedBy = 'bytes';
      break;
    }
    records.push(record);
  }
  const summary = await result.summary();
  const columns = records[0]?.keys.map(String) ?? (await result.keys()).map(String);
  await addMissingEndpoints(tx, entities, budget, measure);
  const idOf = elementIdResolver(entities);
  const converter = new JsonConverter(idOf);
  const response: CypherResponse = {
    columns,
    rows: records.map((record) => [...record.values()].map((value) => converter.value(value))),
    graph: {
      nodes: [...entities.nodes.values()].map((node) => ({ data: nodeData(node, converter) })),
      edges: [...entities.relationships.values()]
        .filter((rel) => entities.nodes.has(rel.startNodeElementId) && entities.nodes.has(rel.endNodeElementId))
        .map((rel) => ({ data: edgeData(rel, converter, idOf) })),
    },
    capped: cappedBy !== undefined,
    summary: {
      queryType: summary.queryType,
      timeMs: Math.round((performance.now() - startedAt) * 10) / 10,
      counters: { ...summary.counters.updates() },
    },
  };
  if (cappedBy) response.cappedBy = cappedBy;
  return response;
}

/** Charges a record's values and its new nodes and relationships (drawn again as graph elements). */
function measureRecord(record: DriverRecord, entities: CollectedEntities, measure: JsonConverter): void {
  const found = emptyEntities();
  for (const value of record.values()) {
    measure.value(value);
    collectEntities(value, found);
  }
  for (const [id, node] of found.nodes) if (!entities.nodes.has(id)) measure.value(node);
  for (const [id, rel] of found.relationships) if (!entities.relationships.has(id)) measure.value(rel);
  for (const [id, node] of found.nodes) entities.nodes.set(id, node);
  for (const [id, rel] of found.relationships) entities.relationships.set(id, rel);
}

/** Like Neo4j Browser, fetches the end nodes of returned relationships so every edge can be drawn (within budget). */
async function addMissingEndpoints(tx: Transaction, entities: CollectedEntities, budget: ResultBudget, measure: JsonConverter): Promise<void> {
  const missing = missingEndpointIds(entities);
  if (missing.length === 0) return;
  const result = await tx.run<{ n: Node }>('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing });
  for (const record of result.records) {
    const node = record.get('n');
    if (!budget.attempt(() => measure.value(node))) return;
    entities.nodes.set(node.elementId, node);
  }
}

/** Neo4j reports positions in the EXPLAIN-prefixed text; shift them back onto the user's query. */
export function withUserPosition(error: NotegraphError): NotegraphError {
  if (!isNotegraphError(error) || error.code !== 'CYPHER_SYNTAX') return error;
  const match = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(error.message);
  if (!match) return error;
  const position = { line: Math.max(1, Number(match[1]) - 1), column: Number(match[2]), offset: Math.max(0, Number(match[3]) - explainPrefix.length) };
  const message = error.message
    .replace(match[0], `(line ${position.line}, column ${position.column} (offset: ${position.offset}))`)
    .replace(/\n"EXPLAIN"\n\s*\^\s*$/u, '');
  return new NotegraphError('CYPHER_SYNTAX', message, { cause: error.cause, details: { ...error.details, position } });
}
