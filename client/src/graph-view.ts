/**
 * The one module that touches Cytoscape. Everything it draws comes from view-model element definitions; it
 * reports user gestures through callbacks and exposes read-only state for the rest of the page and for tests.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { addInSlices, type ChunkedAdd } from './chunked-add.js';
import { LayoutRunner, type LayoutJob } from './layout/layout-runner.js';
import { layoutQualityFor, layoutRequestFrom } from './layout/layout-protocol.js';
import { gridPositions, ringPositions, type Point } from './view-model/placement.js';
import { hintsFor, hintsKey, largeGraphNodes, rendererOptions, type RenderingHints } from './view-model/rendering.js';
import { buildStylesheet, type Theme } from './view-model/style.js';

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'grid';
export type RendererMode = 'canvas' | 'webgl';

export interface GraphViewEvents {
  onSelect(id: string | null): void;
  onExpand(id: string): void;
  onLayout(state: LayoutState): void;
}

export interface LayoutState {
  running: boolean;
  elapsedMs: number;
  nodeCount: number;
  /** While a big graph arrives after its layout: how many of its elements are on screen so far. */
  drawing?: { added: number; total: number };
  outcome?: 'done' | 'stopped' | 'error';
  message?: string;
}

export interface GraphViewOptions {
  theme: Theme;
  /** Node count from which the WebGL renderer is used (when the browser has WebGL2). */
  webglThreshold: number;
  /** Forces a renderer regardless of size (URL `renderer=`; used by the benchmark). */
  forceRenderer?: RendererMode;
  /** Forces rendering hints regardless of size (URL `hints=`; used by the benchmark). */
  forceHints?: RenderingHints;
}

/** 'hardware', 'software' (SwiftShader, llvmpipe: WebGL drawn by the CPU) or 'none'. */
export function webgl2Support(): 'hardware' | 'software' | 'none' {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(renderer) ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}

export class GraphView {
  private cy: Core;
  private mode: RendererMode = 'canvas';
  private hints: RenderingHints = hintsFor(0);
  private readonly layouts = new LayoutRunner();
  private focus = false;
  private progressTimer: number | undefined;
  private pendingCenter: string | null = null;
  /** A big graph's elements still being added slice by slice (loadLarge). */
  private population: ChunkedAdd | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphViewEvents,
    private options: GraphViewOptions,
  ) {
    this.cy = this.create([], 'canvas', this.hints);
  }

  get core(): Core {
    return this.cy;
  }

  get renderer(): RendererMode {
    return this.mode;
  }

  get layoutRunning(): boolean {
    return this.layouts.running || this.population !== null;
  }

  private create(elements: ElementDefinition[], mode: RendererMode, hints: RenderingHints): Core {
    this.mode = mode;
    this.hints = hints;
    const cy = cytoscape({
      container: this.container,
      elements,
      style: this.stylesheet(),
      layout: { name: 'grid' },
      // Cytoscape reads renderer options from the top level too; `webgl` equals renderer: { name: 'canvas', webgl }.
      ...rendererOptions(hints, mode === 'webgl'),
      wheelSensitivity: 0.3,
      minZoom: 0.02,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (event) => this.select((event.target as NodeSingular).id()));
    cy.on('tap', (event) => {
      if (event.target === cy) this.select(null);
    });
    cy.on('dbltap', 'node', (event) => this.events.onExpand((event.target as NodeSingular).id()));
    return cy;
  }

  /**
   * WebGL above the threshold, but only on a real GPU: software WebGL is slower than the canvas renderer
   * (measured by bench/client-bench.ts). `?renderer=` forces either.
   */
  private modeFor(nodeCount: number): RendererMode {
    const support = (this.webgl ??= webgl2Support());
    if (this.options.forceRenderer) return this.options.forceRenderer === 'webgl' && support !== 'none' ? 'webgl' : 'canvas';
    return nodeCount >= this.options.webglThreshold && support === 'hardware' ? 'webgl' : 'canvas';
  }

  private webgl: ReturnType<typeof webgl2Support> | undefined;

  private stylesheet(): cytoscape.StylesheetJson {
    const { simpleEdges, sparseLabels } = this.hints;
    return buildStylesheet(this.options.theme, { webgl: this.mode === 'webgl', simpleEdges, sparseLabels });
  }

  /**
   * Replaces the whole graph. Renderer and rendering hints are chosen by size; both are init options, so
   * Cytoscape is rebuilt when they change.
   */
  load(elements: ElementDefinition[], layout: LayoutName): void {
    const started = performance.now();
    this.layouts.stop();
    this.cancelPopulation();
    const hadSelection = this.selectedId !== null;
    const nodeCount = elements.filter((element) => element.group === 'nodes').length;
    const mode = this.modeFor(nodeCount);
    const hints = this.options.forceHints ?? hintsFor(nodeCount);
    if (layout === 'fcose' && nodeCount >= largeGraphNodes) {
      this.loadLarge(elements, mode, hints);
      if (hadSelection) this.events.onSelect(null);
      return;
    }
    if (mode !== this.mode || hintsKey(hints) !== hintsKey(this.hints)) {
      this.cy.destroy();
      this.cy = this.create(elements, mode, hints);
    } else {
      this.cy.batch(() => {
        this.cy.elements().remove();
        this.cy.add(elements);
      });
      this.cy.layout({ name: 'grid', fit: true }).run();
    }
    if (hadSelection) this.events.onSelect(null);
    // Main-thread cost of each step, for the benchmark (performance.getEntriesByType('measure')).
    performance.measure('graph: add elements', { start: started });
    this.measureNextFrame('graph: first draw');
    this.runLayout(layout);
  }

  /**
   * A big graph is never drawn before its layout: drawing a preview of 25,000 elements costs seconds of frozen
   * page and is thrown away. Plain data goes to the worker; the finished positions then arrive slice by slice
   * (chunked-add.ts), so no main-thread task grows with the graph. A stopped or failed layout falls back to a grid.
   */
  private loadLarge(elements: ElementDefinition[], mode: RendererMode, hints: RenderingHints): void {
    const started = performance.now();
    this.cy.destroy();
    this.cy = this.create([], mode, hints);
    const request = layoutRequestFrom(elements);
    performance.measure('graph: prepare', { start: started });
    const job = this.layouts.start(request);
    const report = this.trackLayout(job, request.nodes.length);
    void job.result.then((reply) => {
      const positions = reply.type === 'done' ? reply.positions : gridPositions(request.nodes.map((node) => node.id));
      if (reply.type === 'done') this.measureWorker(reply.ms);
      const placed = elements.map((element) => (element.group === 'nodes' && element.data.id ? { ...element, position: positions[element.data.id] } : element));
      const outcome = reply.type === 'done' ? 'done' : reply.type === 'stopped' ? 'stopped' : 'error';
      if (reply.type === 'stopped' && this.cy.destroyed()) return;
      this.populate(placed, (added, total) => report({ running: true, drawing: { added, total } }), () =>
        report({ running: false, outcome, message: reply.type === 'error' ? reply.message : undefined }),
      );
    });
  }

  private populate(elements: ElementDefinition[], progress: (added: number, total: number) => void, finished: () => void): void {
    const started = performance.now();
    const population = addInSlices(this.cy, elements, progress);
    this.population = population;
    void population.done.then((complete) => {
      if (this.population === population) this.population = null;
      if (!complete) return;
      performance.measure('graph: add in slices', { start: started });
      this.fitOrCenterPending();
      this.measureNextFrame('graph: draw laid-out graph');
      finished();
    });
  }

  private cancelPopulation(): void {
    this.population?.cancel();
    this.population = null;
  }

  /** From now until the next frame has been drawn (Cytoscape's rAF callback runs before ours in that frame). */
  private measureNextFrame(name: string): void {
    const start = performance.now();
    requestAnimationFrame(() => performance.measure(name, { start }));
  }

  /** Adds elements, placing new nodes in rings around `anchorId`; existing nodes keep their positions. */
  add(elements: ElementDefinition[], anchorId?: string): { nodeIds: string[]; edgeIds: string[] } {
    const fresh = elements.filter((element) => element.data.id !== undefined && this.cy.getElementById(element.data.id).empty());
    const newNodes = fresh.filter((element) => element.group === 'nodes');
    const anchor = anchorId ? this.cy.getElementById(anchorId) : this.cy.collection();
    const center: Point = anchor.nonempty() ? anchor.position() : this.viewportCenter();
    const positions = ringPositions(center, newNodes.length);
    newNodes.forEach((node, index) => {
      node.position = positions[index];
    });
    const added = this.cy.add(fresh);
    return { nodeIds: added.nodes().map((node) => node.id()), edgeIds: added.edges().map((edge) => edge.id()) };
  }

  remove(ids: string[]): void {
    this.cy.batch(() => {
      for (const id of ids) this.cy.getElementById(id).remove();
    });
  }

  private viewportCenter(): Point {
    const extent = this.cy.extent();
    return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  select(id: string | null): void {
    this.cy.nodes(':selected').unselect();
    if (id && this.has(id)) this.cy.getElementById(id).select();
    this.applyFocus();
    this.events.onSelect(id && this.has(id) ? id : null);
  }

  get selectedId(): string | null {
    const selected = this.cy.nodes(':selected');
    return selected.nonempty() ? selected.first().id() : null;
  }

  /** Brings a node and its neighbourhood into view; while a layout runs, does so once it has finished. */
  center(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    if (this.layoutRunning) {
      this.pendingCenter = id;
      return;
    }
    const around = node.closedNeighborhood(':visible');
    this.cy.animate({ fit: { eles: around, padding: 60 } }, { duration: 250, complete: () => this.capZoom(node) });
  }

  /** A hub's neighbourhood can need a tiny zoom; a leaf's, a huge one. Keep labels readable either way. */
  private capZoom(node: cytoscape.NodeSingular): void {
    const zoom = Math.min(1.5, Math.max(0.5, this.cy.zoom()));
    if (zoom !== this.cy.zoom()) this.cy.zoom({ level: zoom, position: node.position() });
  }

  fit(): void {
    this.cy.fit(this.cy.elements(':visible'), 40);
  }

  setFocus(on: boolean): void {
    this.focus = on;
    this.applyFocus();
  }

  private applyFocus(): void {
    const selected = this.cy.nodes(':selected');
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded');
      if (this.focus && selected.nonempty()) this.cy.elements().difference(selected.closedNeighborhood()).addClass('faded');
    });
  }

  togglePin(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty()) return false;
    if (node.locked()) {
      node.unlock().removeClass('pinned');
      return false;
    }
    node.lock().addClass('pinned');
    return true;
  }

  isPinned(id: string): boolean {
    const node = this.cy.getElementById(id);
    return node.nonempty() && node.locked();
  }

  /**
   * Hides what the predicates reject (class `filtered`), without removing it, so filters are reversible. Only
   * elements whose state changes are touched: restyling 25,000 elements for nothing costs seconds.
   */
  applyFilter(keepNode: (data: Record<string, unknown>) => boolean, keepEdge: (data: Record<string, unknown>) => boolean): void {
    const hide = this.cy.nodes().filter((node) => !keepNode(node.data())).union(this.cy.edges().filter((edge) => !keepEdge(edge.data())));
    const hidden = this.cy.elements('.filtered');
    const show = hidden.difference(hide);
    const newlyHidden = hide.difference(hidden);
    if (show.empty() && newlyHidden.empty()) return;
    this.cy.batch(() => {
      show.removeClass('filtered');
      newlyHidden.addClass('filtered');
    });
  }

  highlightPath(ids: string[]): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('on-path');
      for (const id of ids) this.cy.getElementById(id).addClass('on-path');
    });
  }

  /** Ids of the visible neighbours of a node with their rendered positions (for arrow-key moves). */
  neighbours(id: string): { id: string; position: Point }[] {
    return this.cy
      .getElementById(id)
      .neighborhood()
      .nodes(':visible')
      .map((node) => ({ id: node.id(), position: node.renderedPosition() }));
  }

  renderedPosition(id: string): Point | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? node.renderedPosition() : null;
  }

  position(id: string): Point | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? { ...node.position() } : null;
  }

  setTheme(theme: Theme): void {
    this.options = { ...this.options, theme };
    this.cy.style(this.stylesheet());
  }

  runLayout(name: LayoutName): void {
    this.layouts.stop();
    const nodes = this.cy.nodes();
    if (name !== 'fcose') {
      this.cy.layout({ name, fit: true, animate: false, padding: 30 } as cytoscape.LayoutOptions).run();
      this.events.onLayout({ running: false, elapsedMs: 0, nodeCount: nodes.length, outcome: 'done' });
      return;
    }
    if (nodes.empty() || this.population) return;
    const job = this.layouts.start({
      nodes: nodes.map((node) => ({ id: node.id(), size: Number(node.data('size') ?? 30), fixed: node.locked() ? { ...node.position() } : undefined })),
      edges: this.cy.edges().map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id() })),
      quality: layoutQualityFor(nodes.length),
    });
    const report = this.trackLayout(job, nodes.length);
    void job.result.then((reply) => {
      if (reply.type === 'done') {
        this.measureWorker(reply.ms);
        this.applyPositions(reply.positions);
      }
      report({ running: false, outcome: reply.type === 'done' ? 'done' : reply.type === 'stopped' ? 'stopped' : 'error', message: reply.type === 'error' ? reply.message : undefined });
    });
  }

  /** Reports elapsed time every 250 ms until the job ends; returns the reporter for the caller's later states. */
  private trackLayout(job: LayoutJob, nodeCount: number): (state?: Partial<LayoutState>) => void {
    const started = performance.now();
    const report = (extra: Partial<LayoutState> = {}): void =>
      this.events.onLayout({ running: this.layoutRunning, elapsedMs: performance.now() - started, nodeCount, ...extra });
    window.clearInterval(this.progressTimer);
    const timer = window.setInterval(() => report(), 250);
    this.progressTimer = timer;
    report();
    void job.result.then(() => window.clearInterval(timer));
    return report;
  }

  private measureWorker(ms: number): void {
    const now = performance.now();
    performance.measure('graph: fcose in the worker', { start: now - ms, end: now });
  }

  /** Stops the layout, or the slice-by-slice drawing that follows a big graph's layout (what is drawn stays). */
  stopLayout(): void {
    this.layouts.stop();
    if (this.population) {
      this.cancelPopulation();
      this.events.onLayout({ running: false, elapsedMs: 0, nodeCount: this.cy.nodes().length, outcome: 'stopped' });
    }
  }

  private applyPositions(positions: Record<string, Point>): void {
    const started = performance.now();
    this.cy.batch(() => {
      for (const [id, position] of Object.entries(positions)) {
        const node = this.cy.getElementById(id);
        // Nodes added or pinned while the layout ran keep where they are.
        if (node.nonempty() && !node.locked()) node.position(position);
      }
    });
    performance.measure('graph: apply positions', { start: started });
    this.fitOrCenterPending();
    this.measureNextFrame('graph: draw laid-out graph');
  }

  private fitOrCenterPending(): void {
    const pending = this.pendingCenter;
    this.pendingCenter = null;
    if (pending && this.has(pending)) this.center(pending);
    else this.fit();
  }

  exportPng(): Blob {
    return this.cy.png({ output: 'blob', full: true, scale: 2, bg: getComputedStyle(this.container).backgroundColor || '#ffffff' });
  }

  exportJson(): { nodes: unknown[]; edges: unknown[] } {
    return {
      nodes: this.cy.nodes().map((node) => ({ data: node.data(), position: node.position() })),
      edges: this.cy.edges().map((edge) => ({ data: edge.data() })),
    };
  }

  viewport(): { pan: Point; zoom: number } {
    return { pan: { ...this.cy.pan() }, zoom: this.cy.zoom() };
  }

  /**
   * Frames drawn so far. Cytoscape counts them in its render loop (`redrawCount`, not public API); the 'render'
   * event would not do, because the WebGL path never emits it.
   */
  drawCount(): number {
    const core = this.cy as unknown as { renderer(): { redrawCount?: number } | null };
    return core.renderer()?.redrawCount ?? 0;
  }

  counts(): { nodes: number; edges: number; visibleNodes: number } {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length, visibleNodes: this.cy.nodes(':visible').length };
  }

  nodeIds(): string[] {
    return this.cy.nodes().map((node) => node.id());
  }

  nodeData(id: string): Record<string, unknown> | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? { ...node.data() } : null;
  }
}
