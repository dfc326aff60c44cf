/**
 * Search with autocomplete: concepts first, then notes, Chinese and English (the server's full-text index
 * does the matching). An ARIA combobox: arrows move, Enter chooses, Escape closes.
 */
import type { ConceptHit, NoteHit, SearchResponse } from '../../common/contract.js';
import { api } from './api.js';
import { el } from './dom.js';
import { highlightedText } from './panel.js';

export interface SearchChoices {
  concept(hit: ConceptHit): void;
  note(hit: NoteHit): void;
  error(error: unknown): void;
  /** The text changed (for the URL). */
  text?(query: string): void;
}

type Option = { kind: 'concept'; hit: ConceptHit } | { kind: 'note'; hit: NoteHit };

export class SearchBox {
  private options: Option[] = [];
  private active = -1;
  private timer: number | undefined;
  private inflight: AbortController | null = null;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly choices: SearchChoices,
  ) {
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('blur', () => window.setTimeout(() => this.close(), 150));
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  setText(text: string): void {
    this.input.value = text;
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(this.input.value.trim()), 150);
  }

  /** Runs a search now and shows its results (also used to restore a search from the URL). */
  async run(query: string): Promise<void> {
    this.choices.text?.(query);
    this.inflight?.abort();
    if (!query) {
      this.close();
      return;
    }
    const controller = new AbortController();
    this.inflight = controller;
    let response: SearchResponse;
    try {
      response = await api.search(query, 8, controller.signal);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.choices.error(error);
      return;
    }
    if (this.inflight !== controller) return;
    this.show(response);
  }

  private show(response: SearchResponse): void {
    this.options = [
      ...response.concepts.map((hit): Option => ({ kind: 'concept', hit })),
      ...response.notes.map((hit): Option => ({ kind: 'note', hit })),
    ];
    this.active = this.options.length > 0 ? 0 : -1;
    const items: HTMLElement[] = [];
    if (response.concepts.length) items.push(el('li', { class: 'group', role: 'presentation' }, 'Concepts'));
    this.options.forEach((option, index) => {
      if (option.kind === 'note' && (index === 0 || this.options[index - 1]?.kind === 'concept')) {
        items.push(el('li', { class: 'group', role: 'presentation' }, 'Notes'));
      }
      items.push(this.optionItem(option, index));
    });
    if (this.options.length === 0) items.push(el('li', { class: 'empty', role: 'presentation' }, `Nothing found for “${response.query}”.`));
    this.list.replaceChildren(...items);
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.markActive();
  }

  private optionItem(option: Option, index: number): HTMLElement {
    const item =
      option.kind === 'concept'
        ? el('li', { role: 'option', id: `search-option-${index}`, 'data-concept-id': option.hit.id },
            el('span', {}, option.hit.name),
            el('span', { class: 'hit-kind' }, [option.hit.kind, option.hit.matched !== option.hit.name ? option.hit.matched : null, option.hit.match === 'fuzzy' ? 'did you mean' : null].filter(Boolean).join(' · ')))
        : el('li', { role: 'option', id: `search-option-${index}`, 'data-note-id': option.hit.id },
            el('span', {}, option.hit.title),
            el('span', { class: 'hit-kind' }, option.hit.places.length > 1 ? `${option.hit.places.length} places` : (option.hit.places[0]?.source.path ?? '')),
            el('span', { class: 'hit-snippet' }, highlightedText(option.hit.snippet, option.hit.highlights)));
    // mousedown, not click: it fires before the input's blur closes the list.
    item.addEventListener('mousedown', (event) => {
      event.preventDefault();
      this.choose(index);
    });
    return item;
  }

  private markActive(): void {
    this.list.querySelectorAll('[role="option"]').forEach((item) => item.setAttribute('aria-selected', String(item.id === `search-option-${this.active}`)));
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
      document.getElementById(`search-option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.options.length) % this.options.length;
      this.markActive();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      window.clearTimeout(this.timer);
      if (this.active >= 0 && !this.list.hidden) this.choose(this.active);
      else void this.run(this.input.value.trim());
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      if (this.list.hidden) this.input.blur();
      this.close();
    }
  }

  private choose(index: number): void {
    const option = this.options[index];
    if (!option) return;
    this.close();
    if (option.kind === 'concept') this.choices.concept(option.hit);
    else this.choices.note(option.hit);
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
