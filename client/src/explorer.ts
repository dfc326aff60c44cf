/**
 * The explorer's controller: owns the view state and connects API answers to the graph view and the panels.
 * Pure decisions live in view-model/; this file sequences them.
 */
import type { CypherResponse, GraphElements, GraphResponse } from '../../common/contract.js';
import { ApiError, api } from './api.js';
import type { CypherConsole, ResultMode } from './cypher-console.js';
import { byId, download } from './dom.js';
import { renderFilters, renderLegend } from './drawers.js';
import { ExpandController } from './expand-controller.js';
import { GraphView, type LayoutName, type LayoutState } from './graph-view.js';
import { bindShortcuts } from './keyboard.js';
import type { PanelActions } from './panel.js';
import { PanelController } from './panel-controller.js';
import { PathController } from './path-controller.js';
import { SearchBox } from './search-box.js';
import { installTestHandle } from './test-handle.js';
import { showToast, type ToastKind } from './toasts.js';
import { scalesFor, toElements, type GraphScales } from './view-model/elements.js';
import { parseHints } from './view-model/rendering.js';
import { communitiesBySize, keepsEdge, keepsNode, kindsPresent, type Filters } from './view-model/filters.js';
import type { Theme } from './view-model/style.js';
import { parseViewState, serializeViewState, type ViewState } from './view-model/url-state.js';

const webglThreshold = 1500;
const layouts: LayoutName[] = ['fcose', 'concentric', 'breadthfirst', 'grid'];

function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.status === 503 ? `${error.message} (the database is unavailable: start Neo4j and retry)` : error.message;
  return error instanceof Error ? error.message : String(error);
}

export class Explorer {
  readonly graph: GraphView;
  readonly expand: ExpandController;
  readonly paths: PathController;
  readonly search: SearchBox;
  private cypherConsole: Promise<CypherConsole> | null = null;
  state: ViewState = parseViewState(window.location.search);
  private scales: GraphScales = { rank: { min: 0, max: 1 }, weight: { max: 1 } };
  private loaded = false;
  private loadCount = 0;
  private lastErrorText: string | null = null;
  private firstRenderMs: number | null = null;
  private lastLayout: { ms: number; outcome: string } | null = null;
  private readonly status = byId('graph-status');
  private readonly panelView: PanelController;

  constructor() {
    const params = new URLSearchParams(window.location.search);
    const rendererParam = params.get('renderer');
    this.graph = new GraphView(
      byId('graph'),
      {
        onSelect: (id) => this.onSelect(id),
        onExpand: (id) => void this.expand.toggle(id),
        onLayout: (state) => this.onLayout(state),
      },
      {
        theme: systemTheme(),
        webglThreshold,
        forceRenderer: rendererParam === 'webgl' || rendererParam === 'canvas' ? rendererParam : undefined,
        forceHints: parseHints(params.get('hints')) ?? undefined,
      },
    );
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.graph.setTheme(systemTheme()));
    const context = {
      graph: this.graph,
      scales: () => this.scales,
      notify: (message: string, kind?: ToastKind) => this.notify(message, kind),
      reportError: (error: unknown, what: string) => this.reportError(error, what),
      changed: () => this.afterGraphChange(),
    };
    this.expand = new ExpandController(context);
    this.paths = new PathController(context, byId('path-tool'), (path) => this.updateUrl({ path }, 'push'));
    this.search = new SearchBox(byId<HTMLInputElement>('search-input'), byId<HTMLUListElement>('search-results'), {
      concept: (hit) => void this.selectConcept(hit.id, { center: true }),
      note: (hit) => void this.openNote(hit.id),
      error: (error) => this.reportError(error, 'Search failed'),
      text: (query) => this.updateUrl({ search: query || null }, 'replace'),
    });
    this.panelView = new PanelController(byId('panel'), {
      actions: this.panelActions,
      filters: () => this.state.filters,
      isPinned: (id) => this.graph.isPinned(id),
      isExpanded: (id) => this.expand.isExpanded(id),
      reportError: (error, what) => this.reportError(error, what),
      describe: errorMessage,
    });
    installTestHandle({
      graph: this.graph,
      ready: () => this.loaded && !this.graph.layoutRunning,
      loads: () => this.loadCount,
      lastError: () => this.lastErrorText,
      pathIds: () => this.paths.highlighted,
      firstRenderMs: () => this.firstRenderMs,
      lastLayout: () => this.lastLayout,
    });
  }

  async start(): Promise<void> {
    this.bindToolbar();
    bindShortcuts(this);
    window.addEventListener('popstate', () => void this.applyState(parseViewState(window.location.search)));
    const layoutSelect = byId<HTMLSelectElement>('layout-select');
    if (this.state.layout && layouts.includes(this.state.layout as LayoutName)) layoutSelect.value = this.state.layout;
    const initial = this.state;
    await this.loadOverview();
    await this.applyState(initial, true);
  }

  get layout(): LayoutName {
    return byId<HTMLSelectElement>('layout-select').value as LayoutName;
  }

  private bindToolbar(): void {
    byId('fit-button').addEventListener('click', () => this.graph.fit());
    byId('layout-select').addEventListener('change', () => {
      this.graph.runLayout(this.layout);
      this.updateUrl({ layout: this.layout }, 'replace');
    });
    byId('layout-stop').addEventListener('click', () => this.graph.stopLayout());
    byId('undo-button').addEventListener('click', () => this.expand.undo());
    byId('focus-button').addEventListener('click', () => this.toggleFocus());
    byId('export-png').addEventListener('click', () => download('notegraph.png', this.graph.exportPng()));
    byId('export-json').addEventListener('click', () =>
      download('notegraph.json', new Blob([JSON.stringify(this.graph.exportJson(), null, 2)], { type: 'application/json' })),
    );
    this.bindDrawer('filters-button', 'filters', () => this.renderFilterDrawer());
    this.bindDrawer('path-button', 'path-tool');
    byId('cypher-button').addEventListener('click', () => this.toggleCypher());
  }

  private bindDrawer(buttonId: string, drawerId: string, onOpen?: () => void): void {
    byId(buttonId).addEventListener('click', () => this.toggleDrawer(buttonId, drawerId, onOpen));
  }

  toggleDrawer(buttonId: string, drawerId: string, onOpen?: () => void, open?: boolean): void {
    const drawer = byId(drawerId);
    drawer.hidden = open === undefined ? !drawer.hidden : !open;
    byId(buttonId).setAttribute('aria-expanded', String(!drawer.hidden));
    if (!drawer.hidden) onOpen?.();
  }

  /**
   * Opens (or toggles) the Cypher console. CodeMirror is loaded on first use, so it does not delay the first
   * graph.
   */
  async toggleCypher(open?: boolean): Promise<CypherConsole> {
    this.cypherConsole ??= import('./cypher-console.js').then(({ CypherConsole }) => {
      const console = new CypherConsole(byId('cypher'), {
        graph: (result, mode) => this.showCypherGraph(result, mode),
        ran: (query) => this.updateUrl({ cypher: query }, 'push'),
      });
      void console.loadSchema().catch((error: unknown) => this.reportError(error, 'Loading the schema for completion failed'));
      return console;
    });
    const console = await this.cypherConsole;
    this.toggleDrawer('cypher-button', 'cypher', () => console.focus(), open);
    return console;
  }

  toggleFocus(): void {
    const button = byId('focus-button');
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    this.graph.setFocus(on);
  }

  notify(message: string, kind: ToastKind = 'info'): void {
    showToast(byId('toasts'), message, kind);
  }

  reportError(error: unknown, what: string): void {
    const message = `${what}: ${errorMessage(error)}`;
    this.lastErrorText = message;
    this.notify(message, 'error');
  }

  async loadOverview(): Promise<void> {
    this.loaded = false;
    this.status.textContent = 'Loading the graph…';
    let response: GraphResponse;
    try {
      response = await api.graph({ limit: 300 });
    } catch (error) {
      this.status.textContent = 'The graph could not be loaded. Check that the server and Neo4j are running, then reload.';
      this.reportError(error, 'Loading the graph failed');
      return;
    }
    this.showGraph(response);
    if (response.capped) this.notify(`Showing the top ${response.nodes.length} of ${response.totalConcepts} concepts. Search or expand to reach the others.`);
  }

  showGraph(elements: GraphElements): void {
    this.scales = scalesFor(elements);
    const { nodes, edges } = toElements(elements, this.scales);
    this.status.textContent = nodes.length === 0 ? 'The graph is empty. Ingest some notes (npm run ingest) and reload.' : '';
    this.expand.reset();
    this.graph.load([...nodes, ...edges], this.layout);
    this.loaded = true;
    this.loadCount += 1;
    this.noteFirstRender();
    this.afterGraphChange();
  }

  private showCypherGraph(result: CypherResponse, mode: ResultMode): void {
    if (mode === 'replace') {
      this.showGraph(result.graph);
      return;
    }
    const { nodes, edges } = toElements(result.graph, this.scales, new Set(this.graph.nodeIds()));
    this.graph.add([...nodes, ...edges]);
    this.afterGraphChange();
  }

  /** Re-applies filters, refreshes legend and buttons after nodes came or went. */
  afterGraphChange(): void {
    this.graph.applyFilter((data) => keepsNode(this.state.filters, data), (data) => keepsEdge(this.state.filters, data));
    byId<HTMLButtonElement>('undo-button').disabled = this.expand.history.size === 0;
    const data = this.graph.nodeIds().map((id) => this.graph.nodeData(id) as { kind?: string; community?: number; label?: string; rank?: number });
    const communities = communitiesBySize(data).map((entry) => ({
      ...entry,
      example: data.filter((node) => node.community === entry.community).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))[0]?.label ?? `#${entry.community}`,
    }));
    renderLegend(byId('legend'), communities, kindsPresent(data));
    if (!byId('filters').hidden) this.renderFilterDrawer();
    this.panelView.refresh();
  }

  private renderFilterDrawer(): void {
    const data = this.graph.nodeIds().map((id) => this.graph.nodeData(id) as { kind?: string; community?: number; label?: string; rank?: number });
    const communities = communitiesBySize(data).map((entry) => ({ ...entry, example: data.find((node) => node.community === entry.community)?.label ?? `#${entry.community}` }));
    renderFilters(byId('filters'), { kinds: kindsPresent(data), communities, filters: this.state.filters }, (filters) => this.setFilters(filters));
  }

  setFilters(filters: Filters): void {
    this.updateUrl({ filters }, 'replace');
    this.afterGraphChange();
  }

  updateUrl(change: Partial<ViewState>, how: 'push' | 'replace' | 'none'): void {
    this.state = { ...this.state, ...change };
    if (how === 'none') return;
    const url = `${window.location.pathname}${serializeViewState(this.state)}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (how === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  /** Brings the view in line with a state from the URL (start or back/forward), without pushing history. */
  private async applyState(state: ViewState, initial = false): Promise<void> {
    this.state = { ...state, concept: this.state.concept };
    this.afterGraphChange();
    if (state.search) this.search.setText(state.search);
    if (state.cypher) {
      const console = await this.toggleCypher(true);
      if (initial || state.cypher !== console.query) console.setQuery(state.cypher);
      if (initial) await console.run();
    }
    if (state.path && initial) await this.paths.find(state.path[0], state.path[1]);
    if (state.concept) await this.selectConcept(state.concept, { center: true, history: 'none' });
    else if (this.graph.selectedId) {
      this.pendingHistory = 'none';
      this.graph.select(null);
    }
  }

  /** Selects a concept, adding it (with its links to what is shown) when it is not in the view yet. */
  async selectConcept(id: string, options: { center?: boolean; history?: 'push' | 'none' } = {}): Promise<void> {
    if (!this.graph.has(id)) {
      try {
        const response = await api.neighbors(id, { depth: 1, limit: 50 });
        const present = new Set(this.graph.nodeIds());
        const center = response.nodes.filter((node) => node.data.id === id);
        const edges = response.edges.filter((edge) => present.has(edge.data.source) || present.has(edge.data.target));
        const { nodes, edges: edgeDefs } = toElements({ nodes: center, edges }, this.scales, present);
        this.graph.add([...nodes, ...edgeDefs]);
        this.afterGraphChange();
      } catch (error) {
        this.reportError(error, `Opening concept “${id}” failed`);
        return;
      }
    }
    this.pendingHistory = options.history ?? 'push';
    this.graph.select(id);
    if (options.center) this.graph.center(id);
  }

  private pendingHistory: 'push' | 'none' = 'push';

  private onSelect(id: string | null): void {
    const how = this.pendingHistory;
    this.pendingHistory = 'push';
    if (id !== this.state.concept) this.updateUrl({ concept: id }, how);
    if (!id) this.panelView.clear();
    else void this.panelView.showConcept(id);
  }

  async openNote(id: string): Promise<void> {
    await this.panelView.showNote(id);
  }

  readonly panelActions: PanelActions = {
    selectConcept: (id) => void this.selectConcept(id, { center: true }),
    expand: (id) => void this.expand.expand(id),
    collapse: (id) => this.expand.collapse(id),
    togglePin: (id) => {
      this.graph.togglePin(id);
      this.panelView.refresh();
    },
    pathEndpoint: (id, end) => {
      this.toggleDrawer('path-button', 'path-tool', undefined, true);
      this.paths.setEndpoint(end, id);
    },
    openNote: (id) => void this.openNote(id),
    loadMoreNotes: () => {
      const id = this.panelView.conceptId;
      if (id) void this.panelView.showConcept(id, true);
    },
  };

  /** A big graph is only drawn once laid out (graph-view loadLarge), so this is also called when a layout ends. */
  private noteFirstRender(): void {
    if (this.firstRenderMs === null && this.graph.counts().nodes > 0) requestAnimationFrame(() => (this.firstRenderMs ??= performance.now()));
  }

  private onLayout(state: LayoutState): void {
    if (state.outcome) this.noteFirstRender();
    byId('layout-progress').hidden = !state.running;
    byId('layout-progress-text').textContent = state.drawing
      ? `Drawing ${state.drawing.added} of ${state.drawing.total} elements…`
      : `Laying out ${state.nodeCount} nodes… ${(state.elapsedMs / 1000).toFixed(1)} s`;
    if (state.outcome) this.lastLayout = { ms: state.elapsedMs, outcome: state.outcome };
    if (state.outcome === 'error') this.reportError(new Error(state.message ?? 'unknown'), 'The layout failed');
    if (state.outcome === 'stopped') this.notify('Layout stopped; nodes keep their current positions.');
  }
}
