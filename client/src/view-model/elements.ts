/**
 * API graph data → Cytoscape element definitions. Pure: sizes, colours, shapes and classes are computed here
 * and carried in `data`, so the stylesheet only maps data fields and tests can check the result directly.
 */
import type { EdgeDefinition, NodeDefinition } from 'cytoscape';
import type { EdgeData, GraphElements, NodeData } from '../../../common/contract.js';
import { communityColor, kindShape } from './palette.js';

export interface RankScale {
  min: number;
  max: number;
}

export interface WeightScale {
  max: number;
}

export interface GraphScales {
  rank: RankScale;
  weight: WeightScale;
}

export const nodeSize = { min: 16, max: 56 } as const;
export const edgeWidth = { min: 1, max: 8 } as const;
const labelMaxChars = 28;

export function scalesFor(graph: GraphElements): GraphScales {
  const ranks = graph.nodes.map((node) => node.data.rank ?? 0);
  const weights = graph.edges.map((edge) => edge.data.weight ?? 1);
  return {
    rank: { min: ranks.length ? Math.min(...ranks) : 0, max: ranks.length ? Math.max(...ranks) : 1 },
    weight: { max: weights.length ? Math.max(...weights) : 1 },
  };
}

/** Square-root scaling keeps hubs big without dwarfing everything else. */
export function sizeFromRank(rank: number | undefined, scale: RankScale): number {
  const span = scale.max - scale.min;
  const t = span > 0 ? Math.min(1, Math.max(0, ((rank ?? scale.min) - scale.min) / span)) : 0.5;
  return Math.round(nodeSize.min + (nodeSize.max - nodeSize.min) * Math.sqrt(t));
}

export function widthFromWeight(weight: number | undefined, scale: WeightScale): number {
  const t = scale.max > 0 ? Math.min(1, Math.max(0, (weight ?? 1) / scale.max)) : 0;
  return Math.round((edgeWidth.min + (edgeWidth.max - edgeWidth.min) * Math.sqrt(t)) * 10) / 10;
}

/** Long names are cut so labels stay readable; the full name is in the panel. Counts code points (CJK-safe). */
export function shortLabel(label: string): string {
  const chars = Array.from(label);
  return chars.length > labelMaxChars ? `${chars.slice(0, labelMaxChars - 1).join('')}…` : label;
}

export function isTypedRelation(type: string): boolean {
  return type !== 'CO_OCCURS';
}

export interface ConceptNodeData extends NodeData {
  displayLabel: string;
  size: number;
  color: string;
  shape: string;
}

export interface RelationEdgeData extends EdgeData {
  width: number;
  displayLabel: string;
}

export function toNodeDefinition(node: { data: NodeData }, scales: GraphScales): NodeDefinition {
  const data: ConceptNodeData = {
    ...node.data,
    displayLabel: shortLabel(node.data.label ?? node.data.id),
    size: sizeFromRank(node.data.rank, scales.rank),
    color: communityColor(node.data.community),
    shape: kindShape(node.data.kind),
  };
  return { group: 'nodes', data, classes: [`kind-${node.data.kind}`] };
}

export function toEdgeDefinition(edge: { data: EdgeData }, scales: GraphScales): EdgeDefinition {
  const typed = isTypedRelation(edge.data.type);
  const data: RelationEdgeData = {
    ...edge.data,
    width: typed ? Math.max(2, widthFromWeight(edge.data.weight, scales.weight)) : widthFromWeight(edge.data.weight, scales.weight),
    displayLabel: typed ? edge.data.type : '',
  };
  return { group: 'edges', data, classes: [typed ? 'typed' : 'co-occurs'] };
}

/**
 * All elements for a graph. Edges whose endpoints are missing are dropped (Cytoscape refuses them), so a
 * capped API answer never breaks the view.
 */
export function toElements(graph: GraphElements, scales: GraphScales = scalesFor(graph), existingNodeIds: ReadonlySet<string> = new Set()): {
  nodes: NodeDefinition[];
  edges: EdgeDefinition[];
} {
  const nodes = graph.nodes.map((node) => toNodeDefinition(node, scales));
  const ids = new Set([...existingNodeIds, ...graph.nodes.map((node) => node.data.id)]);
  const edges = graph.edges
    .filter((edge) => ids.has(edge.data.source) && ids.has(edge.data.target))
    .map((edge) => toEdgeDefinition(edge, scales));
  return { nodes, edges };
}
