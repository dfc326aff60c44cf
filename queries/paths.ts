import type { PathResponse } from '../common/contract.js';
import type { Database } from './database.js';
import { conceptProjection, edgeProjection, toConceptNode, toEdge } from './concept-rows.js';
import { cypherInt } from './values.js';

export interface PathQuery {
  from: string;
  to: string;
  /** 1..8; validated by the caller, then written into the pattern because Cypher does not take it as a parameter. */
  maxLength: number;
  maxPaths?: number;
}

type Row = Record<string, unknown>;

/**
 * All shortest paths (up to maxPaths) between two concepts over concept-to-concept edges, typed and
 * co-occurrence. Null when either concept is missing; `found: false` when no path is short enough.
 */
export async function readShortestPaths(db: Database, query: PathQuery): Promise<PathResponse | null> {
  const maxLength = Math.trunc(query.maxLength);
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 8) throw new RangeError('maxLength must be 1..8');
  return db.read(async (tx) => {
    const ends = await tx.run(
      `OPTIONAL MATCH (a:Concept {id: $from}) OPTIONAL MATCH (b:Concept {id: $to})
       RETURN ${conceptProjection('a')} AS a, ${conceptProjection('b')} AS b`,
      { from: query.from, to: query.to },
    );
    const record = ends.records[0];
    if (!record?.get('a') || !record.get('b')) return null;
    if (query.from === query.to) {
      return { found: true, paths: [[query.from]], length: 0, nodes: [toConceptNode(record.get('a'))], edges: [] };
    }
    // Concepts meet Notes only through MENTIONS; excluding it keeps paths on concept-to-concept edges.
    const result = await tx.run(
      `MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
       MATCH p = allShortestPaths((a)-[rels*..${maxLength}]-(b))
       WHERE none(r IN rels WHERE type(r) = 'MENTIONS')
       WITH p LIMIT $maxPaths
       RETURN [n IN nodes(p) | ${conceptProjection('n')}] AS nodes,
              [r IN relationships(p) | ${edgeProjection('r', 'startNode(r)', 'endNode(r)')}] AS edges`,
      { from: query.from, to: query.to, maxPaths: cypherInt(query.maxPaths ?? 10) },
    );
    return toPathResponse(result.records.map((row) => ({ nodes: row.get('nodes') as Row[], edges: row.get('edges') as Row[] })));
  });
}

function toPathResponse(paths: { nodes: Row[]; edges: Row[] }[]): PathResponse {
  const nodes = new Map<string, ReturnType<typeof toConceptNode>>();
  const edges = new Map<string, ReturnType<typeof toEdge>>();
  // Parallel edges (USES and CO_OCCURS between the same pair) give the same node sequence twice: list it once,
  // but keep every edge so the client can draw both.
  const sequences = new Map<string, string[]>();
  for (const path of paths) {
    path.nodes.forEach((row) => nodes.set(String(row.id), toConceptNode(row)));
    path.edges.forEach((row) => edges.set(String(row.id), toEdge(row)));
    const ids = path.nodes.map((row) => String(row.id));
    sequences.set(JSON.stringify(ids), ids);
  }
  return {
    found: paths.length > 0,
    paths: [...sequences.values()],
    length: paths.length > 0 ? paths[0]!.edges.length : null,
    nodes: [...nodes.values()],
    edges: [...edges.values()],
  };
}
