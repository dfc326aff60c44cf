/**
 * Global keyboard shortcuts: keys map to actions in one table (view-model/shortcuts.ts); what each action does
 * is a table the composition root hands in. Keys typed into fields and the editor are left alone.
 */
import { shortcutFor, type ShortcutAction } from './view-model/shortcuts.js';

export type ShortcutHandlers = Record<ShortcutAction, () => void>;

function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.cm-editor') !== null;
}

export function bindShortcuts(root: Document, handlers: ShortcutHandlers): void {
  root.addEventListener('keydown', (event) => {
    if (typingTarget(event.target)) return;
    if (event.target instanceof HTMLElement && event.target.closest('dialog[open]')) return;
    const action = shortcutFor(event);
    if (!action) return;
    // Let buttons and links keep Enter; everything else is ours.
    if (event.key === 'Enter' && event.target instanceof HTMLElement && ['BUTTON', 'A'].includes(event.target.tagName)) return;
    event.preventDefault();
    handlers[action]();
  });
}
