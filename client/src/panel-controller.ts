/** Loads what the side panel shows (a concept page by page with its related topics, or a note) and re-renders it. */
import type { ConceptDetailResponse, NoteDetailResponse, RelatedTopic } from '../../common/contract.js';
import { ApiError, api } from './api.js';
import { renderConceptPanel, renderNotePanel, renderPanelMessage, type PanelActions } from './panel.js';
import { timeQuery, type Filters } from './view-model/filters.js';

const notesPageSize = 20;

export interface PanelContext {
  actions: PanelActions;
  filters(): Filters;
  isPinned(id: string): boolean;
  isExpanded(id: string): boolean;
  reportError(error: unknown, what: string): void;
  describe(error: unknown): string;
  /** Sections added under a concept's actions or a note's concepts (the curation tools). */
  extras?(): PanelExtras | null;
}

export interface PanelExtras {
  concept(detail: ConceptDetailResponse): HTMLElement | null;
  note(detail: NoteDetailResponse): HTMLElement | null;
}

export class PanelController {
  private token = 0;
  private shown: { detail: ConceptDetailResponse; related: RelatedTopic[] | null } | null = null;
  private shownNote: NoteDetailResponse | null = null;

  constructor(private readonly panel: HTMLElement, private readonly context: PanelContext) {}

  get conceptId(): string | null {
    return this.shown?.detail.concept.id ?? null;
  }

  get noteId(): string | null {
    return this.shownNote?.note.id ?? null;
  }

  clear(): void {
    this.token += 1;
    this.shown = null;
    this.shownNote = null;
    this.panel.replaceChildren();
  }

  /**
   * Shows a concept; with `more`, appends the next page of its notes. Late answers for an old selection are
   * dropped. `quiet` (the notes or the graph changed under an open panel) keeps the old content until the new
   * one arrives and says so plainly when the concept is gone.
   */
  async showConcept(id: string, more = false, quiet = false): Promise<void> {
    const token = ++this.token;
    const previous = more && this.shown?.detail.concept.id === id ? this.shown : null;
    this.shownNote = null;
    if (!previous && !quiet) renderPanelMessage(this.panel, 'Loading…');
    // Related topics are asked for together with the concept: one round trip, and both answers describe the same
    // graph (asked for after the concept came back, a correction in between made it a 404 for a merged concept).
    const relatedAnswer = previous ? null : api.related(id, 10).then((answer) => answer.related).catch(() => []);
    try {
      const page = await api.concept(id, { offset: previous?.detail.notes.length ?? 0, limit: notesPageSize, ...timeQuery(this.context.filters()) });
      if (token !== this.token) return;
      const detail = previous ? { ...page, notes: [...previous.detail.notes, ...page.notes] } : page;
      this.shown = { detail, related: previous?.related ?? null };
      this.refresh();
      if (!relatedAnswer) return;
      const related = await relatedAnswer;
      if (token !== this.token) return;
      this.shown = { detail, related };
      this.refresh();
    } catch (error) {
      if (token !== this.token) return;
      if (quiet && error instanceof ApiError && error.status === 404) {
        this.shown = null;
        renderPanelMessage(this.panel, 'This concept is no longer in the graph: the notes or a correction changed it.');
        return;
      }
      renderPanelMessage(this.panel, `Could not load this concept: ${this.context.describe(error)}`);
      this.context.reportError(error, 'Loading the concept failed');
    }
  }

  /** Reloads what is shown (the time range changed; quietly: the notes or the graph changed). */
  async reload(quiet = false): Promise<void> {
    const id = this.conceptId;
    if (id) await this.showConcept(id, false, quiet);
    else if (this.noteId) await this.showNote(this.noteId, quiet);
  }

  refresh(): void {
    if (!this.shown) return;
    const id = this.shown.detail.concept.id;
    renderConceptPanel(
      this.panel,
      { ...this.shown, pinned: this.context.isPinned(id), expanded: this.context.isExpanded(id), filters: this.context.filters(), extra: this.context.extras?.()?.concept(this.shown.detail) },
      this.context.actions,
    );
  }

  async showNote(id: string, quiet = false): Promise<void> {
    const token = ++this.token;
    this.shown = null;
    if (!quiet) renderPanelMessage(this.panel, 'Loading…');
    try {
      const detail = await api.note(id);
      if (token !== this.token) return;
      this.shownNote = detail;
      renderNotePanel(this.panel, detail, this.context.actions, this.context.extras?.()?.note(detail) ?? null);
    } catch (error) {
      if (token !== this.token) return;
      if (quiet && error instanceof ApiError && error.status === 404) {
        this.shownNote = null;
        renderPanelMessage(this.panel, 'This note is no longer in the notes folder, or its text changed.');
        return;
      }
      this.context.reportError(error, 'Opening the note failed');
    }
  }
}
