/** Expand, collapse and undo: what an expand adds is recorded, so undo/collapse removes exactly that. */
import { api } from './api.js';
import type { GraphContext } from './graph-context.js';
import { ExpandHistory, type ExpandEntry } from './view-model/expand-history.js';

const neighbourLimit = 100;

export class ExpandController {
  readonly history = new ExpandHistory();
  private busy = new Set<string>();

  constructor(private readonly context: GraphContext, private readonly changed: () => void) {}

  isExpanded(id: string): boolean {
    return this.history.isExpanded(id);
  }

  /** Double-click: expands, or collapses a node that was expanded. */
  async toggle(id: string): Promise<void> {
    if (this.history.isExpanded(id)) this.collapse(id);
    else await this.expand(id);
  }

  /** Adds the neighbours over the relation types the filters follow; an expand that adds nothing is no undo step. */
  async expand(id: string): Promise<void> {
    if (this.busy.has(id)) return;
    this.busy.add(id);
    try {
      const types = this.context.vm.filters.relationTypes;
      const response = await api.neighbors(id, { depth: 1, limit: neighbourLimit, types });
      const added = this.context.addToView(response, id);
      const shown = response.nodes.length - 1;
      if (added.nodeIds.length === 0 && added.edgeIds.length === 0) {
        this.context.notify(types.length ? `No neighbours over ${types.join(', ')} beyond those in the view.` : 'All neighbours are already in the view.', 'info');
        return;
      }
      this.history.push({ center: id, nodeIds: added.nodeIds, edgeIds: added.edgeIds, capped: response.capped, total: response.total });
      if (response.capped) this.context.notify(`Showing ${shown} of ${response.total} neighbours (capped at ${neighbourLimit}). Use the Cypher console to see the rest.`, 'info');
      this.context.reveal([id, ...added.nodeIds]);
      this.changed();
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
    // Pinned nodes stay: the user chose to keep them.
    const nodes = entry.nodeIds.filter((id) => !this.context.vm.pinned.has(id));
    this.context.removeFromView([...entry.edgeIds, ...nodes]);
    this.changed();
  }

  reset(): void {
    this.history.clear();
  }
}
