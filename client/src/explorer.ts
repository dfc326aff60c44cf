/**
 * The explorer's controller: owns the view state and connects API answers to the graph view and the panels.
 * Pure decisions live in view-model/; this file sequences them.
 */
import type { GraphResponse } from '../../common/contract.js';
import { ApiError, api } from './api.js';
import { byId } from './dom.js';
import { GraphView, type LayoutName } from './graph-view.js';
import { installTestHandle } from './test-handle.js';
import { showToast } from './toasts.js';
import { scalesFor, toElements, type GraphScales } from './view-model/elements.js';
import type { Theme } from './view-model/style.js';

const webglThreshold = 1500;

function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export class Explorer {
  readonly graph: GraphView;
  private scales: GraphScales = { rank: { min: 0, max: 1 }, weight: { max: 1 } };
  private loaded = false;
  private loadCount = 0;
  private lastErrorText: string | null = null;
  private layout: LayoutName = 'fcose';
  private readonly status = byId('graph-status');
  private readonly toasts = byId('toasts');

  constructor() {
    const rendererParam = new URLSearchParams(window.location.search).get('renderer');
    this.graph = new GraphView(
      byId('graph'),
      {
        onSelect: (id) => this.onSelect(id),
        onExpand: (id) => void this.onExpand(id),
        onLayout: (state) => this.onLayout(state),
      },
      {
        theme: systemTheme(),
        webglThreshold,
        forceRenderer: rendererParam === 'webgl' || rendererParam === 'canvas' ? rendererParam : undefined,
      },
    );
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.graph.setTheme(systemTheme()));
    installTestHandle({
      graph: this.graph,
      ready: () => this.loaded && !this.graph.layoutRunning,
      loads: () => this.loadCount,
      lastError: () => this.lastErrorText,
      pathIds: () => [],
    });
  }

  async start(): Promise<void> {
    this.bindToolbar();
    await this.loadOverview();
  }

  private bindToolbar(): void {
    byId('fit-button').addEventListener('click', () => this.graph.fit());
    const layoutSelect = byId<HTMLSelectElement>('layout-select');
    layoutSelect.addEventListener('change', () => {
      this.layout = layoutSelect.value as LayoutName;
      this.graph.runLayout(this.layout);
    });
    byId('layout-stop').addEventListener('click', () => this.graph.stopLayout());
  }

  reportError(error: unknown, what: string): void {
    const message = `${what}: ${errorMessage(error)}`;
    this.lastErrorText = message;
    showToast(this.toasts, message, 'error');
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
  }

  showGraph(response: GraphResponse): void {
    this.scales = scalesFor(response);
    const { nodes, edges } = toElements(response, this.scales);
    this.status.textContent =
      nodes.length === 0 ? 'The graph is empty. Ingest some notes (npm run ingest) and reload.' : '';
    this.graph.load([...nodes, ...edges], this.layout);
    this.loaded = true;
    this.loadCount += 1;
  }

  private onSelect(_id: string | null): void {}

  private async onExpand(_id: string): Promise<void> {}

  private onLayout(state: { running: boolean; elapsedMs: number; nodeCount: number; outcome?: string; message?: string }): void {
    const box = byId('layout-progress');
    box.hidden = !state.running;
    byId('layout-progress-text').textContent = `Laying out ${state.nodeCount} nodes… ${(state.elapsedMs / 1000).toFixed(1)} s`;
    if (state.outcome === 'error') this.reportError(new Error(state.message ?? 'unknown'), 'The layout failed');
  }
}
