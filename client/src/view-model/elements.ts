/**
 * API graph data → Cytoscape element definitions. Pure: sizes, colours, shapes and classes are computed here
 * and carried in `data`, so the stylesheet only maps data fields and tests can check the result directly.
 */
import type { EdgeDefinition, NodeDefinition } from 'cytoscape';
import type { EdgeData, GraphElements, NodeData } from '../../../common/contract.js';
import { coOccursType, isTypedRelationType } from '../../../common/graph-model.js';
import { otherCommunityColor } from './communities.js';
import { kindShape } from './palette.js';

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

/** Typed relations are the graph model's table; anything else from a Cypher result (MENTIONS, IN) is 'other'. */
export function edgeClass(type: string): 'typed' | 'co-occurs' | 'other' {
  if (type === coOccursType) return 'co-occurs';
  return isTypedRelationType(type) ? 'typed' : 'other';
}

export function isTypedRelation(type: string): boolean {
  return edgeClass(type) === 'typed';
}

export interface ConceptNodeData extends NodeData {
  displayLabel: string;
  size: number;
  color: string;
  shape: string;
  /** Label font size and outline in graph units; the view sets them so labels keep one size on screen. */
  fontSize: number;
  outline: number;
  /** Vertical label offset (graph units) when the planner moved a label away from its node. */
  labelShift: number;
  labelShiftX: number;
}

export interface RelationEdgeData extends EdgeData {
  width: number;
  displayLabel: string;
}

/** Labels start hidden: the label planner (labels.ts) decides which are drawn. */
export function toNodeDefinition(node: { data: NodeData }, scales: GraphScales, color: string = otherCommunityColor): NodeDefinition {
  const data: ConceptNodeData = {
    ...node.data,
    displayLabel: shortLabel(node.data.label ?? node.data.id),
    size: sizeFromRank(node.data.rank, scales.rank),
    color,
    shape: kindShape(node.data.kind),
    fontSize: 12,
    outline: 2,
    labelShift: 0,
    labelShiftX: 0,
  };
  return { group: 'nodes', data, classes: [`kind-${node.data.kind}`, 'no-label'] };
}

export function toEdgeDefinition(edge: { data: EdgeData }, scales: GraphScales): EdgeDefinition {
  const kind = edgeClass(edge.data.type);
  const data: RelationEdgeData = {
    ...edge.data,
    width: kind === 'co-occurs' ? widthFromWeight(edge.data.weight, scales.weight) : Math.max(2, widthFromWeight(edge.data.weight, scales.weight)),
    displayLabel: kind === 'co-occurs' ? '' : edge.data.type,
  };
  return { group: 'edges', data, classes: [kind] };
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
