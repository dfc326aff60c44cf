import { UndirectedGraph } from 'graphology';
import louvainImport from 'graphology-communities-louvain';
import pagerankImport from 'graphology-metrics/centrality/pagerank.js';
import type { CoOccurrence, Relation } from './types.js';

// Both packages are CommonJS with `export default` typings: under NodeNext the type is the module object while
// the runtime value is the function itself. Take whichever is callable.
type DefaultOf<T> = T extends { default: infer D } ? D : T;
const louvain = ((louvainImport as { default?: unknown }).default ?? louvainImport) as DefaultOf<typeof louvainImport>;
const pagerank = ((pagerankImport as { default?: unknown }).default ?? pagerankImport) as DefaultOf<typeof pagerankImport>;

/** A small seeded PRNG (mulberry32): Louvain visits nodes in random order, and communities must not change between runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Analysis {
  rank: Map<string, number>;
  community: Map<string, number>;
}

/**
 * Rank and communities (Louvain) over the concept graph: co-occurrence edges weighted by NPMI times shared
 * notes, typed relations added on top. Rank blends PageRank (how central a concept is among the others) with
 * its termhood salience from discovery (how much it is a topic of these notes), each scaled to [0, 1]: a
 * concept everything co-occurs with is not automatically the top topic. Deterministic for the same input.
 */
export function analyseGraph(conceptIds: string[], cooccurrences: CoOccurrence[], relations: Relation[], salience: ReadonlyMap<string, number> = new Map()): Analysis {
  const graph = new UndirectedGraph<Record<string, unknown>, { weight: number }>({ allowSelfLoops: false });
  for (const id of [...conceptIds].sort()) graph.addNode(id);
  const addWeight = (a: string, b: string, weight: number) => {
    if (a === b || !graph.hasNode(a) || !graph.hasNode(b) || weight <= 0) return;
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (value) => (value ?? 0) + weight);
    else graph.addEdge(a, b, { weight });
  };
  for (const edge of cooccurrences) addWeight(edge.source, edge.target, edge.score * Math.log2(1 + edge.notes));
  for (const relation of relations) addWeight(relation.source, relation.target, relation.weight);
  const rank = new Map<string, number>();
  const community = new Map<string, number>();
  if (graph.order === 0) return { rank, community };
  const ranks = pagerank(graph, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 200, tolerance: 1e-9 });
  const communities = graph.size > 0 ? louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(42) }) : {};
  const maxRank = Object.values(ranks).reduce((max, value) => Math.max(max, value), 1e-12);
  const maxSalience = conceptIds.reduce((max, id) => Math.max(max, salience.get(id) ?? 0), 1e-12);
  const weightOfSalience = salience.size > 0 ? 0.8 : 0;
  graph.forEachNode((id) => {
    const blended = (1 - weightOfSalience) * ((ranks[id] ?? 0) / maxRank) + weightOfSalience * ((salience.get(id) ?? 0) / maxSalience);
    rank.set(id, Math.round(blended * 1e6) / 1e6);
    community.set(id, communities[id] ?? -1);
  });
  return { rank, community };
}
