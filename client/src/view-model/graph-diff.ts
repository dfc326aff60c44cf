/**
 * How a fresh answer from the server changes what is loaded, without reloading the view: after a correction
 * (the neighbourhoods of the concepts it touched) and after notes changed (the overview again, the concepts a
 * re-ingest added or removed). Pure: what is loaded and the fresh answer in, a diff out; the explorer applies
 * it to the view-model and the view-model to Cytoscape, so layout, selection and pins survive.
 */
import type { GraphElements, NodeData } from '../../../common/contract.js';

export interface LoadedGraph {
  nodes: ReadonlySet<string>;
  edges: Iterable<{ id: string; source: string; target: string }>;
}

export interface FreshAnswer {
  elements: GraphElements;
  /**
   * The loaded edges this answer is complete for: one of them missing from the answer is gone (its relation was
   * removed, or it was rewritten under a new id).
   */
  covers(edge: { source: string; target: string }): boolean;
  /**
   * Concepts of the answer to add although they are not loaded: everything for an overview, the concept a
   * correction focused on. Others are added only when linked to something loaded (a relation just added).
   */
  include(id: string): boolean;
}

export interface GraphDiff {
  /** Node and edge ids to take out. */
  remove: string[];
  /** Fresh data of loaded concepts (a new name, kind, rank or community). */
  update: NodeData[];
  /** What to add, grouped by the loaded concept new nodes are placed around (none: the middle of the view). */
  add: { anchor?: string; elements: GraphElements }[];
}

const sameNode = (a: NodeData, b: NodeData | undefined): boolean =>
  b !== undefined && a.label === b.label && a.kind === b.kind && a.rank === b.rank && a.community === b.community && a.mentions === b.mentions;

/** Nodes of the answer that are to be added, each with the loaded (or already added) concept it links to. */
function placeNew(answer: FreshAnswer, loaded: LoadedGraph, removed: ReadonlySet<string>): Map<string, string | undefined> {
  const present = (id: string) => loaded.nodes.has(id) && !removed.has(id);
  const linked = new Map<string, string>();
  for (const edge of answer.elements.edges) {
    const { source, target } = edge.data;
    if (present(source) && !present(target) && !linked.has(target)) linked.set(target, source);
    if (present(target) && !present(source) && !linked.has(source)) linked.set(source, target);
  }
  const placed = new Map<string, string | undefined>();
  for (const node of answer.elements.nodes) {
    const id = node.data.id;
    if (present(id) || removed.has(id)) continue;
    if (answer.include(id) || linked.has(id)) placed.set(id, linked.get(id));
  }
  return placed;
}

export function diffGraph(loaded: LoadedGraph, answers: readonly FreshAnswer[], gone: readonly string[] = [], current: (id: string) => NodeData | undefined = () => undefined): GraphDiff {
  const removed = new Set(gone.filter((id) => loaded.nodes.has(id)));
  const freshEdges = new Set(answers.flatMap((answer) => answer.elements.edges.map((edge) => edge.data.id)));
  const removedEdges = [...loaded.edges]
    .filter((edge) => !removed.has(edge.source) && !removed.has(edge.target) && !freshEdges.has(edge.id) && answers.some((answer) => answer.covers(edge)))
    .map((edge) => edge.id);
  const update = new Map<string, NodeData>();
  const additions = new Map<string, { anchor?: string; nodes: Map<string, { data: NodeData }> }>();
  for (const answer of answers) {
    for (const node of answer.elements.nodes) {
      if (loaded.nodes.has(node.data.id) && !removed.has(node.data.id) && !sameNode(node.data, current(node.data.id))) update.set(node.data.id, node.data);
    }
    for (const [id, anchor] of placeNew(answer, loaded, removed)) {
      const key = anchor ?? '';
      const group = additions.get(key) ?? { anchor, nodes: new Map() };
      group.nodes.set(id, answer.elements.nodes.find((node) => node.data.id === id)!);
      additions.set(key, group);
    }
  }
  // Fresh edges an answer is complete for, or that reach a concept being added, go with the additions (the
  // view-model keeps those whose two ends are loaded). Others may be loaded under another id: left alone.
  const added = new Set([...additions.values()].flatMap((group) => [...group.nodes.keys()]));
  const edges = new Map<string, GraphElements['edges'][number]>();
  for (const answer of answers) {
    for (const edge of answer.elements.edges) {
      if (answer.covers(edge.data) || added.has(edge.data.source) || added.has(edge.data.target)) edges.set(edge.data.id, edge);
    }
  }
  const groups = [...additions.values()].map((group) => ({ anchor: group.anchor, elements: { nodes: [...group.nodes.values()], edges: [] as GraphElements['edges'] } }));
  const add = groups.length > 0 ? groups : [{ elements: { nodes: [], edges: [] } }];
  add[add.length - 1]!.elements.edges = [...edges.values()];
  return { remove: [...removed, ...removedEdges], update: [...update.values()], add };
}

/** The answer for an overview (or a local graph): its concepts are shown, edges among them are complete. */
export function wholeGraphAnswer(elements: GraphElements): FreshAnswer {
  const ids = new Set(elements.nodes.map((node) => node.data.id));
  return { elements, covers: (edge) => ids.has(edge.source) && ids.has(edge.target), include: (id) => ids.has(id) };
}

/**
 * The answer for one concept's neighbourhood (depth 1): its edges are complete unless the answer was capped,
 * then only those to neighbours it returned.
 */
export function neighbourhoodAnswer(center: string, elements: GraphElements & { capped?: boolean }, include: (id: string) => boolean): FreshAnswer {
  const ids = new Set(elements.nodes.map((node) => node.data.id));
  const touches = (edge: { source: string; target: string }) => edge.source === center || edge.target === center;
  return {
    elements,
    covers: (edge) => touches(edge) && (!elements.capped || ids.has(edge.source === center ? edge.target : edge.source)),
    include,
  };
}
