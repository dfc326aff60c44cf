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

/** A layout request straight from element definitions, for a graph that is not in Cytoscape yet. */
export function layoutRequestFrom(elements: readonly PlainElement[]): LayoutRequest {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  for (const { group, data } of elements) {
    if (group === 'nodes' && data.id) nodes.push({ id: data.id, size: Number(data.size ?? 30) });
    else if (group === 'edges' && data.id && data.source && data.target) edges.push({ id: data.id, source: data.source, target: data.target });
  }
  return { nodes, edges, quality: layoutQualityFor(nodes.length) };
}
