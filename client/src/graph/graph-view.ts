/**
 * The one module that touches Cytoscape. It draws what the view-model says (elements, visibility, labels,
 * selection, hover) and reports gestures and layout results back through callbacks; nothing else reads state
 * out of it. A graph laid out by fcose is laid out in a worker and drawn in slices once placed (graph-loader.ts);
 * visibility (visibility.ts) and marks such as the selection (marks.ts) touch only the elements that change.
 */
import type cytoscape from 'cytoscape';
import type { Core, ElementDefinition } from 'cytoscape';
import type { PlacedLabel } from '../view-model/labels.js';
import type { Point } from '../view-model/placement.js';
import type { Visibility } from '../view-model/graph-view-model.js';
import { fitViewport } from './fit.js';
import { GraphLoader } from './graph-loader.js';
import { Marks } from './marks.js';
import { DrawnVisibility } from './visibility.js';
import { LayoutRunner, type LayoutJob } from './layout/layout-runner.js';
import { layoutRequest } from './layout/layout-protocol.js';
import { hintsFor, hintsKey, type RenderingHints } from './rendering.js';
import { drawLabels, drawnState, type DrawnState } from './drawn-state.js';
import type { Theme } from './style.js';
import { createCore, stylesheetFor } from './create-core.js';
import type { FitOptions, GraphViewEvents, GraphViewOptions, LayoutName, LayoutState } from './graph-view-events.js';
import { chooseRenderer, type RendererMode } from './renderer-choice.js';

export type { RendererMode } from './renderer-choice.js';
export type { DrawnLabel, DrawnState } from './drawn-state.js';
export type { FitOptions, GraphViewEvents, GraphViewOptions, LayoutName, LayoutState } from './graph-view-events.js';

export class GraphView {
  private cy: Core;
  private mode: RendererMode = 'canvas';
  private hints: RenderingHints = hintsFor(0);
  private readonly layouts = new LayoutRunner();
  private readonly loader: GraphLoader;
  private readonly marks = new Marks(() => this.cy);
  private readonly visibility = new DrawnVisibility();
  private progressTimer: number | undefined;
  private viewportTimer: number | undefined;
  /** The fcose job of a small graph, until it settles. */
  private layoutJob: LayoutJob | null = null;
  /** Called once the running layout (or big-graph drawing) has settled. */
  private afterLayout: (() => void) | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphViewEvents,
    private options: GraphViewOptions,
  ) {
    this.cy = this.create([], 'canvas', this.hints);
    this.loader = new GraphLoader({ layouts: this.layouts, track: (job, count) => this.trackLayout(job, count) });
  }

  get renderer(): RendererMode {
    return this.mode;
  }

  get layoutRunning(): boolean {
    return this.layouts.running || this.loader.drawing;
  }

  private create(elements: ElementDefinition[], mode: RendererMode, hints: RenderingHints): Core {
    this.mode = mode;
    this.hints = hints;
    return createCore({ container: this.container, elements, mode, hints, theme: this.options.theme }, this.events, () => {
      window.clearTimeout(this.viewportTimer);
      this.viewportTimer = window.setTimeout(() => this.events.onViewport(), 90);
    });
  }

  private stylesheet(): cytoscape.StylesheetJson {
    return stylesheetFor(this.options.theme, this.mode, this.hints);
  }

  /**
   * Replaces the whole graph and lays it out; `settled` runs once positions are final. Renderer and rendering
   * hints are init options chosen by size, so Cytoscape is rebuilt when they change. An fcose layout runs before
   * anything is drawn, and the graph then arrives in slices (graph-loader.ts); the other layouts are immediate.
   */
  load(elements: ElementDefinition[], layout: LayoutName, settled: () => void): void {
    const started = performance.now();
    this.layoutJob = null;
    this.layouts.stop();
    this.loader.cancel();
    const nodeCount = elements.filter((element) => element.group === 'nodes').length;
    const mode = chooseRenderer(nodeCount, this.options);
    const hints = this.options.forceHints ?? hintsFor(nodeCount);
    this.afterLayout = settled;
    this.visibility.reset();
    const rebuild = mode !== this.mode || hintsKey(hints) !== hintsKey(this.hints);
    if (layout === 'fcose') {
      if (rebuild) {
        this.cy.destroy();
        this.cy = this.create([], mode, hints);
      } else this.cy.batch(() => this.cy.elements().remove());
      this.loader.load(this.cy, elements, {
        progress: (added, total) => this.events.onLayout({ running: true, elapsedMs: performance.now() - started, nodeCount, drawing: { added, total } }),
        placed: (positions) => this.events.onPositions(positions),
        beforeDraw: () => this.events.onPlaced(),
        done: (outcome, held, message) => {
          this.visibility.hold(held);
          this.marks.reapply();
          this.events.onLayout({ running: false, elapsedMs: performance.now() - started, nodeCount, outcome, message });
          this.settle();
        },
      });
      return;
    }
    if (rebuild) {
      this.cy.destroy();
      this.cy = this.create(elements, mode, hints);
    } else {
      this.cy.batch(() => {
        this.cy.elements().remove();
        this.cy.add(elements);
      });
    }
    // Main-thread cost of each step, for the benchmark (performance.getEntriesByType('measure')).
    performance.measure('graph: add elements', { start: started });
    this.measureNextFrame('graph: first draw');
    this.runLayout(layout);
  }

  private settle(): void {
    const settled = this.afterLayout;
    this.afterLayout = null;
    settled?.();
  }

  /** From now until the next frame has been drawn (Cytoscape's rAF callback runs before ours in that frame). */
  private measureNextFrame(name: string): void {
    const start = performance.now();
    requestAnimationFrame(() => performance.measure(name, { start }));
  }

  /** Adds elements; nodes carry their positions (the view-model places new nodes). */
  add(elements: ElementDefinition[]): void {
    const fresh = elements.filter((element) => element.data.id !== undefined && this.cy.getElementById(element.data.id).empty());
    this.cy.add(fresh);
    this.visibility.added(fresh);
  }

  remove(ids: string[]): void {
    this.visibility.forget(ids);
    this.cy.batch(() => {
      for (const id of ids) this.cy.getElementById(id).remove();
    });
  }

  /** Shows exactly what the view-model says is visible (visibility.ts). */
  applyVisibility(visible: Visibility): void {
    this.visibility.apply(this.cy, visible);
  }

  /** New data for nodes already drawn (or held): a rename, another kind, rank or community. */
  updateNodes(definitions: readonly ElementDefinition[]): void {
    this.cy.batch(() => {
      for (const definition of definitions) {
        const id = String(definition.data.id);
        this.visibility.update(id, { data: definition.data });
        const node = this.cy.getElementById(id);
        if (node.empty()) continue;
        // Label size and offsets belong to the label planner: keep them until it plans again.
        const { fontSize: _fontSize, outline: _outline, labelShift: _shift, labelShiftX: _shiftX, ...data } = definition.data as Record<string, unknown>;
        node.data(data);
        node.classes().filter((name) => name.startsWith('kind-')).forEach((name) => node.removeClass(name));
        node.addClass(`kind-${String(data.kind)}`);
      }
    });
  }

  /** Marks the picked concepts (besides the selection). */
  showPicked(ids: readonly string[]): void {
    this.marks.showPicked(ids);
  }

  /** The part of the graph in view, in graph units. */
  extent(): { x1: number; y1: number; x2: number; y2: number } {
    const { x1, y1, x2, y2 } = this.cy.extent();
    return { x1, y1, x2, y2 };
  }

  /** Draws the planned labels at their size on screen and hides every other label (also on nodes still to be drawn). */
  applyLabels(plan: PlacedLabel[]): void {
    drawLabels(this.cy, plan);
    this.loader.label(plan, this.cy.zoom());
  }

  /** Hover: the concept and its neighbours stand out, the rest dims, the concept's typed edges show their labels. */
  setHover(id: string | null, neighbourIds: string[], edgeIds: string[], dimOthers: boolean): void {
    this.marks.setHover(id, neighbourIds, edgeIds, dimOthers);
  }

  showSelection(id: string | null, edgeIds: string[]): void {
    this.marks.showSelection(id, edgeIds);
  }

  setFaded(keepIds: string[] | null): void {
    this.marks.setFaded(keepIds);
  }

  private collect(ids: string[]): cytoscape.CollectionReturnValue {
    const collection = this.cy.collection();
    for (const id of ids) collection.merge(this.cy.getElementById(id));
    return collection;
  }

  setPinned(id: string, pinned: boolean): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    if (pinned) node.lock().addClass('pinned');
    else node.unlock().removeClass('pinned');
  }

  highlightPath(ids: string[]): void {
    this.marks.highlightPath(ids);
  }

  /** Fits the given nodes into the part of the view the insets leave free (e.g. beside the legend). */
  fitTo(ids: string[], options: FitOptions = {}): void {
    const nodes = this.collect(ids);
    if (nodes.empty()) return;
    const box = nodes.boundingBox({ includeLabels: false });
    const target = fitViewport(box, { width: this.cy.width(), height: this.cy.height() }, {
      padding: options.padding ?? 40,
      insets: options.insets,
      minZoom: this.cy.minZoom(),
      maxZoom: Math.min(this.cy.maxZoom(), options.maxZoom ?? 1.5),
    });
    if (options.animate) this.cy.animate({ zoom: target.zoom, pan: target.pan }, { duration: 250 });
    else this.cy.viewport({ zoom: target.zoom, pan: target.pan });
  }

  /** Sets zoom and pan at once (a fit worked out elsewhere). */
  setViewport(target: { zoom: number; pan: Point }): void {
    this.cy.viewport({ zoom: target.zoom, pan: target.pan });
  }

  zoomLimits(): { min: number; max: number } {
    return { min: this.cy.minZoom(), max: this.cy.maxZoom() };
  }

  /** Moves nodes (graph units), e.g. to give the top labels room after a layout; held and pending nodes move too. */
  movePositions(positions: Record<string, Point>): void {
    this.loader.move(positions);
    this.cy.batch(() => {
      for (const [id, position] of Object.entries(positions)) {
        this.visibility.update(id, { position });
        const node = this.cy.getElementById(id);
        if (node.nonempty() && !node.locked()) node.position(position);
      }
    });
  }

  setTheme(theme: Theme): void {
    this.options = { ...this.options, theme };
    this.cy.style(this.stylesheet());
  }

  runLayout(name: LayoutName): void {
    this.layoutJob = null;
    this.layouts.stop();
    const nodes = this.cy.nodes();
    if (name !== 'fcose') {
      this.cy.layout({ name, fit: false, animate: false, padding: 30 } as cytoscape.LayoutOptions).run();
      this.reportPositions();
      this.events.onLayout({ running: false, elapsedMs: 0, nodeCount: nodes.length, outcome: 'done' });
      this.settle();
      return;
    }
    if (nodes.empty() || this.loader.drawing) {
      this.settle();
      return;
    }
    const job = this.layouts.start(
      layoutRequest(
        nodes.map((node) => ({ id: node.id(), size: Number(node.data('size') ?? 30), fixed: node.locked() ? { ...node.position() } : undefined })),
        this.cy.edges().map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id() })),
      ),
    );
    this.layoutJob = job;
    const report = this.trackLayout(job, nodes.length);
    void job.result.then((reply) => {
      // A job stopped because another load or layout replaced it settles nothing: the newer one owns the view.
      if (this.layoutJob !== job) return;
      this.layoutJob = null;
      if (reply.type === 'done') {
        this.measureWorker(reply.ms);
        this.applyPositions(reply.positions);
      }
      report({ running: false, outcome: reply.type === 'done' ? 'done' : reply.type === 'stopped' ? 'stopped' : 'error', message: reply.type === 'error' ? reply.message : undefined });
      this.settle();
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
    void job.result.then((reply) => {
      window.clearInterval(timer);
      if (reply.type === 'done') this.measureWorker(reply.ms);
    });
    return report;
  }

  private measureWorker(ms: number): void {
    const now = performance.now();
    performance.measure('graph: fcose in the worker', { start: now - ms, end: now });
  }

  /** Stops the layout, or the slice-by-slice drawing that follows a big graph's layout (what is drawn stays). */
  stopLayout(): void {
    this.layouts.stop();
    if (this.loader.drawing) {
      this.loader.cancel();
      this.reportPositions();
      this.events.onLayout({ running: false, elapsedMs: 0, nodeCount: this.cy.nodes().length, outcome: 'stopped' });
      this.settle();
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
    this.measureNextFrame('graph: draw laid-out graph');
    this.reportPositions();
  }

  private reportPositions(): void {
    const positions: Record<string, Point> = {};
    this.cy.nodes().forEach((node) => {
      positions[node.id()] = { ...node.position() };
    });
    this.events.onPositions(positions);
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

  viewport(): { pan: Point; zoom: number; width: number; height: number } {
    return { pan: { ...this.cy.pan() }, zoom: this.cy.zoom(), width: this.cy.width(), height: this.cy.height() };
  }

  /** Graph units → screen px inside the container. */
  toScreen(point: Point): Point {
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    return { x: point.x * zoom + pan.x, y: point.y * zoom + pan.y };
  }

  /**
   * Frames drawn so far. Cytoscape counts them in its render loop (`redrawCount`, not public API); the 'render'
   * event would not do, because the WebGL path never emits it.
   */
  drawCount(): number {
    const core = this.cy as unknown as { renderer(): { redrawCount?: number } | null };
    return core.renderer()?.redrawCount ?? 0;
  }

  /** What Cytoscape drew, for tests and the benchmark only (the page never reads state back from here). */
  drawn(): DrawnState {
    return drawnState(this.cy);
  }

  renderedPosition(id: string): Point | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? node.renderedPosition() : null;
  }
}
