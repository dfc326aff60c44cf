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
