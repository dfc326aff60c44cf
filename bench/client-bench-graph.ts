/** Synthetic graphs for the client benchmark: deterministic, community-structured, 4 edges per node. */
import type { GraphResponse } from '../common/contract.js';
import { seededRandom } from '../client/src/graph/layout/seeded-random.js';

/** n concepts in √n communities; each node links to 4 earlier ones, mostly inside its community. */
export function syntheticGraph(n: number): GraphResponse {
  const next = seededRandom(n);
  const communities = Math.max(1, Math.round(Math.sqrt(n) / 2));
  const kinds = ['project', 'component', 'concept', 'tool', 'command', 'protocol'];
  const nodes = Array.from({ length: n }, (_, i) => ({
    data: { id: `s${i}`, label: `concept ${i}`, kind: kinds[i % kinds.length]!, rank: next() ** 3, community: i % communities, mentions: 1 },
  }));
  const edges: GraphResponse['edges'] = [];
  for (let i = 1; i < n; i += 1) {
    for (let k = 0; k < 4 && edges.length < 4 * n; k += 1) {
      const sameCommunity = next() < 0.8;
      let j = Math.floor(next() * i);
      if (sameCommunity) j = Math.max(0, j - (j % communities) + (i % communities));
      if (j >= i) j = Math.floor(next() * i);
      edges.push({ data: { id: `e${i}-${k}`, source: `s${i}`, target: `s${j}`, type: k === 0 && i % 25 === 0 ? 'USES' : 'CO_OCCURS', weight: 1 + Math.floor(next() * 9) } });
    }
  }
  return { nodes, edges, capped: false, totalConcepts: n };
}
