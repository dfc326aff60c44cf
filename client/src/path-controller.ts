/** The shortest-path tool: resolves two concepts (id in the view, or the best search hit) and highlights the path. */
import { api } from './api.js';
import { renderPathTool, type PathToolElements } from './drawers.js';
import type { ExpandContext } from './expand-controller.js';
import { toElements } from './view-model/elements.js';

export class PathController {
  private readonly ui: PathToolElements;
  highlighted: string[] = [];

  constructor(
    private readonly context: ExpandContext,
    root: HTMLElement,
    private readonly onPath: (path: [string, string] | null) => void,
  ) {
    this.ui = renderPathTool(root, () => void this.find(this.ui.from.value, this.ui.to.value), () => this.clear());
  }

  setEndpoint(end: 'from' | 'to', id: string): void {
    (end === 'from' ? this.ui.from : this.ui.to).value = id;
    if (this.ui.from.value && this.ui.to.value) void this.find(this.ui.from.value, this.ui.to.value);
  }

  /** A concept id from what the user typed: an id in the view as is, otherwise the top concept search hit. */
  private async resolve(text: string): Promise<{ id: string; name: string } | null> {
    const trimmed = text.trim();
    if (!trimmed) return null;
    const data = this.context.graph.nodeData(trimmed);
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
        this.context.graph.highlightPath([]);
        this.highlighted = [];
        return;
      }
      const { graph } = this.context;
      const { nodes, edges } = toElements(response, this.context.scales(), new Set(graph.nodeIds()));
      graph.add([...nodes, ...edges], from.id);
      this.highlighted = [...response.nodes.map((node) => node.data.id), ...response.edges.map((edge) => edge.data.id)];
      graph.highlightPath(this.highlighted);
      this.ui.result.textContent = `${response.length} hops: ${(response.paths[0] ?? []).map((id) => String(graph.nodeData(id)?.label ?? id)).join(' → ')}`;
      this.onPath([from.id, to.id]);
      this.context.changed();
    } catch (error) {
      this.context.reportError(error, 'Finding the path failed');
    }
  }

  clear(): void {
    this.context.graph.highlightPath([]);
    this.highlighted = [];
    this.ui.result.textContent = '';
    this.onPath(null);
  }
}
