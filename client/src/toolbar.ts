/** The toolbar, the keyboard's action table and the shortcut help: user commands wired to the explorer. */
import { byId, download, el } from './dom.js';
import { layouts, type Explorer } from './explorer.js';
import type { ShortcutHandlers } from './keyboard.js';
import type { Direction } from './view-model/placement.js';
import { neighbourInDirection } from './view-model/placement.js';
import { shortcutHelp } from './view-model/shortcuts.js';
import { showLocal, toggleCypher, toggleLocal } from './views.js';

export function bindToolbar(explorer: Explorer): void {
  const layoutSelect = byId<HTMLSelectElement>('layout-select');
  if (explorer.state.layout && layouts.includes(explorer.state.layout as never)) layoutSelect.value = explorer.state.layout;
  byId('fit-button').addEventListener('click', () => explorer.fitVisible());
  layoutSelect.addEventListener('change', () => {
    explorer.graph.runLayout(explorer.layout);
    explorer.updateUrl({ layout: explorer.layout }, 'replace');
  });
  byId('layout-stop').addEventListener('click', () => explorer.graph.stopLayout());
  byId('undo-button').addEventListener('click', () => explorer.undoLatest());
  byId('focus-button').addEventListener('click', () => explorer.selection.toggleFocus());
  byId('local-button').addEventListener('click', () => void toggleLocal(explorer));
  byId('local-depth').addEventListener('change', () => {
    if (explorer.base.kind === 'local') void showLocal(explorer, explorer.vm.selected ?? explorer.base.local.center);
  });
  byId('export-png').addEventListener('click', () => download('notegraph.png', explorer.graph.exportPng()));
  byId('export-json').addEventListener('click', () =>
    download('notegraph.json', new Blob([JSON.stringify(explorer.graph.exportJson(), null, 2)], { type: 'application/json' })),
  );
  byId('filters-button').addEventListener('click', () => explorer.toggleDrawer('filters-button', 'filters', () => explorer.openFilters()));
  byId('path-button').addEventListener('click', () => explorer.toggleDrawer('path-button', 'path-tool'));
  byId('cypher-button').addEventListener('click', () => void toggleCypher(explorer));
  byId('help-button').addEventListener('click', () => showHelp());
}

/** The shortcuts as a dialog that stays until closed (Esc or the button), not a toast that vanishes. */
export function showHelp(): void {
  const dialog = byId<HTMLDialogElement>('help');
  dialog.replaceChildren(
    el('h2', {}, 'Keyboard shortcuts'),
    el('table', {}, el('tbody', {}, ...shortcutHelp.map((item) => el('tr', {}, el('th', { scope: 'row' }, el('kbd', {}, item.keys)), el('td', {}, item.action))))),
    el('form', { method: 'dialog' }, el('button', { type: 'submit', id: 'help-close' }, 'Close')),
  );
  if (!dialog.open) dialog.showModal();
}

function moveSelection(explorer: Explorer, direction: Direction): void {
  const { vm } = explorer;
  const selected = vm.selected;
  if (!selected) {
    const first = vm.visibleByRank()[0];
    if (first) void explorer.selectConcept(first.id);
    return;
  }
  const from = vm.position(selected);
  const target = from ? neighbourInDirection(from, vm.neighbours(selected), direction) : null;
  if (target) void explorer.selectConcept(target);
}

function closeEverything(explorer: Explorer): void {
  explorer.search.close();
  if (explorer.vm.selected) explorer.clearSelection();
  else if (!byId('cypher').hidden) explorer.toggleDrawer('cypher-button', 'cypher', undefined, false);
  else if (!byId('filters').hidden) explorer.toggleDrawer('filters-button', 'filters', undefined, false);
  else if (!byId('path-tool').hidden) explorer.toggleDrawer('path-button', 'path-tool', undefined, false);
}

/** What every shortcut does; keyboard.ts only maps keys to these names. */
export function shortcutHandlers(explorer: Explorer): ShortcutHandlers {
  const withSelection = (run: (id: string) => void) => () => {
    const id = explorer.vm.selected;
    if (id) run(id);
  };
  return {
    'focus-search': () => explorer.search.focus(),
    clear: () => closeEverything(explorer),
    'move-left': () => moveSelection(explorer, 'left'),
    'move-right': () => moveSelection(explorer, 'right'),
    'move-up': () => moveSelection(explorer, 'up'),
    'move-down': () => moveSelection(explorer, 'down'),
    expand: withSelection((id) => void explorer.expand.expand(id)),
    collapse: withSelection((id) => explorer.expand.collapse(id)),
    undo: () => explorer.undoLatest(),
    pin: withSelection((id) => explorer.selection.togglePin(id)),
    fit: () => explorer.fitVisible(),
    'focus-mode': () => explorer.selection.toggleFocus(),
    cypher: () => void toggleCypher(explorer),
    local: () => void toggleLocal(explorer),
    help: () => showHelp(),
  };
}
