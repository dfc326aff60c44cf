/** Keyboard shortcuts: one table, used by the key handler and by the help list. */
export type ShortcutAction =
  | 'focus-search'
  | 'clear'
  | 'move-left'
  | 'move-right'
  | 'move-up'
  | 'move-down'
  | 'expand'
  | 'collapse'
  | 'undo'
  | 'pin'
  | 'fit'
  | 'focus-mode'
  | 'cypher'
  | 'local'
  | 'help';

export const shortcutHelp: { keys: string; action: string }[] = [
  { keys: '/', action: 'focus the search box' },
  { keys: 'Esc', action: 'clear the selection, close the search list or a drawer' },
  { keys: '← ↑ → ↓', action: 'move the selection to the neighbour in that direction' },
  { keys: 'Enter or e', action: 'expand the selected concept' },
  { keys: 'Backspace or x', action: 'collapse what expanding the selected concept added' },
  { keys: 'Ctrl/Cmd + Z or u', action: 'undo the last expand or correction' },
  { keys: 'Shift/Ctrl/Cmd + click', action: 'pick another concept besides the selected one (to merge them)' },
  { keys: 'p', action: 'pin or unpin the selected concept' },
  { keys: 'f', action: 'fit the graph to the window' },
  { keys: 'g', action: 'focus mode: fade all but the selection’s neighbourhood' },
  { keys: 'c', action: 'open or close the Cypher console' },
  { keys: 'l', action: 'local graph of the selected concept on or off' },
  { keys: 'Ctrl/Cmd + Enter', action: 'run the query (in the Cypher editor)' },
  { keys: '?', action: 'show this list' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The action for a key press outside text fields (the caller checks that), or null. Plain letters only
 * without modifiers, so browser shortcuts keep working.
 */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  if (event.altKey) return null;
  if (mod) return event.key.toLowerCase() === 'z' ? 'undo' : null;
  const table: Record<string, ShortcutAction> = {
    '/': 'focus-search',
    Escape: 'clear',
    ArrowLeft: 'move-left',
    ArrowRight: 'move-right',
    ArrowUp: 'move-up',
    ArrowDown: 'move-down',
    Enter: 'expand',
    e: 'expand',
    Backspace: 'collapse',
    x: 'collapse',
    u: 'undo',
    p: 'pin',
    f: 'fit',
    g: 'focus-mode',
    c: 'cypher',
    l: 'local',
    '?': 'help',
  };
  return table[event.key] ?? null;
}
