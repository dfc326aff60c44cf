import type { ManagedTransaction } from 'neo4j-driver';
import type { NeighborsResponse, NodeData } from '../common/contract.js';
import type { Database } from './database.js';
import { conceptColumns, toConceptNode } from './concept-rows.js';
import { readEdgesAmong } from './overview.js';

export interface NeighborsOptions {
  depth: number;
  limit: number;
  /** Only follow relationships of these types (typed relations and/or CO_OCCURS); absent or empty means all. */
  types?: string[];
}

/**
 * The neighbourhood of a concept for "expand": breadth-first, one query per level (a variable-length pattern
 * would enumerate every path, which explodes around hubs). Nearer concepts win over farther ones, then rank.
 * At most `limit` neighbours come back, plus the edges among them and the centre. Null when the concept is missing.
 */
export async function readNeighbors(db: Database, id: string, options: NeighborsOptions): Promise<NeighborsResponse | null> {
  return db.read(async (tx) => {
    const center = await tx.run(`MATCH (c:Concept {id: $id}) RETURN ${conceptColumns('c')}`, { id });
    const centerRecord = center.records[0];
    if (!centerRecord) return null;
    const seen = new Set([id]);
    const reached: { data: NodeData }[] = [];
    let frontier = [id];
    for (let level = 1; level <= options.depth && frontier.length > 0; level += 1) {
      const next = await readNextLevel(tx, frontier, [...seen], options.types?.length ? options.types : null);
      next.forEach((node) => seen.add(node.data.id));
      reached.push(...next);
      frontier = next.map((node) => node.data.id);
    }
    const kept = reached.slice(0, options.limit);
    const nodes = [toConceptNode(centerRecord.toObject()), ...kept];
    const edges = await readEdgesAmong(tx, nodes.map((node) => node.data.id), { types: options.types });
    return { center: id, nodes, edges, capped: reached.length > kept.length, total: reached.length };
  });
}

async function readNextLevel(tx: ManagedTransaction, frontier: string[], seen: string[], types: string[] | null): Promise<{ data: NodeData }[]> {
  const result = await tx.run(
    `UNWIND $frontier AS fid
     MATCH (:Concept {id: fid})-[r]-(b:Concept)
     WHERE NOT b.id IN $seen AND ($types IS NULL OR type(r) IN $types)
     WITH DISTINCT b
     RETURN ${conceptColumns('b')}
     ORDER BY b.rank DESC, b.mentions DESC, b.id`,
    { frontier, seen, types },
  );
  return result.records.map((record) => toConceptNode(record.toObject()));
}
