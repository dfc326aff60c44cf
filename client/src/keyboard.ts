/** Global keyboard shortcuts (see view-model/shortcuts.ts). Keys typed into fields and the editor are left alone. */
import { byId } from './dom.js';
import type { Explorer } from './explorer.js';
import type { Direction } from './view-model/placement.js';
import { neighbourInDirection } from './view-model/placement.js';
import { shortcutFor, shortcutHelp, type ShortcutAction } from './view-model/shortcuts.js';

function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.cm-editor') !== null;
}

function moveSelection(explorer: Explorer, direction: Direction): void {
  const { graph } = explorer;
  const selected = graph.selectedId;
  if (!selected) {
    const first = graph.nodeIds()[0];
    if (first) void explorer.selectConcept(first);
    return;
  }
  const from = graph.renderedPosition(selected);
  const target = from ? neighbourInDirection(from, graph.neighbours(selected), direction) : null;
  if (target) void explorer.selectConcept(target);
}

function closeEverything(explorer: Explorer): void {
  explorer.search.close();
  if (explorer.graph.selectedId) explorer.graph.select(null);
  else if (!byId('cypher').hidden) explorer.toggleDrawer('cypher-button', 'cypher', undefined, false);
  else if (!byId('filters').hidden) explorer.toggleDrawer('filters-button', 'filters', undefined, false);
  else if (!byId('path-tool').hidden) explorer.toggleDrawer('path-button', 'path-tool', undefined, false);
}

function run(explorer: Explorer, action: ShortcutAction): void {
  const selected = explorer.graph.selectedId;
  const actions: Record<ShortcutAction, () => void> = {
    'focus-search': () => explorer.search.focus(),
    clear: () => closeEverything(explorer),
    'move-left': () => moveSelection(explorer, 'left'),
    'move-right': () => moveSelection(explorer, 'right'),
    'move-up': () => moveSelection(explorer, 'up'),
    'move-down': () => moveSelection(explorer, 'down'),
    expand: () => selected && void explorer.expand.expand(selected),
    collapse: () => selected && explorer.expand.collapse(selected),
    undo: () => explorer.expand.undo(),
    pin: () => selected && explorer.panelActions.togglePin(selected),
    fit: () => explorer.graph.fit(),
    'focus-mode': () => explorer.toggleFocus(),
    cypher: () => void explorer.toggleCypher(),
    help: () => explorer.notify(`Shortcuts: ${shortcutHelp.map((item) => `${item.keys} ${item.action}`).join('; ')}`),
  };
  actions[action]();
}

export function bindShortcuts(explorer: Explorer): void {
  document.addEventListener('keydown', (event) => {
    if (typingTarget(event.target)) return;
    const action = shortcutFor(event);
    if (!action) return;
    // Let buttons and links keep Enter; everything else is ours.
    if (event.key === 'Enter' && event.target instanceof HTMLElement && ['BUTTON', 'A'].includes(event.target.tagName)) return;
    event.preventDefault();
    run(explorer, action);
  });
}
