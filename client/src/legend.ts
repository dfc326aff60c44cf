/**
 * The legend: the communities on screen (named by their top concepts, in their colours), shapes by kind and
 * edge styles. It follows the filters (it is drawn from the view-model's visible nodes), can be collapsed, and
 * clicking a community shows only that community.
 */
import { button, el, replaceContent } from './dom.js';
import type { CommunityEntry } from './view-model/graph-view-model.js';
import { kindShape, type NodeShape } from './view-model/palette.js';

/** The shape itself (CSS clip-path per Cytoscape shape, styles.css), so the legend shows shapes instead of naming them. */
function shapeSwatch(shape: NodeShape): HTMLElement {
  return el('span', { class: `shape shape-${shape}`, 'aria-hidden': 'true' });
}

export interface LegendContent {
  communities: CommunityEntry[];
  kinds: string[];
  hiddenCount: number;
}

const shownCommunities = 10;
const storageKey = 'notegraph.legendOpen';

export class Legend {
  private open: boolean;

  constructor(private readonly root: HTMLElement, private readonly onCommunity: (community: number) => void, private readonly onToggle: () => void) {
    this.open = localStorage.getItem(storageKey) !== 'false';
  }

  get isOpen(): boolean {
    return this.open && !this.root.hidden;
  }

  /** Width the legend takes from the graph's left side (for fitting), 0 when collapsed. */
  inset(): number {
    return this.isOpen ? this.root.getBoundingClientRect().width + 16 : 0;
  }

  render(content: LegendContent): void {
    const toggle = button(this.open ? 'Legend ▾' : 'Legend ▸', () => this.toggle(), { class: 'legend-toggle', 'aria-expanded': String(this.open), id: 'legend-toggle' });
    if (!this.open) {
      replaceContent(this.root, toggle);
      return;
    }
    const communities = content.communities.slice(0, shownCommunities);
    const more = content.communities.length - communities.length;
    replaceContent(
      this.root,
      toggle,
      el('h2', {}, 'Communities'),
      el('ul', { class: 'legend-communities' }, ...communities.map((entry) =>
        el('li', {}, button('', () => this.onCommunity(entry.community), { class: 'legend-community', title: `${entry.name}: show only this community (${entry.count} concepts)`, 'data-community': String(entry.community) },
        ))),
      ),
      more > 0 ? el('p', { class: 'meta' }, `and ${more} smaller communities`) : null,
      el('h2', {}, 'Shapes'),
      el('ul', { class: 'legend-kinds' }, ...content.kinds.map((kind) => el('li', { title: kindShape(kind) }, shapeSwatch(kindShape(kind)), ` ${kind}`))),
      el('h2', {}, 'Edges'),
      el('p', {}, 'dashed arrow: typed relation (hover for its type) · grey: co-occurrence, wider = more'),
      content.hiddenCount > 0 ? el('p', { class: 'meta', id: 'legend-hidden' }, `${content.hiddenCount} concepts hidden by filters (isolated ones by default; see Filters)`) : null,
    );
    // Names go in as text, next to their swatch.
    this.root.querySelectorAll<HTMLButtonElement>('.legend-community').forEach((item, index) => {
      const entry = communities[index]!;
      item.append(el('span', { class: 'swatch', style: `background:${entry.color}` }), `${entry.name} (${entry.count})`);
    });
  }

  private toggle(): void {
    this.open = !this.open;
    try {
      localStorage.setItem(storageKey, String(this.open));
    } catch {
      // Storage disabled: the legend still toggles for this page.
    }
    this.onToggle();
  }
}
