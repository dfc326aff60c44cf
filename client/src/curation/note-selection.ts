/**
 * Reads the user's text selection inside a note card of the panel (`[data-note-id]` around a `.note-text`),
 * as offsets into that note's text. The note text is rendered as text nodes (highlights are <mark> around
 * text), so a Range from the start of `.note-text` measures offsets exactly.
 */
import type { NoteSelection } from './curation-model.js';

function noteTextOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('.note-text') ?? null;
}

function offsetIn(container: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selection when it lies within one note's text under `root`, else null. */
export function readNoteSelection(root: HTMLElement, selection: Selection | null = window.getSelection()): NoteSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const container = noteTextOf(range.startContainer);
  if (!container || container !== noteTextOf(range.endContainer) || !root.contains(container)) return null;
  const noteId = container.closest<HTMLElement>('[data-note-id]')?.dataset.noteId;
  if (!noteId) return null;
  const start = offsetIn(container, range.startContainer, range.startOffset);
  const end = offsetIn(container, range.endContainer, range.endOffset);
  return { noteId, start, end, text: (container.textContent ?? '').slice(start, end) };
}

/** The full text of a note card's `.note-text` under `root`. */
export function noteTextIn(root: HTMLElement, noteId: string): string | undefined {
  const card = [...root.querySelectorAll<HTMLElement>('[data-note-id]')].find((element) => element.dataset.noteId === noteId);
  return card?.querySelector('.note-text')?.textContent ?? undefined;
}
