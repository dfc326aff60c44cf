/** Loads what the side panel shows (a concept page by page with its related topics, or a note) and re-renders it. */
import type { ConceptDetailResponse, RelatedTopic } from '../../common/contract.js';
import { api } from './api.js';
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
}

export class PanelController {
  private token = 0;
  private shown: { detail: ConceptDetailResponse; related: RelatedTopic[] | null } | null = null;

  constructor(private readonly panel: HTMLElement, private readonly context: PanelContext) {}

  get conceptId(): string | null {
    return this.shown?.detail.concept.id ?? null;
  }

  clear(): void {
    this.token += 1;
    this.shown = null;
    this.panel.replaceChildren();
  }

  /** Shows a concept; with `more`, appends the next page of its notes. Late answers for an old selection are dropped. */
  async showConcept(id: string, more = false): Promise<void> {
    const token = ++this.token;
    const previous = more && this.shown?.detail.concept.id === id ? this.shown : null;
    if (!previous) renderPanelMessage(this.panel, 'Loading…');
    try {
      const page = await api.concept(id, { offset: previous?.detail.notes.length ?? 0, limit: notesPageSize, ...timeQuery(this.context.filters()) });
      if (token !== this.token) return;
      const detail = previous ? { ...page, notes: [...previous.detail.notes, ...page.notes] } : page;
      this.shown = { detail, related: previous?.related ?? null };
      this.refresh();
      if (previous) return;
      const related = await api.related(id, 10).then((answer) => answer.related).catch(() => []);
      if (token !== this.token) return;
      this.shown = { detail, related };
      this.refresh();
    } catch (error) {
      if (token !== this.token) return;
      renderPanelMessage(this.panel, `Could not load this concept: ${this.context.describe(error)}`);
      this.context.reportError(error, 'Loading the concept failed');
    }
  }

  /** Reloads the concept shown (the time range changed). */
  async reload(): Promise<void> {
    const id = this.conceptId;
    if (id) await this.showConcept(id);
  }

  refresh(): void {
    if (!this.shown) return;
    const id = this.shown.detail.concept.id;
    renderConceptPanel(
      this.panel,
      { ...this.shown, pinned: this.context.isPinned(id), expanded: this.context.isExpanded(id), filters: this.context.filters() },
      this.context.actions,
    );
  }

  async showNote(id: string): Promise<void> {
    const token = ++this.token;
    this.shown = null;
    renderPanelMessage(this.panel, 'Loading…');
    try {
      const detail = await api.note(id);
      if (token === this.token) renderNotePanel(this.panel, detail, this.context.actions);
    } catch (error) {
      this.context.reportError(error, 'Opening the note failed');
    }
  }
}
