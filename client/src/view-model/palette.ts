/** Shapes by kind: a pure lookup shared by graph and legend (colours are per community, communities.ts). */

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
