/**
 * `window.__notegraph`: a read-only view of the explorer's state for browser tests, the benchmark and the
 * screenshot script. It reads the view-model (what the page believes is on screen) and, separately, what
 * Cytoscape drew (`drawn`), so tests can check that the two agree. Every change goes through the page like a
 * user's would.
 */
import type { Explorer } from './explorer.js';
import type { DrawnState, RendererMode } from './graph/graph-view.js';

export interface TestHandle {
  ready(): boolean;
  nodeCount(): number;
  edgeCount(): number;
  visibleNodeCount(): number;
  nodeIds(): string[];
  visibleNodeIds(): string[];
  hasNode(id: string): boolean;
  nodeData(id: string): Record<string, unknown> | null;
  selectedId(): string | null;
  /** Live events (notes changed, graph recomputed, another window's correction) received and shown so far. */
  liveUpdates(): { received: number; applied: number };
  /** Loaded edges as "source TYPE target", sorted. */
  edgeList(): string[];
  /** Concepts picked besides the selection (Shift/Ctrl/Cmd+click), in the order picked. */
  pickedIds(): string[];
  position(id: string): { x: number; y: number } | null;
  positions(): Record<string, { x: number; y: number }>;
  renderedPosition(id: string): { x: number; y: number } | null;
  isPinned(id: string): boolean;
  renderer(): RendererMode;
  layoutRunning(): boolean;
  /** 'overview', 'local' or 'cypher': which graph is loaded. */
  baseView(): string;
  /** Increments each time a graph finishes loading and its layout is settled. */
  loads(): number;
  lastError(): string | null;
  pathIds(): string[];
  /** performance.now() of the first frame drawn after the first graph loaded (ms since navigation), or null. */
  firstRenderMs(): number | null;
  /** How long the last finished layout took, in ms, and how it ended. */
  lastLayout(): { ms: number; outcome: string } | null;
  /** Pan (rendered px) and zoom of the view. */
  viewport(): { pan: { x: number; y: number }; zoom: number };
  /** How many frames Cytoscape has drawn (the benchmark's frame counter). */
  drawCount(): number;
  /** What Cytoscape drew: element counts, visible node ids, label boxes and font sizes on screen. */
  drawn(): DrawnState;
  legendCommunities(): { community: number; name: string; color: string }[];
}

export function installTestHandle(explorer: Explorer): void {
  const { graph, vm } = explorer;
  const handle: TestHandle = Object.freeze({
    ready: () => explorer.loaded && !graph.layoutRunning,
    nodeCount: () => vm.size.nodes,
    edgeCount: () => vm.size.edges,
    visibleNodeCount: () => vm.visible.nodes.size,
    nodeIds: () => vm.nodeIds(),
    visibleNodeIds: () => [...vm.visible.nodes],
    hasNode: (id: string) => vm.has(id),
    nodeData: (id: string) => {
      const data = vm.node(id);
      return data ? { ...data } : null;
    },
    selectedId: () => vm.selected,
    pickedIds: () => [...vm.picked],
    liveUpdates: () => explorer.curation?.liveUpdates() ?? { received: 0, applied: 0 },
    edgeList: () => vm.edgeIds().map((id) => vm.edgeData(id)).flatMap((edge) => (edge ? [`${edge.source} ${edge.type} ${edge.target}`] : [])).sort(),
    position: (id: string) => {
      const position = vm.position(id);
      return position ? { ...position } : null;
    },
    positions: () => Object.fromEntries(vm.nodeIds().flatMap((id) => (vm.position(id) ? [[id, { ...vm.position(id)! }]] : []))),
    renderedPosition: (id: string) => graph.renderedPosition(id),
    isPinned: (id: string) => vm.pinned.has(id),
    renderer: () => graph.renderer,
    layoutRunning: () => graph.layoutRunning,
    baseView: () => explorer.base.kind,
    loads: () => explorer.loadCount,
    lastError: () => explorer.lastErrorText,
    pathIds: () => explorer.paths.highlighted,
    firstRenderMs: () => explorer.firstRenderMs,
    lastLayout: () => explorer.lastLayout,
    viewport: () => {
      const { pan, zoom } = graph.viewport();
      return { pan, zoom };
    },
    drawCount: () => graph.drawCount(),
    drawn: () => graph.drawn(),
    legendCommunities: () => vm.communitiesOnScreen().map(({ community, name, color }) => ({ community, name, color })),
  });
  Object.defineProperty(window, '__notegraph', { value: handle, writable: false, configurable: false });
}

declare global {
  interface Window {
    __notegraph?: TestHandle;
  }
}
