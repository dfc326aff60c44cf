import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from './database.js';
import { toNumber } from './values.js';

export interface GraphCounts {
  sources: number;
  notes: number;
  concepts: number;
  relations: number;
}

/**
 * Node and relationship counts of the live graph, read from the count store (constant time). Relationships are
 * counted from live Notes and Concepts (every relationship of the graph model starts at one), so the generation
 * an ingest is staging, or the one it has just retired, is not counted.
 */
export async function countGraph(db: Database): Promise<GraphCounts> {
  return db.read(readGraphCounts);
}

/** The same counts inside a transaction the caller holds (to read them together with something else). */
export async function readGraphCounts(tx: ManagedTransaction): Promise<GraphCounts> {
  const result = await tx.run(
    `CALL () { MATCH (s:Source) RETURN count(s) AS sources }
     CALL () { MATCH (n:Note) RETURN count(n) AS notes }
     CALL () { MATCH (c:Concept) RETURN count(c) AS concepts }
     CALL () { RETURN COUNT { (:Note)-[]->() } + COUNT { (:Concept)-[]->() } AS relations }
     RETURN sources, notes, concepts, relations`,
  );
  const record = result.records[0];
  return {
    sources: toNumber(record?.get('sources')),
    notes: toNumber(record?.get('notes')),
    concepts: toNumber(record?.get('concepts')),
    relations: toNumber(record?.get('relations')),
  };
}

export interface DatabaseStatus extends GraphCounts {
  version: string;
  edition: string;
  address: string;
}

/**
 * Everything `/api/health` reports, in two round trips: the server info first — it is not retried, so a Neo4j
 * that just died answers 503 at once instead of after the driver's retries of a transaction — then the edition
 * and the counts in one read transaction. Health is polled and must answer quickly while
 * Neo4j is busy, so it costs one transaction, not one per figure.
 */
export async function readDatabaseStatus(db: Database): Promise<DatabaseStatus> {
  const info = await db.serverInfo();
  return db.read(async (tx) => {
    // Both statements are sent at once (Bolt pipelines them): one round trip for the transaction's work.
    const [components, counts] = await Promise.all([tx.run('CALL dbms.components() YIELD edition RETURN edition LIMIT 1'), readGraphCounts(tx)]);
    return { ...info, edition: String(components.records[0]?.get('edition') ?? 'unknown'), ...counts };
  });
}
