/** Expand, collapse and undo: what an expand adds is recorded, so undo/collapse removes exactly that. */
import { api } from './api.js';
import type { GraphView } from './graph-view.js';
import { toElements, type GraphScales } from './view-model/elements.js';
import { ExpandHistory, type ExpandEntry } from './view-model/expand-history.js';

export interface ExpandContext {
  graph: GraphView;
  scales(): GraphScales;
  notify(message: string, kind?: 'info' | 'success' | 'error'): void;
  reportError(error: unknown, what: string): void;
  /** Called after any change, to refresh filters, the undo button and the panel. */
  changed(): void;
}

const neighbourLimit = 100;

export class ExpandController {
  readonly history = new ExpandHistory();
  private busy = new Set<string>();

  constructor(private readonly context: ExpandContext) {}

  isExpanded(id: string): boolean {
    return this.history.isExpanded(id);
  }

  /** Double-click: expands, or collapses a node that was expanded. */
  async toggle(id: string): Promise<void> {
    if (this.history.isExpanded(id)) this.collapse(id);
    else await this.expand(id);
  }

  async expand(id: string): Promise<void> {
    if (this.busy.has(id)) return;
    this.busy.add(id);
    try {
      const response = await api.neighbors(id, { depth: 1, limit: neighbourLimit });
      const { graph } = this.context;
      const existing = new Set(graph.nodeIds());
      const { nodes, edges } = toElements(response, this.context.scales(), existing);
      const added = graph.add([...nodes, ...edges], id);
      this.history.push({ center: id, nodeIds: added.nodeIds, edgeIds: added.edgeIds, capped: response.capped, total: response.total });
      const shown = response.nodes.length - 1;
      if (response.capped) this.context.notify(`Showing ${shown} of ${response.total} neighbours (capped at ${neighbourLimit}). Use the Cypher console to see the rest.`, 'info');
      else if (added.nodeIds.length === 0) this.context.notify('All neighbours are already in the view.', 'info');
      this.context.changed();
    } catch (error) {
      this.context.reportError(error, 'Expanding failed');
    } finally {
      this.busy.delete(id);
    }
  }

  collapse(id: string): void {
    const entry = this.history.collapse(id);
    if (entry) this.removeEntry(entry);
  }

  undo(): void {
    const entry = this.history.undo();
    if (!entry) {
      this.context.notify('Nothing to undo.', 'info');
      return;
    }
    this.removeEntry(entry);
  }

  private removeEntry(entry: ExpandEntry): void {
    const { graph } = this.context;
    const selected = graph.selectedId;
    // Pinned nodes stay: the user chose to keep them.
    const nodes = entry.nodeIds.filter((id) => !graph.isPinned(id));
    graph.remove([...entry.edgeIds, ...nodes]);
    if (selected && !graph.has(selected)) graph.select(null);
    this.context.changed();
  }

  reset(): void {
    this.history.clear();
  }
}
