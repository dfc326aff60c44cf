import type { GraphElements } from '../common/contract.js';
import type { Database } from './database.js';
import { toNumber } from './values.js';

/** The top concepts by rank and the edges among them, in Cytoscape's element shape. */
export async function readOverview(db: Database, limit: number): Promise<GraphElements> {
  return db.read(async (tx) => {
    const nodes = await tx.run(
      `MATCH (c:Concept) WITH c ORDER BY c.rank DESC, c.mentions DESC LIMIT $limit
       RETURN c.id AS id, c.name AS name, c.kind AS kind, c.rank AS rank, c.community AS community, c.mentions AS mentions`,
      { limit: Math.trunc(limit) },
    );
    const ids = nodes.records.map((record) => record.get('id') as string);
    const edges = await tx.run(
      `MATCH (a:Concept)-[r]->(b:Concept) WHERE a.id IN $ids AND b.id IN $ids
       RETURN elementId(r) AS id, a.id AS source, b.id AS target, type(r) AS type, r.weight AS weight`,
      { ids },
    );
    return {
      nodes: nodes.records.map((record) => ({
        data: {
          id: record.get('id'),
          label: record.get('name'),
          kind: record.get('kind') ?? 'concept',
          rank: Number(record.get('rank') ?? 0),
          community: toNumber(record.get('community')),
          mentions: toNumber(record.get('mentions')),
        },
      })),
      edges: edges.records.map((record) => ({
        data: {
          id: record.get('id'),
          source: record.get('source'),
          target: record.get('target'),
          type: record.get('type'),
          weight: Number(record.get('weight') ?? 1),
        },
      })),
    };
  });
}
