/** The shortest-path tool: resolves two concepts (id in the view, or the best search hit) and highlights the path. */
import { api } from './api.js';
import { renderPathTool, type PathToolElements } from './drawers.js';
import type { GraphContext } from './graph-context.js';

export class PathController {
  private readonly ui: PathToolElements;
  highlighted: string[] = [];

  constructor(
    private readonly context: GraphContext,
    root: HTMLElement,
    private readonly events: { path(path: [string, string] | null): void; highlight(ids: string[]): void },
  ) {
    this.ui = renderPathTool(root, () => void this.find(this.ui.from.value, this.ui.to.value), () => this.clear());
  }

  /**
   * "Path from here" starts a new path: it clears the old end, so a stale "To" never runs. "Path to here" ends
   * it and runs when a start is set.
   */
  setEndpoint(end: 'from' | 'to', id: string): void {
    if (end === 'from') {
      this.ui.from.value = id;
      this.ui.to.value = '';
      this.ui.result.textContent = 'Now choose where the path goes: “Path to here” on another concept, or type it.';
      this.ui.to.focus();
      return;
    }
    this.ui.to.value = id;
    if (this.ui.from.value) void this.find(this.ui.from.value, this.ui.to.value);
  }

  /** A concept id from what the user typed: an id in the view as is, otherwise the top concept search hit. */
  private async resolve(text: string): Promise<{ id: string; name: string } | null> {
    const trimmed = text.trim();
    if (!trimmed) return null;
    const data = this.context.vm.node(trimmed);
    if (data) return { id: trimmed, name: String(data.label ?? trimmed) };
    const hits = await api.search(trimmed, 3);
    const hit = hits.concepts[0];
    return hit ? { id: hit.id, name: hit.name } : null;
  }

  async find(fromText: string, toText: string): Promise<void> {
    this.ui.from.value = fromText;
    this.ui.to.value = toText;
    try {
      const [from, to] = await Promise.all([this.resolve(fromText), this.resolve(toText)]);
      if (!from || !to) {
        this.ui.result.textContent = `No concept found for “${!from ? fromText : toText}”.`;
        return;
      }
      const maxLength = Number(this.ui.maxLength.value);
      const response = await api.path(from.id, to.id, maxLength);
      if (!response.found) {
        this.ui.result.textContent = `No path of at most ${maxLength} hops between ${from.name} and ${to.name}.`;
        this.setHighlight([]);
        return;
      }
      this.context.addToView(response, from.id);
      this.setHighlight([...response.nodes.map((node) => node.data.id), ...response.edges.map((edge) => edge.data.id)]);
      const names = (response.paths[0] ?? []).map((id) => String(this.context.vm.node(id)?.label ?? id));
      this.ui.result.textContent = `${response.length} hops: ${names.join(' → ')}`;
      this.context.reveal(response.nodes.map((node) => node.data.id));
      this.events.path([from.id, to.id]);
    } catch (error) {
      this.context.reportError(error, 'Finding the path failed');
    }
  }

  private setHighlight(ids: string[]): void {
    this.highlighted = ids;
    this.events.highlight(ids);
  }

  clear(): void {
    this.setHighlight([]);
    this.ui.result.textContent = '';
    this.events.path(null);
  }
}
