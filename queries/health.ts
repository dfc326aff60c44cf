import type { Database } from './database.js';
import { toNumber } from './values.js';

export interface GraphCounts {
  sources: number;
  notes: number;
  concepts: number;
  relations: number;
}

/** Node and relationship counts, read from the count store (constant time). */
export async function countGraph(db: Database): Promise<GraphCounts> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `CALL () { MATCH (s:Source) RETURN count(s) AS sources }
       CALL () { MATCH (n:Note) RETURN count(n) AS notes }
       CALL () { MATCH (c:Concept) RETURN count(c) AS concepts }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relations }
       RETURN sources, notes, concepts, relations`,
    );
    const record = result.records[0];
    return {
      sources: toNumber(record?.get('sources')),
      notes: toNumber(record?.get('notes')),
      concepts: toNumber(record?.get('concepts')),
      relations: toNumber(record?.get('relations')),
    };
  });
}

export interface DatabaseStatus extends GraphCounts {
  version: string;
  edition: string;
  address: string;
}

export async function readDatabaseStatus(db: Database): Promise<DatabaseStatus> {
  const info = await db.serverInfo();
  const edition = await db.read(async (tx) => {
    const result = await tx.run<{ edition: string }>('CALL dbms.components() YIELD edition RETURN edition LIMIT 1');
    return result.records[0]?.get('edition') ?? 'unknown';
  });
  const counts = await countGraph(db);
  return { ...info, edition, ...counts };
}
