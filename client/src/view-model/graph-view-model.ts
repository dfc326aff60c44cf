/**
 * What is on screen, in one place: the concepts and edges loaded, their positions, the filters, selection,
 * hover, pins and community colours. The legend, the filter drawer, the keyboard and the label planner read
 * it; the graph view only draws what it says and reports gestures back. Nothing here is read out of Cytoscape.
 */
import type { EdgeDefinition, NodeDefinition } from 'cytoscape';
import type { GraphElements, NodeData } from '../../../common/contract.js';
import { assignCommunityColors, communityName, otherCommunityColor } from './communities.js';
import { scalesFor, toEdgeDefinition, toNodeDefinition, type ConceptNodeData, type GraphScales, type RelationEdgeData } from './elements.js';
import { communitiesBySize, keepsEdge, keepsNode, kindsPresent, noFilters, requiredDegree, type Filters } from './filters.js';
import { ringPositions, type Point } from './placement.js';

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

export interface CommunityEntry {
  community: number;
  name: string;
  color: string;
  count: number;
}

export class GraphViewModel {
  private readonly nodes = new Map<string, ConceptNodeData>();
  private readonly edges = new Map<string, RelationEdgeData>();
  private readonly positions = new Map<string, Point>();
  private colors = new Map<number, string>();
  private visibility: Visibility = { nodes: new Set(), edges: new Set() };
  scales: GraphScales = { rank: { min: 0, max: 1 }, weight: { max: 1 } };
  filters: Filters = noFilters;
  selected: string | null = null;
  hovered: string | null = null;
  readonly pinned = new Set<string>();
  /** Concepts picked besides the selection (Shift/Ctrl/Cmd+click), in the order picked: "Merge into…" offers them. */
  picked: string[] = [];
  /**
   * Whether the degree filters apply: in the overview, where concepts without an edge among the top ones are
   * noise; not in a local graph or a Cypher result, which show exactly what was asked for.
   */
  degreeFilters = true;
  /**
   * Level of detail for big graphs: at most this many concepts are drawn, the highest ranked overall plus,
   * once zoomed in, the highest ranked inside the view. Drawing 20,000 nodes and 80,000 edges in one frame
   * freezes the page for seconds and pans at a few frames per second.
   */
  drawBudget = { nodes: Number.POSITIVE_INFINITY, edges: Number.POSITIVE_INFINITY };
  private viewBox: { x1: number; y1: number; x2: number; y2: number } | null = null;

  /** Replaces everything (a new overview, local graph or Cypher result), shown through `filters` when given. */
  replace(graph: GraphElements, options: { degreeFilters?: boolean; filters?: Filters } = {}): { nodes: NodeDefinition[]; edges: EdgeDefinition[] } {
    this.degreeFilters = options.degreeFilters ?? true;
    // Set before the nodes arrive, so visibility is worked out once (20,000 nodes sorted by rank per pass).
    if (options.filters) this.filters = options.filters;
    this.viewBox = null;
    this.nodes.clear();
    this.edges.clear();
    this.positions.clear();
    this.pinned.clear();
    this.picked = [];
    this.selected = null;
    this.hovered = null;
    this.scales = scalesFor(graph);
    this.colors = assignCommunityColors(graph.nodes.map((node) => ({ ...node.data })));
    return this.add(graph);
  }

  /**
   * Adds what is not there yet (edges only when both ends are), new nodes placed on rings around `anchor`, and
   * returns their definitions for the view.
   */
  add(graph: GraphElements, anchor?: string): { nodes: NodeDefinition[]; edges: EdgeDefinition[] } {
    const freshNodes = graph.nodes.filter((node) => !this.nodes.has(node.data.id));
    this.colors = assignCommunityColors(freshNodes.map((node) => ({ ...node.data })), this.colors);
    const center = anchor ? this.positions.get(anchor) : undefined;
    const rings = center ? ringPositions(center, freshNodes.length) : [];
    const nodes = freshNodes.map((node, index) => {
      const definition = toNodeDefinition(node, this.scales, this.colorOf(node.data.community));
      this.nodes.set(node.data.id, definition.data as ConceptNodeData);
      const position = rings[index];
      if (position) {
        this.positions.set(node.data.id, position);
        definition.position = { ...position };
      }
      return definition;
    });
    const edges = graph.edges
      .filter((edge) => !this.edges.has(edge.data.id) && this.nodes.has(edge.data.source) && this.nodes.has(edge.data.target))
      .map((edge) => {
        const definition = toEdgeDefinition(edge, this.scales);
        this.edges.set(edge.data.id, definition.data as RelationEdgeData);
        return definition;
      });
    this.refreshVisibility();
    return { nodes, edges };
  }

  remove(ids: string[]): void {
    for (const id of ids) {
      this.nodes.delete(id);
      this.edges.delete(id);
      this.positions.delete(id);
      this.pinned.delete(id);
    }
    for (const [id, edge] of this.edges) if (!this.nodes.has(edge.source) || !this.nodes.has(edge.target)) this.edges.delete(id);
    if (this.selected && !this.nodes.has(this.selected)) this.selected = null;
    this.picked = this.picked.filter((id) => this.nodes.has(id));
    this.refreshVisibility();
  }

  /** New data for loaded concepts (renamed, another kind, rank or community); returns their new definitions. */
  update(nodes: readonly NodeData[]): NodeDefinition[] {
    const loaded = nodes.filter((node) => this.nodes.has(node.id));
    this.colors = assignCommunityColors(loaded.map((node) => ({ ...node })), this.colors);
    const definitions = loaded.map((node) => toNodeDefinition({ data: node }, this.scales, this.colorOf(node.community)));
    for (const definition of definitions) this.nodes.set(String(definition.data.id), definition.data as ConceptNodeData);
    this.refreshVisibility();
    return definitions;
  }

  /** Loaded edges with their ends (what a fresh answer from the server is compared with). */
  edgeEnds(): { id: string; source: string; target: string }[] {
    return [...this.edges].map(([id, edge]) => ({ id, source: edge.source, target: edge.target }));
  }

  /** Adds a concept to the picked ones, or takes it out again; the selection itself is never picked. */
  togglePicked(id: string): void {
    if (!this.nodes.has(id) || id === this.selected) return;
    this.picked = this.picked.includes(id) ? this.picked.filter((other) => other !== id) : [...this.picked, id];
    this.refreshVisibility();
  }

  clearPicked(): void {
    this.picked = [];
    this.refreshVisibility();
  }

  colorOf(community: number | undefined): string {
    return community === undefined ? otherCommunityColor : (this.colors.get(community) ?? otherCommunityColor);
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  node(id: string): ConceptNodeData | undefined {
    return this.nodes.get(id);
  }

  edgeData(id: string): RelationEdgeData | undefined {
    return this.edges.get(id);
  }

  nodeIds(): string[] {
    return [...this.nodes.keys()];
  }

  edgeIds(): string[] {
    return [...this.edges.keys()];
  }

  get size(): { nodes: number; edges: number } {
    return { nodes: this.nodes.size, edges: this.edges.size };
  }

  setPositions(positions: Record<string, Point>): void {
    for (const [id, position] of Object.entries(positions)) if (this.nodes.has(id)) this.positions.set(id, { ...position });
  }

  position(id: string): Point | undefined {
    return this.positions.get(id);
  }

  setFilters(filters: Filters): void {
    this.filters = filters;
    this.refreshVisibility();
  }

  /**
   * Recomputes what is shown: nodes the kind/community filters keep, then edges the weight filter keeps between
   * shown nodes, then nodes with too few shown edges hidden (isolated ones by default). The selection and pinned
   * nodes always stay.
   */
  private refreshVisibility(): void {
    const keptNodes = new Set([...this.nodes].filter(([, data]) => keepsNode(this.filters, data)).map(([id]) => id));
    const keptEdges = [...this.edges].filter(([, data]) => keptNodes.has(data.source) && keptNodes.has(data.target) && keepsEdge(this.filters, data));
    const degree = new Map<string, number>();
    for (const [, data] of keptEdges) {
      degree.set(data.source, (degree.get(data.source) ?? 0) + 1);
      degree.set(data.target, (degree.get(data.target) ?? 0) + 1);
    }
    const need = this.degreeFilters ? requiredDegree(this.filters) : 0;
    const must = (id: string): boolean => id === this.selected || this.pinned.has(id) || this.picked.includes(id);
    const nodes = this.withinBudget(new Set([...keptNodes].filter((id) => (degree.get(id) ?? 0) >= need || must(id))), must);
    let edges = keptEdges.filter(([, data]) => nodes.has(data.source) && nodes.has(data.target));
    if (edges.length > this.drawBudget.edges) edges = [...edges].sort(([, a], [, b]) => (b.weight ?? 0) - (a.weight ?? 0)).slice(0, this.drawBudget.edges);
    this.visibility = { nodes, edges: new Set(edges.map(([id]) => id)) };
    this.rankOrder = null;
  }

  /**
   * The top-ranked `drawBudget.nodes`, plus as many of the highest ranked inside the view once zoomed in. A view
   * that still shows the whole graph (the fit after a load) adds none: "inside the view" would be everything, and
   * drawing twice the budget in the first moments is what froze the page.
   */
  private withinBudget(nodes: Set<string>, must: (id: string) => boolean): Set<string> {
    if (nodes.size <= this.drawBudget.nodes) return nodes;
    const byRank = [...nodes].map((id) => this.nodes.get(id)!).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
    const kept = new Set(byRank.slice(0, this.drawBudget.nodes).map((node) => node.id));
    const box = this.viewBox;
    if (box && !this.showsEverything(box, nodes)) {
      let extra = 0;
      for (const node of byRank) {
        if (extra >= this.drawBudget.nodes) break;
        const position = this.positions.get(node.id);
        if (!position || kept.has(node.id) || position.x < box.x1 || position.x > box.x2 || position.y < box.y1 || position.y > box.y2) continue;
        kept.add(node.id);
        extra += 1;
      }
    }
    for (const id of nodes) if (must(id)) kept.add(id);
    return kept;
  }

  private showsEverything(box: { x1: number; y1: number; x2: number; y2: number }, nodes: Set<string>): boolean {
    for (const id of nodes) {
      const position = this.positions.get(id);
      if (position && (position.x < box.x1 || position.x > box.x2 || position.y < box.y1 || position.y > box.y2)) return false;
    }
    return true;
  }

  /** True when not everything passing the filters can be drawn: the view decides more as the user zooms. */
  get overBudget(): boolean {
    return this.nodes.size > this.drawBudget.nodes;
  }

  /** The part of the graph in view (graph units), for the level of detail; returns whether visibility changed. */
  setViewBox(box: { x1: number; y1: number; x2: number; y2: number } | null): boolean {
    if (!this.overBudget) return false;
    const before = this.visibility;
    this.viewBox = box;
    this.refreshVisibility();
    return before.nodes.size !== this.visibility.nodes.size || [...this.visibility.nodes].some((id) => !before.nodes.has(id));
  }

  select(id: string | null): void {
    this.selected = id && this.nodes.has(id) ? id : null;
    this.picked = this.picked.filter((other) => other !== this.selected);
    this.refreshVisibility();
  }

  togglePin(id: string): boolean {
    if (this.pinned.has(id)) this.pinned.delete(id);
    else if (this.nodes.has(id)) this.pinned.add(id);
    return this.pinned.has(id);
  }

  get visible(): Visibility {
    return this.visibility;
  }

  isVisible(id: string): boolean {
    return this.visibility.nodes.has(id) || this.visibility.edges.has(id);
  }

  /** Visible neighbours of a node with their positions (arrow-key moves, hover). */
  neighbours(id: string): { id: string; position: Point }[] {
    const result: { id: string; position: Point }[] = [];
    for (const edgeId of this.visibility.edges) {
      const edge = this.edges.get(edgeId)!;
      const other = edge.source === id ? edge.target : edge.target === id ? edge.source : null;
      const position = other ? this.positions.get(other) : undefined;
      if (other && position && !result.some((item) => item.id === other)) result.push({ id: other, position });
    }
    return result;
  }

  /** Edge ids touching a node, among the visible ones. */
  edgesOf(id: string): string[] {
    return [...this.visibility.edges].filter((edgeId) => {
      const edge = this.edges.get(edgeId)!;
      return edge.source === id || edge.target === id;
    });
  }

  private visibleNodeData(): ConceptNodeData[] {
    return [...this.visibility.nodes].map((id) => this.nodes.get(id)!);
  }

  /** Communities of the visible nodes, largest first, named by their top concepts (legend). */
  communitiesOnScreen(): CommunityEntry[] {
    const shown = this.visibleNodeData();
    return communitiesBySize(shown).map(({ community, count }) => ({ community, count, color: this.colorOf(community), name: communityName(shown, community) }));
  }

  /** Communities of every loaded node (filter choices: a filtered-out community must stay tickable). */
  communitiesLoaded(): CommunityEntry[] {
    const all = [...this.nodes.values()];
    return communitiesBySize(all).map(({ community, count }) => ({ community, count, color: this.colorOf(community), name: communityName(all, community) }));
  }

  kindsLoaded(): string[] {
    return kindsPresent([...this.nodes.values()]);
  }

  kindsOnScreen(): string[] {
    return kindsPresent(this.visibleNodeData());
  }

  /** Visible nodes by rank, highest first (kept until visibility changes: labels ask on every viewport move). */
  visibleByRank(): ConceptNodeData[] {
    this.rankOrder ??= this.visibleNodeData().sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.rankOrder;
  }

  private rankOrder: ConceptNodeData[] | null = null;
}
