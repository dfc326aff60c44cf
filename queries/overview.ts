import type { GraphElements } from '../common/contract.js';
import type { Database } from './database.js';
import type { ManagedTransaction } from 'neo4j-driver';
import { conceptColumns, edgeColumns, toConceptNode, toEdge } from './concept-rows.js';
import { cypherInt, toNumber } from './values.js';

export interface OverviewFilter {
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

/**
 * Relationships among a set of concepts, both typed and co-occurrence. Starts from each concept by its unique
 * id and checks the far end against the set, so the cost grows with the set's degree, not the graph's size.
 */
export async function readEdgesAmong(tx: ManagedTransaction, ids: string[], minWeight = 0): Promise<GraphElements['edges']> {
  if (ids.length === 0) return [];
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (a:Concept {id: id})-[r]->(b:Concept)
     WHERE b.id IN $ids AND (type(r) <> 'CO_OCCURS' OR coalesce(r.weight, 0) >= $minWeight)
     RETURN ${edgeColumns('r', 'a', 'b')}`,
    { ids, minWeight },
  );
  return result.records.map((record) => toEdge(record.toObject()));
}

/** The top concepts by rank (filtered by kind and community) and the edges among them. */
export async function readOverview(db: Database, filter: OverviewFilter): Promise<Overview> {
  const params = {
    limit: cypherInt(filter.limit),
    kinds: filter.kinds?.length ? filter.kinds : null,
    communities: filter.communities?.length ? filter.communities : null,
  };
  const where = `($kinds IS NULL OR c.kind IN $kinds) AND ($communities IS NULL OR c.community IN $communities)`;
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
    const edges = await readEdgesAmong(tx, nodes.map((node) => node.data.id), filter.minWeight ?? 0);
    return { nodes, edges, totalConcepts: toNumber(top.records[0]?.get('total')) };
  });
}
