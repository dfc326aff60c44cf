/**
 * Curation and live notes in the explorer, behind a few hooks the explorer provides: runs each command, shows
 * what changed with an Undo button (Ctrl/Cmd+Z too), asks for the edit token when a network-facing server wants
 * one, remembers the last text selected in a note (clicking a button must not lose it), and turns live events
 * into a quiet "updated: file.md" and a refresh of what is on screen.
 */
import type { CurationResult, CurationStatus, LiveEvent } from '../../../common/curation-contract.js';
import { ApiError } from '../api.js';
import { button, el } from '../dom.js';
import { curationApi, editToken } from './curation-api.js';
import { liveMessage, type NoteSelection } from './curation-model.js';
import type { ConceptChoice, CurationHost } from './curation-tools.js';
import { subscribeToLiveEvents } from './live-updates.js';
import { noteTextIn, readNoteSelection } from './note-selection.js';

export interface ExplorerHooks {
  /** The side panel, whose note cards hold selectable text. */
  panel: HTMLElement;
  /** Where the change line with its Undo button goes. */
  statusLine: HTMLElement;
  /** Updates graph and panel after a change (select `result.focus` when set). */
  changed(result: CurationResult): Promise<void>;
  /** Reloads what is on screen after notes changed or the graph was recomputed; keeps selection and layout. */
  refresh(event: LiveEvent): Promise<void>;
  notify(message: string, kind: 'info' | 'success' | 'error'): void;
  pickedConcepts(): ConceptChoice[];
  findConcepts(query: string): Promise<ConceptChoice[]>;
}

export class CurationController {
  private current: CurationStatus | null = null;
  private lastSelection: NoteSelection | null = null;
  private latest: { changeId: string; summary: string } | null = null;
  private stopListening: () => void = () => {};
  private busy = false;

  constructor(private readonly hooks: ExplorerHooks) {}

  async start(): Promise<void> {
    this.current = await curationApi.status();
    this.latest = this.current?.undo ?? null;
    this.renderStatus();
    document.addEventListener('selectionchange', () => {
      const selection = readNoteSelection(this.hooks.panel);
      if (selection) this.lastSelection = selection;
    });
    document.addEventListener('keydown', (event) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable], .cm-editor');
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !typing && this.latest) {
        event.preventDefault();
        void this.undo();
      }
    });
    this.stopListening = subscribeToLiveEvents((event) => void this.onLiveEvent(event));
  }

  stop(): void {
    this.stopListening();
  }

  status(): CurationStatus | null {
    return this.current;
  }

  /** The host object the panel's curation tools use. */
  host(): CurationHost {
    return {
      status: () => this.current,
      pickedConcepts: () => this.hooks.pickedConcepts(),
      findConcepts: (query) => this.hooks.findConcepts(query),
      noteSelection: () => readNoteSelection(this.hooks.panel) ?? this.lastSelection,
      noteText: (noteId) => noteTextIn(this.hooks.panel, noteId),
      perform: (run) => this.perform(run),
    };
  }

  async undo(): Promise<void> {
    const latest = this.latest;
    if (!latest) return;
    await this.perform(() => curationApi.undo(latest.changeId));
  }

  private async perform(run: () => Promise<CurationResult>, retried = false): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const result = await run();
      this.latest = result.changeId ? { changeId: result.changeId, summary: result.summary } : null;
      this.lastSelection = null;
      this.renderStatus(result.summary);
      await this.hooks.changed(result);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED' && !retried && this.askForToken()) {
        this.busy = false;
        return this.perform(run, true);
      }
      this.hooks.notify(error instanceof Error ? error.message : String(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  private askForToken(): boolean {
    const token = window.prompt('This server needs its edit token (NOTEGRAPH_EDIT_TOKEN) to change the graph:');
    if (!token) return false;
    editToken.set(token.trim());
    return true;
  }

  private renderStatus(summary?: string): void {
    const line = this.hooks.statusLine;
    if (this.current && !this.current.editable) {
      line.replaceChildren(el('span', { class: 'meta' }, this.current.message));
      return;
    }
    const text = summary ?? this.latest?.summary;
    const undo = this.latest ? button('Undo', () => void this.undo(), { id: 'curation-undo', 'aria-keyshortcuts': 'Control+Z', title: `Undo: ${this.latest.summary}` }) : null;
    line.replaceChildren(...(text ? [el('span', { id: 'curation-summary' }, text)] : []), ...(undo ? [' ', undo] : []));
  }

  private async onLiveEvent(event: LiveEvent): Promise<void> {
    const message = liveMessage(event);
    if (message) this.hooks.notify(message, event.type === 'refresh-failed' ? 'error' : 'info');
    if (event.type === 'curation') {
      // Our own change was shown when its answer came; a change from another window is shown now.
      const ours = event.changeId !== null && event.changeId === this.latest?.changeId;
      this.current = await curationApi.status();
      this.latest = this.current?.undo ?? null;
      this.renderStatus(event.summary);
      if (!ours) await this.hooks.refresh(event);
      return;
    }
    if (event.type === 'notes' || event.type === 'graph') await this.hooks.refresh(event);
  }
}
