/**
 * The base graph: loading what a base view stands for (the overview or a local graph, the time range applied by
 * the server), replacing the view-model and the drawing with it, and the layout's progress until it settles.
 */
import type { GraphElements } from '../../common/contract.js';
import { api } from './api.js';
import { byId } from './dom.js';
import type { BaseView, Explorer } from './explorer.js';
import type { LayoutState } from './graph/graph-view.js';
import { largeGraphNodes } from './graph/rendering.js';
import { probeWebgl } from './graph/renderer-choice.js';
import { hasTimeRange, timeQuery } from './view-model/filters.js';
import { syncLocalButton } from './views.js';

/** Big graphs draw at most this much at once (level of detail, see GraphViewModel.drawBudget). */
const drawBudget = { nodes: 1000, edges: 4000 };
const overviewLimit = 300;
const localLimit = 300;

export class BaseGraphs {
  /** The latest show(); a deferred load of an older one is dropped. */
  private showToken = 0;
  /** The latest load(); an answer to an older one is dropped. */
  private baseToken = 0;
  private readonly status = byId('graph-status');

  constructor(private readonly explorer: Explorer) {}

  /** What the server now has for the loaded base view (null for a Cypher result, which is a snapshot). */
  async fresh(): Promise<GraphElements | null> {
    const { filters } = this.explorer.state;
    if (this.explorer.base.kind === 'local') return api.neighbors(this.explorer.base.local.center, { depth: this.explorer.base.local.depth, limit: localLimit, types: filters.relationTypes });
    return this.explorer.base.kind === 'overview' ? api.graph({ limit: overviewLimit, ...timeQuery(filters) }) : null;
  }

  /** Loads the graph a base view stands for: the overview or a local graph, with the time range applied by the server. */
  async load(base: BaseView): Promise<void> {
    if (base.kind === 'cypher') return;
    this.explorer.loaded = false;
    this.status.textContent = base.kind === 'local' ? 'Loading the local graph…' : 'Loading the graph…';
    const { filters } = this.explorer.state;
    // Filters typed in quick succession start several loads; only the latest one's answer is shown.
    const token = ++this.baseToken;
    // While the answer is on its way: the renderer choice for a big graph needs it.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => probeWebgl(), { timeout: 1000 });
    try {
      if (base.kind === 'local') {
        const response = await api.neighbors(base.local.center, { depth: base.local.depth, limit: localLimit, types: filters.relationTypes });
        if (token !== this.baseToken) return;
        this.show(response, base);
        if (response.capped) this.explorer.notify(`The local graph shows ${response.nodes.length - 1} of ${response.total} concepts within ${base.local.depth} hops (capped).`);
        return;
      }
      const response = await api.graph({ limit: overviewLimit, ...timeQuery(filters) });
      if (token !== this.baseToken) return;
      this.show(response, base);
      if (response.capped && !hasTimeRange(filters)) this.explorer.notify(`Showing the top ${response.nodes.length} of ${response.totalConcepts} concepts. Search or expand to reach the others.`);
    } catch (error) {
      this.status.textContent = 'The graph could not be loaded. Check that the server and Neo4j are running, then reload.';
      this.explorer.reportError(error, 'Loading the graph failed');
    }
  }

  /** Replaces the graph; once laid out, it is fitted and counted as loaded. */
  show(elements: GraphElements, base: BaseView): void {
    this.explorer.base = base;
    this.explorer.loaded = false;
    const started = performance.now();
    this.explorer.vm.drawBudget = elements.nodes.length >= largeGraphNodes ? drawBudget : { nodes: Number.POSITIVE_INFINITY, edges: Number.POSITIVE_INFINITY };
    const { nodes, edges } = this.explorer.vm.replace(elements, { degreeFilters: base.kind === 'overview', filters: this.explorer.state.filters });
    this.status.textContent = nodes.length === 0 ? (base.kind === 'overview' && !hasTimeRange(this.explorer.state.filters) ? 'The graph is empty. Ingest some notes (npm run ingest) and reload.' : 'Nothing to show for these filters.') : '';
    // Main-thread cost of each step, for the benchmark (performance.getEntriesByType('measure')).
    performance.measure('graph: view-model', { start: started });
    this.explorer.expand.reset();
    this.explorer.graph.highlightPath([]);
    this.explorer.graph.showSelection(null, []);
    syncLocalButton(this.explorer);
    const load = (): void => {
      // What the filters or the draw budget leave out arrives hidden, so the first frame draws only what is shown
      // (in the deferred task for a big graph: over 100,000 elements this is a task's worth of work of its own).
      for (const element of [...nodes, ...edges]) if (!this.explorer.vm.isVisible(String(element.data.id))) element.classes = [...((element.classes as string[] | undefined) ?? []), 'filtered'];
      this.explorer.graph.load([...nodes, ...edges], this.explorer.layout, settled);
    };
    const settled = (): void => {
      // The legend first: the fit leaves room beside it. For a big graph the rest (drawers, panel, labels) follows
      // in a task of its own, so the first frame is not held up (what is hidden already arrived hidden).
      const settling = performance.now();
      this.explorer.legendAndFit();
      this.explorer.scheduleLabels();
      if (elements.nodes.length < largeGraphNodes) this.explorer.refresh();
      else window.setTimeout(() => this.explorer.refresh(), 0);
      performance.measure('graph: legend and fit', { start: settling });
      this.explorer.loaded = true;
      this.explorer.loadCount += 1;
      this.noteFirstRender();
      if (this.explorer.vm.overBudget) this.explorer.notify(`Drawing the ${this.explorer.vm.drawBudget.nodes.toLocaleString('en')} highest-ranked of ${this.explorer.vm.size.nodes.toLocaleString('en')} concepts; zoom in to see the others where you look.`);
    };
    // A big graph's view-model build and its layout request are two tasks, not one long one.
    const token = ++this.showToken;
    if (elements.nodes.length >= largeGraphNodes) window.setTimeout(() => token === this.showToken && load(), 0);
    else load();
  }

  /** A big graph is only drawn once laid out, so the first render is noted when a layout ends. */
  private noteFirstRender(): void {
    if (this.explorer.firstRenderMs === null && this.explorer.vm.size.nodes > 0) requestAnimationFrame(() => (this.explorer.firstRenderMs ??= performance.now()));
  }

  /** The layout's progress bar and its outcome. */
  onLayout(state: LayoutState): void {
    byId('layout-progress').hidden = !state.running;
    byId('layout-progress-text').textContent = state.drawing
      ? `Drawing ${state.drawing.added} of ${state.drawing.total} elements…`
      : `Laying out ${state.nodeCount} nodes… ${(state.elapsedMs / 1000).toFixed(1)} s`;
    if (state.outcome) this.explorer.lastLayout = { ms: state.elapsedMs, outcome: state.outcome };
    if (state.outcome === 'error') this.explorer.reportError(new Error(state.message ?? 'unknown'), 'The layout failed');
    if (state.outcome === 'stopped') this.explorer.notify('Layout stopped; nodes keep their current positions.');
  }
}
