import type { GraphElements, NoteTimeRange } from '../common/contract.js';
import type { Database } from './database.js';
import type { ManagedTransaction } from 'neo4j-driver';
import { conceptColumns, edgeColumns, hasTimeRange, noteInTimeRange, timeRangeParams, toConceptNode, toEdge, type TimeRangeParams } from './concept-rows.js';
import { cypherInt, toNumber } from './values.js';

export interface OverviewFilter extends NoteTimeRange {
  limit: number;
  kinds?: string[];
  communities?: number[];
  /** Co-occurrence edges lighter than this are left out; typed relations always stay. */
  minWeight?: number;
}

export interface Overview extends GraphElements {
  /** Concepts that matched the filter before the limit. */
  totalConcepts: number;
}

export interface EdgeFilter {
  /** Co-occurrence edges lighter than this are left out. */
  minWeight?: number;
  /** Only these relationship types; absent or empty means all. */
  types?: string[];
  /** Only edges whose two concepts share a note in this range. */
  time?: TimeRangeParams;
}

/**
 * Relationships among a set of concepts, both typed and co-occurrence. Starts from each concept by its unique
 * id and checks the far end against the set, so the cost grows with the set's degree, not the graph's size.
 */
export async function readEdgesAmong(tx: ManagedTransaction, ids: string[], filter: EdgeFilter = {}): Promise<GraphElements['edges']> {
  if (ids.length === 0) return [];
  const time = filter.time && hasTimeRange(filter.time) ? filter.time : null;
  const inRange = time ? `AND EXISTS { MATCH (a)<-[:MENTIONS]-(n:Note)-[:MENTIONS]->(b) WHERE ${noteInTimeRange('n')} }` : '';
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (a:Concept {id: id})-[r]->(b:Concept)
     WHERE b.id IN $ids AND (type(r) <> 'CO_OCCURS' OR coalesce(r.weight, 0) >= $minWeight)
       AND ($types IS NULL OR type(r) IN $types) ${inRange}
     RETURN ${edgeColumns('r', 'a', 'b')}`,
    { ids, minWeight: filter.minWeight ?? 0, types: filter.types?.length ? filter.types : null, ...(time ?? {}) },
  );
  return result.records.map((record) => toEdge(record.toObject()));
}

/**
 * The top concepts by rank (filtered by kind and community) and the edges among them. With a time range, only
 * concepts mentioned by a note in the range, and only edges whose concepts share such a note.
 */
export async function readOverview(db: Database, filter: OverviewFilter): Promise<Overview> {
  const time = timeRangeParams(filter);
  const params = {
    limit: cypherInt(filter.limit),
    kinds: filter.kinds?.length ? filter.kinds : null,
    communities: filter.communities?.length ? filter.communities : null,
    ...time,
  };
  const inRange = hasTimeRange(time) ? `AND EXISTS { MATCH (n:Note)-[:MENTIONS]->(c) WHERE ${noteInTimeRange('n')} }` : '';
  const where = `($kinds IS NULL OR c.kind IN $kinds) AND ($communities IS NULL OR c.community IN $communities) ${inRange}`;
  return db.read(async (tx) => {
    // The total rides along as a column of the top query: one round trip instead of two.
    const top = await tx.run(
      `CALL () { MATCH (c:Concept) WHERE ${where} RETURN count(c) AS total }
       MATCH (c:Concept) WHERE ${where}
       WITH total, c ORDER BY c.rank DESC, c.mentions DESC, c.id LIMIT $limit
       RETURN total, ${conceptColumns('c')}`,
      params,
    );
    const nodes = top.records.map((record) => toConceptNode(record.toObject()));
    const edges = await readEdgesAmong(tx, nodes.map((node) => node.data.id), { minWeight: filter.minWeight, time });
    return { nodes, edges, totalConcepts: toNumber(top.records[0]?.get('total')) };
  });
}
