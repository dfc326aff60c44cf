/**
 * The selection and what follows it: a click or tap (Shift/Ctrl/Cmd picks a further concept), selecting a
 * concept (added to the view when it is not there yet), hover highlighting, focus mode and pins.
 */
import { api } from './api.js';
import { byId } from './dom.js';
import type { Explorer } from './explorer.js';

/** Elements up to which hovering dims everything else (an overview: 300 concepts and their edges). */
const hoverDimLimit = 3000;

export class Selection {
  focusMode = false;

  constructor(private readonly explorer: Explorer) {}

  private get vm(): Explorer['vm'] {
    return this.explorer.vm;
  }

  private get graph(): Explorer['graph'] {
    return this.explorer.graph;
  }

  /** A click in the graph; with Shift/Ctrl/Cmd it picks a further concept besides the selection (for a merge). */
  tap(id: string | null, adding: boolean): void {
    if (adding && id && this.vm.selected && id !== this.vm.selected) {
      this.vm.togglePicked(id);
      this.explorer.refresh();
      return;
    }
    if (id) void this.select(id);
    else if (!adding) this.clear();
  }

  /** Selects a concept, adding it (with its links to what is shown) when it is not in the view yet. */
  async select(id: string, options: { center?: boolean; history?: 'push' | 'none' } = {}): Promise<void> {
    if (!this.vm.has(id)) {
      try {
        const response = await api.neighbors(id, { depth: 1, limit: 50 });
        const present = new Set(this.vm.nodeIds());
        const center = response.nodes.filter((node) => node.data.id === id);
        const edges = response.edges.filter((edge) => present.has(edge.data.source) || present.has(edge.data.target));
        const linked = edges.map((edge) => (edge.data.source === id ? edge.data.target : edge.data.source)).find((other) => present.has(other));
        this.explorer.addToView({ nodes: center, edges }, linked);
      } catch (error) {
        this.explorer.reportError(error, `Opening concept “${id}” failed`);
        return;
      }
    }
    if (id !== this.vm.selected) this.vm.clearPicked();
    this.vm.select(id);
    this.graph.showSelection(id, this.vm.edgesOf(id));
    if (id !== this.explorer.state.concept) this.explorer.updateUrl({ concept: id }, options.history ?? 'push');
    void this.explorer.panelView.showConcept(id);
    this.explorer.refresh();
    if (options.center) this.explorer.reveal([id, ...this.vm.neighbours(id).map((item) => item.id)]);
  }

  clear(history: 'push' | 'none' = 'push'): void {
    this.vm.clearPicked();
    this.vm.select(null);
    this.graph.showSelection(null, []);
    if (this.explorer.state.concept !== null) this.explorer.updateUrl({ concept: null }, history);
    this.explorer.panelView.clear();
    this.explorer.refresh();
  }

  hover(id: string | null): void {
    this.vm.hovered = id;
    const neighbours = id ? this.vm.neighbours(id).map((item) => item.id) : [];
    // Dimming the rest restyles every element: only for graphs the size of an overview.
    this.graph.setHover(id, neighbours, id ? this.vm.edgesOf(id) : [], this.vm.size.nodes + this.vm.size.edges <= hoverDimLimit);
    this.explorer.scheduleLabels();
  }

  toggleFocus(): void {
    this.focusMode = !this.focusMode;
    byId('focus-button').setAttribute('aria-pressed', String(this.focusMode));
    this.applyFocus();
  }

  applyFocus(): void {
    const id = this.vm.selected;
    this.graph.setFaded(this.focusMode && id ? [id, ...this.vm.neighbours(id).map((item) => item.id), ...this.vm.edgesOf(id)] : null);
  }

  togglePin(id: string): void {
    this.graph.setPinned(id, this.vm.togglePin(id));
    this.explorer.panelView.refresh();
  }
}
