/**
 * The explorer's controller: connects API answers, the view-model (what is on screen) and the graph view.
 * Pure decisions live in view-model/; drawing lives in graph/; this file sequences them.
 */
import type { GraphElements } from '../../common/contract.js';
import { ApiError, api } from './api.js';
import type { CypherConsole } from './cypher-console.js';
import { byId } from './dom.js';
import { renderFilters } from './drawers.js';
import { BaseGraphs } from './base-graphs.js';
import { ExpandController } from './expand-controller.js';
import type { GraphContext } from './graph-context.js';
import { GraphView, type LayoutName } from './graph/graph-view.js';
import { parseHints } from './graph/rendering.js';
import type { Theme } from './graph/style.js';
import { Legend } from './legend.js';
import type { PanelActions } from './panel.js';
import { PanelController, type PanelExtras } from './panel-controller.js';
import { PathController } from './path-controller.js';
import { SearchBox } from './search-box.js';
import { Selection } from './selection.js';
import { toggleLocal } from './views.js';
import { showToast, type ToastKind } from './toasts.js';
import type { Filters } from './view-model/filters.js';
import { GraphViewModel } from './view-model/graph-view-model.js';
import { fitVisibleWithLabels, makeRoomForLabels, makeRoomInRounds, planViewLabels } from './label-layer.js';
import { parseViewState, serializeViewState, type LocalGraphState, type ViewState } from './view-model/url-state.js';

const webglThreshold = 1500;
/** Nodes the label planner considers per frame (highest rank on screen first). */
const labelCandidates = 1500;
export const layouts: LayoutName[] = ['fcose', 'concentric', 'breadthfirst', 'grid'];

/** Which graph is loaded: the overview, a local graph around a concept, or a Cypher result that replaced the view. */
export type BaseView = { kind: 'overview' } | { kind: 'local'; local: LocalGraphState } | { kind: 'cypher'; query: string };

function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.status === 503 ? `${error.message} (the database is unavailable: start Neo4j and retry)` : error.message;
  return error instanceof Error ? error.message : String(error);
}

export class Explorer implements GraphContext {
  readonly vm = new GraphViewModel();
  readonly graph: GraphView;
  readonly expand: ExpandController;
  readonly paths: PathController;
  readonly search: SearchBox;
  readonly legend: Legend;
  readonly panelView: PanelController;
  cypherConsole: Promise<CypherConsole> | null = null;
  /** Curation and live notes (curation/explorer-curation.ts), once installed by the composition root. */
  curation: {
    canUndo(): boolean;
    latestAt(): number;
    undo(): Promise<void>;
    panelExtras(): PanelExtras;
    /** Live events handed to the view, and how many of them are on screen by now (tests wait on it). */
    liveUpdates(): { received: number; applied: number };
  } | null = null;
  state: ViewState = parseViewState(window.location.search);
  base: BaseView = { kind: 'overview' };
  loaded = false;
  loadCount = 0;
  lastErrorText: string | null = null;
  firstRenderMs: number | null = null;
  lastLayout: { ms: number; outcome: string } | null = null;
  private labelFrame = 0;
  private readonly bases = new BaseGraphs(this);
  readonly selection = new Selection(this);

  constructor() {
    const params = new URLSearchParams(window.location.search);
    const rendererParam = params.get('renderer');
    this.graph = new GraphView(
      byId('graph'),
      {
        onTap: (id, adding) => this.selection.tap(id, adding),
        onDoubleTap: (id) => void this.expand.toggle(id),
        onHover: (id) => this.selection.hover(id),
        onLayout: (state) => this.bases.onLayout(state),
        onPositions: (positions) => this.vm.setPositions(positions),
        // Legend, room for the top labels, the fit and the label plan before a laid-out graph is drawn, each in a
        // task of its own, so the fit once it is all drawn changes nothing (a new zoom level, moved nodes or new
        // labels would draw every node afresh in one frame).
        onPlaced: () => [
          () => this.renderLegend(),
          makeRoomInRounds(this.vm, this.graph, () => ({ left: this.legend.inset() })),
          () => fitVisibleWithLabels(this.vm, this.graph, { left: this.legend.inset() }),
          () => this.applyLabels(),
        ],
        onViewport: () => {
          if (this.vm.overBudget && this.loaded && this.vm.setViewBox(this.graph.extent())) this.graph.applyVisibility(this.vm.visible);
          this.scheduleLabels();
        },
      },
      {
        theme: systemTheme(),
        webglThreshold,
        forceRenderer: rendererParam === 'webgl' || rendererParam === 'canvas' ? rendererParam : undefined,
        forceHints: parseHints(params.get('hints')) ?? undefined,
      },
    );
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      this.graph.setTheme(systemTheme());
      void this.cypherConsole?.then((console) => console.setDark(systemTheme() === 'dark'));
    });
    this.expand = new ExpandController(this, () => this.refresh());
    this.paths = new PathController(this, byId('path-tool'), {
      path: (path) => this.updateUrl({ path }, 'push'),
      highlight: (ids) => this.graph.highlightPath(ids),
    });
    this.search = new SearchBox(byId<HTMLInputElement>('search-input'), byId<HTMLUListElement>('search-results'), {
      concept: (hit) => void this.selectConcept(hit.id, { center: true }),
      note: (hit) => void this.openNote(hit.id),
      error: (error) => this.reportError(error, 'Search failed'),
      text: (query) => this.updateUrl({ search: query || null }, 'replace'),
    });
    this.legend = new Legend(byId('legend'), (community) => this.setFilters({ ...this.state.filters, communities: [community] }), () => this.refresh());
    this.panelView = new PanelController(byId('panel'), {
      actions: this.panelActions,
      filters: () => this.state.filters,
      isPinned: (id) => this.vm.pinned.has(id),
      isExpanded: (id) => this.expand.isExpanded(id),
      reportError: (error, what) => this.reportError(error, what),
      describe: errorMessage,
      extras: () => this.curation?.panelExtras() ?? null,
    });
    this.vm.setFilters(this.state.filters);
  }

  get layout(): LayoutName {
    return byId<HTMLSelectElement>('layout-select').value as LayoutName;
  }

  get theme(): Theme {
    return systemTheme();
  }

  notify(message: string, kind: ToastKind = 'info'): void {
    showToast(byId('toasts'), message, kind);
  }

  reportError(error: unknown, what: string): void {
    const message = `${what}: ${errorMessage(error)}`;
    this.lastErrorText = message;
    this.notify(message, 'error');
  }

  /** What the server now has for the loaded base view (null for a Cypher result, which is a snapshot). */
  freshBase(): Promise<GraphElements | null> {
    return this.bases.fresh();
  }

  /** Loads the graph a base view stands for: the overview or a local graph, with the time range applied by the server. */
  loadBase(base: BaseView): Promise<void> {
    return this.bases.load(base);
  }

  /** Replaces the graph; once laid out, it is fitted and counted as loaded. */
  showGraph(elements: GraphElements, base: BaseView): void {
    this.bases.show(elements, base);
  }

  /** The legend, then room for the top labels and the fit beside the legend. */
  legendAndFit(): void {
    this.renderLegend();
    makeRoomForLabels(this.vm, this.graph, { left: this.legend.inset() });
    fitVisibleWithLabels(this.vm, this.graph, { left: this.legend.inset() });
  }

  addToView(elements: GraphElements, anchor?: string): { nodeIds: string[]; edgeIds: string[] } {
    const placeAt = anchor && this.vm.position(anchor) ? anchor : undefined;
    const { nodes, edges } = this.vm.add(elements, placeAt);
    if (!placeAt) {
      // No anchor: new nodes go around the middle of the view.
      const { pan, zoom, width, height } = this.graph.viewport();
      const centre = { x: (width / 2 - pan.x) / zoom, y: (height / 2 - pan.y) / zoom };
      nodes.forEach((node, index) => {
        const angle = (2 * Math.PI * index) / Math.max(1, nodes.length);
        node.position = { x: centre.x + 120 * Math.cos(angle), y: centre.y + 120 * Math.sin(angle) };
      });
      this.vm.setPositions(Object.fromEntries(nodes.map((node) => [String(node.data.id), node.position!])));
    }
    this.graph.add([...nodes, ...edges]);
    this.refresh();
    return { nodeIds: nodes.map((node) => String(node.data.id)), edgeIds: edges.map((edge) => String(edge.data.id)) };
  }

  removeFromView(ids: string[]): void {
    const selected = this.vm.selected;
    this.graph.remove(ids);
    this.vm.remove(ids);
    if (selected && !this.vm.has(selected)) this.clearSelection();
    this.refresh();
  }

  /** Fits the given nodes (plus what is selected) beside the legend, never zoomed past a readable 1.5×. */
  reveal(ids: string[]): void {
    const visible = ids.filter((id) => this.vm.visible.nodes.has(id));
    if (visible.length === 0) return;
    this.graph.fitTo(visible, { insets: { left: this.legend.inset() }, maxZoom: 1.5, animate: true, padding: 50 });
    window.setTimeout(() => this.scheduleLabels(), 300);
  }

  fitVisible(): void {
    fitVisibleWithLabels(this.vm, this.graph, { left: this.legend.inset() });
    this.scheduleLabels();
  }

  /** Redraws everything that depends on the view-model: visibility, legend, filters drawer, buttons, labels. */
  refresh(): void {
    this.graph.applyVisibility(this.vm.visible);
    byId<HTMLButtonElement>('undo-button').disabled = this.expand.history.size === 0 && !this.curation?.canUndo();
    this.graph.showPicked(this.vm.picked);
    this.renderLegend();
    if (!byId('filters').hidden) this.renderFilterDrawer();
    this.selection.applyFocus();
    this.panelView.refresh();
    this.scheduleLabels();
  }

  private renderLegend(): void {
    this.legend.render({ communities: this.vm.communitiesOnScreen(), kinds: this.vm.kindsOnScreen(), hiddenCount: this.vm.size.nodes - this.vm.visible.nodes.size });
  }

  /** Labels are planned once per frame at most (viewport moves, hover, filters). */
  scheduleLabels(): void {
    if (this.labelFrame) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.applyLabels();
    });
  }

  private applyLabels(): void {
    this.graph.applyLabels(planViewLabels(this.vm, this.graph, { legend: byId('legend'), container: byId('graph'), candidates: labelCandidates }));
  }

  private renderFilterDrawer(): void {
    renderFilters(byId('filters'), { kinds: this.vm.kindsLoaded(), communities: this.vm.communitiesLoaded(), filters: this.state.filters }, (change) =>
      this.setFilters({ ...this.state.filters, ...change }));
  }

  /** Filters: structure filters apply to the view at once; a changed time range or followed relation types reload from the server. */
  setFilters(filters: Filters): void {
    const previous = this.state.filters;
    this.updateUrl({ filters }, 'replace');
    this.vm.setFilters(filters);
    const timeChanged = previous.dateFrom !== filters.dateFrom || previous.dateTo !== filters.dateTo || previous.undated !== filters.undated;
    const typesChanged = previous.relationTypes.join() !== filters.relationTypes.join();
    if (timeChanged || (typesChanged && this.base.kind === 'local')) {
      void this.loadBase(this.base);
      if (timeChanged) void this.panelView.reload();
      return;
    }
    this.refresh();
    this.fitVisible();
  }

  updateUrl(change: Partial<ViewState>, how: 'push' | 'replace' | 'none'): void {
    this.state = { ...this.state, ...change };
    if (how === 'none') return;
    const url = `${window.location.pathname}${serializeViewState(this.state)}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (how === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  /** Undoes the latest of an expand and a correction (Ctrl/Cmd+Z, u, the toolbar's Undo). */
  undoLatest(): void {
    const curation = this.curation;
    const expandAt = this.expand.history.latestAt();
    if (curation?.canUndo() && (expandAt === null || curation.latestAt() >= expandAt)) void curation.undo();
    else this.expand.undo();
  }

  /** Selects a concept, adding it (with its links to what is shown) when it is not in the view yet. */
  selectConcept(id: string, options: { center?: boolean; history?: 'push' | 'none' } = {}): Promise<void> {
    return this.selection.select(id, options);
  }

  clearSelection(history: 'push' | 'none' = 'push'): void {
    this.selection.clear(history);
  }

  toggleDrawer(buttonId: string, drawerId: string, onOpen?: () => void, open?: boolean): void {
    const drawer = byId(drawerId);
    drawer.hidden = open === undefined ? !drawer.hidden : !open;
    byId(buttonId).setAttribute('aria-expanded', String(!drawer.hidden));
    if (!drawer.hidden) onOpen?.();
  }

  openFilters(): void {
    this.renderFilterDrawer();
  }

  async openNote(id: string): Promise<void> {
    await this.panelView.showNote(id);
  }

  readonly panelActions: PanelActions = {
    selectConcept: (id) => void this.selectConcept(id, { center: true }),
    expand: (id) => void this.expand.expand(id),
    collapse: (id) => this.expand.collapse(id),
    togglePin: (id) => this.selection.togglePin(id),
    pathEndpoint: (id, end) => {
      this.toggleDrawer('path-button', 'path-tool', undefined, true);
      this.paths.setEndpoint(end, id);
    },
    openNote: (id) => void this.openNote(id),
    loadMoreNotes: () => {
      const id = this.panelView.conceptId;
      if (id) void this.panelView.showConcept(id, true);
    },
    localGraph: (id) => void toggleLocal(this, id),
  };
}
