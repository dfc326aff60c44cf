/**
 * `window.__notegraph`: a read-only view of the explorer's state for browser tests, the benchmark and the
 * screenshot script. It only reads; every change goes through the page like a user's would.
 */
import type { GraphView, RendererMode } from './graph-view.js';

export interface TestHandle {
  ready(): boolean;
  nodeCount(): number;
  edgeCount(): number;
  visibleNodeCount(): number;
  nodeIds(): string[];
  hasNode(id: string): boolean;
  nodeData(id: string): Record<string, unknown> | null;
  selectedId(): string | null;
  position(id: string): { x: number; y: number } | null;
  renderedPosition(id: string): { x: number; y: number } | null;
  isPinned(id: string): boolean;
  renderer(): RendererMode;
  layoutRunning(): boolean;
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
}

export interface TestHandleSource {
  graph: GraphView;
  ready: () => boolean;
  loads: () => number;
  lastError: () => string | null;
  pathIds: () => string[];
  firstRenderMs: () => number | null;
  lastLayout: () => { ms: number; outcome: string } | null;
}

export function installTestHandle(source: TestHandleSource): void {
  const { graph } = source;
  const handle: TestHandle = Object.freeze({
    ready: source.ready,
    nodeCount: () => graph.counts().nodes,
    edgeCount: () => graph.counts().edges,
    visibleNodeCount: () => graph.counts().visibleNodes,
    nodeIds: () => graph.nodeIds(),
    hasNode: (id: string) => graph.has(id),
    nodeData: (id: string) => graph.nodeData(id),
    selectedId: () => graph.selectedId,
    position: (id: string) => graph.position(id),
    renderedPosition: (id: string) => graph.renderedPosition(id),
    isPinned: (id: string) => graph.isPinned(id),
    renderer: () => graph.renderer,
    layoutRunning: () => graph.layoutRunning,
    loads: source.loads,
    lastError: source.lastError,
    pathIds: source.pathIds,
    firstRenderMs: source.firstRenderMs,
    lastLayout: source.lastLayout,
    viewport: () => graph.viewport(),
    drawCount: () => graph.drawCount(),
  });
  Object.defineProperty(window, '__notegraph', { value: handle, writable: false, configurable: false });
}

declare global {
  interface Window {
    __notegraph?: TestHandle;
  }
}
