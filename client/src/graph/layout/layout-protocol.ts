/** Messages between the page and the layout worker. Positions travel as plain numbers keyed by node id. */
export interface LayoutNode {
  id: string;
  size: number;
  /** Pinned nodes keep this position (fcose fixed-node constraint). */
  fixed?: { x: number; y: number };
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** 'draft' for big graphs: fewer iterations, the page gets positions sooner. */
  quality: 'draft' | 'default' | 'proof';
  /** Seeds the layout's random numbers, so the same graph opens the same way. */
  seed: number;
}

export type LayoutReply =
  | { type: 'done'; positions: Record<string, { x: number; y: number }>; ms: number }
  | { type: 'error'; message: string };

export function layoutQualityFor(nodeCount: number): LayoutRequest['quality'] {
  if (nodeCount > 3000) return 'draft';
  return nodeCount > 300 ? 'default' : 'proof';
}

/** The element shape the page holds (Cytoscape's ElementDefinition, structurally), without importing Cytoscape. */
interface PlainElement {
  group?: 'nodes' | 'edges';
  data: { id?: string; source?: string; target?: string; size?: unknown };
}

/** FNV-1a over the text: a seed that is the same for the same graph. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A request with nodes and edges in id order and a seed from the graph's ids, so the same graph gets the same
 * layout whatever order the API listed it in (stable layout: two loads, the same positions).
 */
export function layoutRequest(nodes: LayoutNode[], edges: LayoutEdge[]): LayoutRequest {
  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sortedNodes = [...nodes].sort(byId);
  const sortedEdges = [...edges].sort(byId);
  const seed = seedOf(`${sortedNodes.map((node) => node.id).join('\n')}|${sortedEdges.map((edge) => `${edge.source}>${edge.target}`).join('\n')}`);
  return { nodes: sortedNodes, edges: sortedEdges, quality: layoutQualityFor(nodes.length), seed };
}

/** A layout request straight from element definitions, for a graph that is not in Cytoscape yet. */
export function layoutRequestFrom(elements: readonly PlainElement[]): LayoutRequest {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  for (const { group, data } of elements) {
    if (group === 'nodes' && data.id) nodes.push({ id: data.id, size: Number(data.size ?? 30) });
    else if (group === 'edges' && data.id && data.source && data.target) edges.push({ id: data.id, source: data.source, target: data.target });
  }
  return layoutRequest(nodes, edges);
}
