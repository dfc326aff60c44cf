/**
 * Curation and live notes in the explorer, behind a few hooks the explorer provides: runs each command, shows
 * what changed with an Undo button (the explorer's Undo and Ctrl/Cmd+Z take it back too), asks for the edit token
 * when a network-facing server wants one, remembers the last text selected in a note (clicking a button must not
 * lose it), says when the server is read-only, and turns live events into a quiet "updated: file.md" and a
 * refresh of what is on screen.
 */
import type { ConceptDetailResponse, NoteDetailResponse } from '../../../common/contract.js';
import type { CurationResult, CurationStatus, LiveEvent } from '../../../common/curation-contract.js';
import { ApiError } from '../api.js';
import { button, el } from '../dom.js';
import { curationApi, editToken } from './curation-api.js';
import { liveMessage, type NoteSelection } from './curation-model.js';
import { curationTools, noteCurationTools, type ConceptChoice, type CurationHost } from './curation-tools.js';
import { subscribeToLiveEvents } from './live-updates.js';
import { noteTextIn, readNoteSelection } from './note-selection.js';

export interface ExplorerHooks {
  /** The side panel, whose note cards hold selectable text. */
  panel: HTMLElement;
  /** Where the change line with its Undo button (or the read-only notice) goes. */
  statusLine: HTMLElement;
  /** Updates graph and panel after a change (select `result.focus` when set). */
  changed(result: CurationResult): Promise<void>;
  /** Reloads what is on screen after notes changed or the graph was recomputed; keeps selection and layout. */
  refresh(event: LiveEvent): Promise<void>;
  /** The explorer's buttons depend on whether there is something to undo. */
  undoChanged(): void;
  notify(message: string, kind: 'info' | 'success' | 'error'): void;
  pickedConcepts(): ConceptChoice[];
  findConcepts(query: string): Promise<ConceptChoice[]>;
}

interface Latest {
  changeId: string;
  summary: string;
  /** performance.now() when it was made or learnt of: Undo takes back the latest of an expand and a correction. */
  at: number;
}

export class CurationController {
  private current: CurationStatus | null = null;
  private lastSelection: NoteSelection | null = null;
  private latest: Latest | null = null;
  private stopListening: () => void = () => {};
  /** Commands asked for and not yet shown (running or waiting their turn). */
  private pending = 0;
  private tail: Promise<void> = Promise.resolve();
  /** The panel sections, kept while what they show is the same, so a panel redraw keeps an open form. */
  private cached: { key: unknown[]; element: HTMLElement } | null = null;

  constructor(private readonly hooks: ExplorerHooks) {}

  async start(): Promise<void> {
    this.current = await curationApi.status();
    this.setLatest(this.current?.undo ?? null, 0);
    this.renderStatus();
    document.addEventListener('selectionchange', () => {
      const selection = readNoteSelection(this.hooks.panel);
      if (selection) this.lastSelection = selection;
    });
    if (this.current?.events) this.stopListening = subscribeToLiveEvents((event) => void this.onLiveEvent(event));
  }

  stop(): void {
    this.stopListening();
  }

  status(): CurationStatus | null {
    return this.current;
  }

  canUndo(): boolean {
    return this.latest !== null && this.current?.editable === true;
  }

  latestAt(): number {
    return this.latest?.at ?? 0;
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
      notify: (message) => this.hooks.notify(message, 'info'),
    };
  }

  /** The panel's curation sections (the same element while concept, picks and access are unchanged). */
  panelExtras(): { concept(detail: ConceptDetailResponse): HTMLElement; note(detail: NoteDetailResponse): HTMLElement } {
    const reuse = (key: unknown[], build: () => HTMLElement): HTMLElement => {
      const same = this.cached && this.cached.key.length === key.length && this.cached.key.every((part, index) => part === key[index]);
      if (!same) this.cached = { key, element: build() };
      return this.cached!.element;
    };
    const picked = () => this.hooks.pickedConcepts().map((concept) => concept.id).join('\u0000');
    return {
      concept: (detail) => reuse([detail, picked(), this.current], () => curationTools(detail, this.host())),
      note: (detail) => reuse([detail, this.current], () => noteCurationTools(detail, this.host())),
    };
  }

  /** Takes back the latest change as it is when this Undo's turn comes (after any command still being shown). */
  async undo(): Promise<void> {
    if (!this.latest) return;
    await this.perform(() => (this.latest ? curationApi.undo(this.latest.changeId) : Promise.resolve(null)));
  }

  private setLatest(latest: { changeId: string; summary: string } | null, at = performance.now()): void {
    this.latest = latest ? { ...latest, at } : null;
    this.hooks.undoChanged();
  }

  /**
   * Runs a command once the ones before it are shown: a click (an Undo right after a rename, under load while the
   * view still updates) is never dropped, and each command sees the state the one before it left.
   */
  private perform(run: () => Promise<CurationResult | null>): Promise<void> {
    this.pending += 1;
    const turn = this.tail.catch(() => undefined).then(() => this.performNow(run)).finally(() => (this.pending -= 1));
    this.tail = turn;
    return turn;
  }

  private async performNow(run: () => Promise<CurationResult | null>, retried = false): Promise<void> {
    try {
      const result = await run();
      if (!result) return;
      this.setLatest(result.changeId ? { changeId: result.changeId, summary: result.summary } : null);
      this.lastSelection = null;
      this.renderStatus(result.summary);
      await this.hooks.changed(result);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED' && !retried && this.askForToken()) return this.performNow(run, true);
      this.hooks.notify(error instanceof Error ? error.message : String(error), 'error');
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
      line.replaceChildren(el('span', { class: 'read-only-badge', id: 'read-only-badge', title: this.current.message }, 'Read-only'));
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
      // Our own change is shown when its answer comes (the event may arrive first: while a command of ours is in
      // flight, events are its own); a change from another window is shown now.
      const ours = this.pending > 0 || (event.changeId !== null && event.changeId === this.latest?.changeId);
      if (ours) return;
      this.current = await curationApi.status();
      this.setLatest(this.current?.undo ?? null);
      this.renderStatus(event.summary);
      await this.hooks.refresh(event);
      return;
    }
    if (event.type === 'notes' || event.type === 'graph') await this.hooks.refresh(event);
  }
}
