/** Colours and shapes: communities get colours, kinds get shapes. Pure lookups, shared by graph and legend. */

// Twelve hues that stay distinguishable on light and dark backgrounds (Tableau-like, slightly deepened).
export const communityColors = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#8cd17d', '#86bcb6', '#d37295',
] as const;

export const noCommunityColor = '#9aa0a6';

export function communityColor(community: number | undefined | null): string {
  if (community === undefined || community === null || !Number.isFinite(community) || community < 0) return noCommunityColor;
  return communityColors[Math.trunc(community) % communityColors.length] ?? noCommunityColor;
}

/** Cytoscape node shapes, all of which the WebGL renderer can draw (it rasterises bodies into textures). */
export type NodeShape = 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'rectangle' | 'octagon' | 'star' | 'tag' | 'barrel';

export const kindShapes: Record<string, NodeShape> = {
  project: 'hexagon',
  component: 'round-rectangle',
  protocol: 'diamond',
  concept: 'ellipse',
  tool: 'octagon',
  command: 'tag',
  language: 'triangle',
  organization: 'star',
  format: 'barrel',
  note: 'rectangle',
};

export function kindShape(kind: string): NodeShape {
  return kindShapes[kind] ?? 'ellipse';
}
