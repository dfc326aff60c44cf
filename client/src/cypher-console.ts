/**
 * The Cypher console: a CodeMirror 6 editor (Cypher highlighting from CodeMirror's legacy Cypher mode,
 * completion from /api/schema, One Dark in dark mode), Ctrl/Cmd-Enter to run, Cancel while it runs, history in
 * localStorage, example queries, results as a typed table with an inspector (cypher-results.ts) and as a graph
 * handed to the explorer. Server errors are shown with their position. A query is sent once: a timeout is the
 * answer, never a reason to send it again; Cancel aborts the request, and the server then ends its transaction.
 */
import { autocompletion, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import type { CypherResponse, SchemaResponse } from '../../common/contract.js';
import { ApiError, api } from './api.js';
import { CypherResults } from './cypher-results.js';
import { button, el, replaceContent } from './dom.js';
import { cypherCompletions, errorOffset, exampleQueries } from './view-model/cypher-completion.js';

export type ResultMode = 'add' | 'replace';

export interface CypherConsoleEvents {
  graph(result: CypherResponse, mode: ResultMode, query: string): void;
  /** A node or relationship chip in the results was clicked. */
  select(id: string): void;
}

const historyKey = 'notegraph.cypherHistory';
const historyLimit = 50;

export function loadHistory(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(historyKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function saveHistory(query: string): string[] {
  const next = [query, ...loadHistory().filter((item) => item !== query)].slice(0, historyLimit);
  try {
    localStorage.setItem(historyKey, JSON.stringify(next));
  } catch {
    // Storage full or disabled: history is a convenience, running the query matters more.
  }
  return next;
}

export class CypherConsole {
  private readonly editor: EditorView;
  private schema: SchemaResponse = { labels: [], relationshipTypes: [], propertyKeys: [] };
  private readonly errorBox = el('div', { class: 'cypher-error', role: 'alert', id: 'cypher-error' });
  private readonly summary = el('div', { class: 'cypher-summary', role: 'status', id: 'cypher-summary' });
  private readonly results: CypherResults;
  private readonly runButton: HTMLButtonElement;
  private readonly theme = new Compartment();
  private inflight: AbortController | null = null;
  private readonly historySelect = el('select', { 'aria-label': 'Query history', id: 'cypher-history' });
  private readonly modeSelect = el('select', { 'aria-label': 'Show the result graph', id: 'cypher-mode' },
    el('option', { value: 'replace' }, 'Replace view'), el('option', { value: 'add' }, 'Add to view'));
  constructor(private readonly root: HTMLElement, private readonly events: CypherConsoleEvents, dark: boolean) {
    this.results = new CypherResults({ select: (id) => events.select(id) });
    this.runButton = button('Run', () => (this.inflight ? this.cancel() : void this.run()), { id: 'cypher-run', 'aria-label': 'Run the query (Ctrl or Cmd + Enter)' });
    const host = el('div', { class: 'cypher-editor', id: 'cypher-editor' });
    this.editor = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: '',
        extensions: [
          history(),
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (void this.run(), true) }])),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
          StreamLanguage.define(cypher),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          this.theme.of(dark ? oneDark : []),
          autocompletion({ override: [(context) => this.complete(context)] }),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'Cypher query' }),
          placeholder('MATCH (c:Concept) RETURN c LIMIT 25   — Ctrl/Cmd-Enter runs'),
        ],
      }),
    });
    this.historySelect.addEventListener('change', () => {
      if (this.historySelect.value) this.setQuery(this.historySelect.value);
      this.historySelect.selectedIndex = 0;
    });
    this.fillHistory(loadHistory());
    replaceContent(
      root,
      el('div', { class: 'cypher-top' }, host, el('div', { class: 'cypher-side' }, this.runButton, this.modeSelect, this.historySelect)),
      el('div', { class: 'cypher-examples' }, 'Examples:', ...exampleQueries.map((example) => button(example.title, () => this.setQuery(example.query), { class: 'link' }))),
      this.errorBox,
      this.summary,
      el('div', { class: 'cypher-output' }, this.results.table, this.results.inspector),
    );
  }

  setDark(dark: boolean): void {
    this.editor.dispatch({ effects: this.theme.reconfigure(dark ? oneDark : []) });
  }

  get running(): boolean {
    return this.inflight !== null;
  }

  /** Aborts the running request; the server ends the query's transaction when its client goes away. */
  cancel(): void {
    this.inflight?.abort();
  }

  async loadSchema(): Promise<void> {
    this.schema = await api.schema();
  }

  focus(): void {
    this.editor.focus();
  }

  get query(): string {
    return this.editor.state.doc.toString();
  }

  setQuery(query: string): void {
    this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: query } });
    this.editor.focus();
  }

  private complete(context: CompletionContext): CompletionResult | null {
    const before = context.state.doc.sliceString(0, context.pos);
    const answer = cypherCompletions(this.schema, before);
    if (!answer || (answer.from === context.pos && !context.explicit && !/[:.]$/.test(before))) return null;
    return { from: answer.from, options: answer.options, validFor: /^\w*$/ };
  }

  private fillHistory(items: string[]): void {
    this.historySelect.replaceChildren(
      el('option', { value: '' }, items.length ? `History (${items.length})` : 'History (empty)'),
      ...items.map((item) => el('option', { value: item }, item.replace(/\s+/g, ' ').slice(0, 80))),
    );
  }

  async run(): Promise<void> {
    const query = this.query.trim();
    if (!query || this.inflight) return;
    const controller = new AbortController();
    this.inflight = controller;
    this.setRunning(true);
    this.errorBox.textContent = '';
    this.summary.textContent = 'Running…';
    try {
      const result = await api.cypher({ query }, controller.signal);
      this.fillHistory(saveHistory(query));
      this.showResult(result);
      if (result.graph.nodes.length > 0) this.events.graph(result, this.modeSelect.value as ResultMode, query);
    } catch (error) {
      this.summary.textContent = '';
      if (controller.signal.aborted) this.summary.textContent = 'Cancelled.';
      else this.showError(query, error);
    } finally {
      this.inflight = null;
      this.setRunning(false);
    }
  }

  private setRunning(running: boolean): void {
    this.runButton.textContent = running ? 'Cancel' : 'Run';
    this.runButton.setAttribute('aria-label', running ? 'Cancel the running query' : 'Run the query (Ctrl or Cmd + Enter)');
    this.runButton.classList.toggle('danger', running);
  }

  private showResult(result: CypherResponse): void {
    const { rows, capped, summary, graph } = result;
    this.summary.textContent = `${rows.length} rows${capped ? ' (capped: refine the query to see the rest)' : ''} · ${graph.nodes.length} nodes, ${graph.edges.length} relationships in the graph · ${Math.round(summary.timeMs)} ms`;
    this.results.show(result);
  }

  private showError(query: string, error: unknown): void {
    const message = error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
    const offset = error instanceof ApiError ? errorOffset(query, error.details) : null;
    const lines = [message];
    if (offset !== null) {
      const lineStart = query.lastIndexOf('\n', offset - 1) + 1;
      const lineEnd = query.indexOf('\n', offset);
      lines.push('', query.slice(lineStart, lineEnd < 0 ? undefined : lineEnd), `${' '.repeat(offset - lineStart)}^`);
      this.editor.dispatch({ selection: { anchor: Math.min(offset, this.editor.state.doc.length) }, scrollIntoView: true });
    }
    this.errorBox.textContent = lines.join('\n');
    this.results.clear();
  }
}
