/**
 * Which graph is on screen and how the URL brings it back: the overview, the local graph of a concept, or a
 * Cypher result that replaced the view; applying a URL state on start and on Back/Forward.
 */
import type { CypherResponse } from '../../common/contract.js';
import type { CypherConsole, ResultMode } from './cypher-console.js';
import { byId } from './dom.js';
import type { BaseView, Explorer } from './explorer.js';
import type { LocalGraphState, ViewState } from './view-model/url-state.js';

function showCypherGraph(explorer: Explorer, result: CypherResponse, mode: ResultMode, query: string): void {
  if (mode === 'replace') {
    explorer.updateUrl({ cypher: query, cypherView: true, concept: null }, 'push');
    explorer.showGraph(result.graph, { kind: 'cypher', query });
    return;
  }
  explorer.updateUrl({ cypher: query, cypherView: false }, 'push');
  const added = explorer.addToView(result.graph);
  explorer.reveal(added.nodeIds);
}

/** Local graph of the selected concept (or of `center`) to the depth chosen in the toolbar; again: back to the overview. */
export async function toggleLocal(explorer: Explorer, center = explorer.vm.selected): Promise<void> {
  if (explorer.base.kind === 'local' && center === null) {
    explorer.updateUrl({ local: null }, 'push');
    await explorer.loadBase({ kind: 'overview' });
    return;
  }
  if (explorer.base.kind === 'local' && center === explorer.base.local.center) {
    explorer.updateUrl({ local: null }, 'push');
    await explorer.loadBase({ kind: 'overview' });
    return;
  }
  if (!center) {
    explorer.notify('Select a concept first: the local graph shows its neighbourhood.');
    return;
  }
  await showLocal(explorer, center);
}

/** The local graph of `center` at the depth chosen in the toolbar, over the relation types the filters follow. */
export async function showLocal(explorer: Explorer, center: string): Promise<void> {
  const local: LocalGraphState = { center, depth: Number(byId<HTMLSelectElement>('local-depth').value) as 1 | 2 | 3 };
  explorer.updateUrl({ local, cypherView: false }, 'push');
  await explorer.loadBase({ kind: 'local', local });
  await explorer.selectConcept(center, { history: 'none' });
}

export function syncLocalButton(explorer: Explorer): void {
  byId('local-button').setAttribute('aria-pressed', String(explorer.base.kind === 'local'));
  if (explorer.base.kind === 'local') byId<HTMLSelectElement>('local-depth').value = String(explorer.base.local.depth);
}

/** Opens (or toggles) the Cypher console. CodeMirror is loaded on first use, so it does not delay the first graph. */
export async function toggleCypher(explorer: Explorer, open?: boolean): Promise<CypherConsole> {
  explorer.cypherConsole ??= import('./cypher-console.js').then(({ CypherConsole }) => {
    const console = new CypherConsole(byId('cypher'), {
      graph: (result, mode, query) => showCypherGraph(explorer, result, mode, query),
      select: (id) => {
        if (explorer.vm.has(id)) void explorer.selectConcept(id, { center: true });
      },
    }, explorer.theme === 'dark');
    void console.loadSchema().catch((error: unknown) => explorer.reportError(error, 'Loading the schema for completion failed'));
    return console;
  });
  const console = await explorer.cypherConsole;
  explorer.toggleDrawer('cypher-button', 'cypher', () => console.focus(), open);
  return console;
}

/** Brings the view in line with a state from the URL (start or back/forward), without pushing history. */
export async function applyState(explorer: Explorer, state: ViewState, initial = false): Promise<void> {
  const previous = explorer.state;
  explorer.state = { ...state, concept: previous.concept };
  explorer.vm.setFilters(state.filters);
  const timeChanged = previous.filters.dateFrom !== state.filters.dateFrom || previous.filters.dateTo !== state.filters.dateTo || previous.filters.undated !== state.filters.undated;
  const wanted: BaseView = state.local ? { kind: 'local', local: state.local } : { kind: 'overview' };
  const baseChanged = explorer.base.kind === 'cypher' ? !state.cypherView : JSON.stringify(wanted) !== JSON.stringify(explorer.base);
  if (initial || baseChanged || timeChanged) {
    if (!(state.cypherView && explorer.base.kind === 'cypher')) await explorer.loadBase(wanted);
  } else {
    explorer.refresh();
  }
  if (state.search) explorer.search.setText(state.search);
  if (state.cypher && (initial || state.cypherView)) {
    const console = await toggleCypher(explorer, true);
    if (initial || state.cypher !== console.query) console.setQuery(state.cypher);
    if (initial) await console.run();
  }
  if (state.path && initial) await explorer.paths.find(state.path[0], state.path[1]);
  if (state.concept) await explorer.selectConcept(state.concept, { center: true, history: 'none' });
  else if (explorer.vm.selected) explorer.clearSelection('none');
}
