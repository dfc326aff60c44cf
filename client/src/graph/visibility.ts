/**
 * Showing exactly what the view-model says is visible. Hidden elements of a laid-out big graph are held back
 * outside Cytoscape (every element it holds costs style, bounds and sorting on each draw) and go in when shown;
 * the others carry class `filtered`. Changes are worked out against what was last shown, so only elements whose
 * state changes are touched: restyling 100,000 elements for nothing costs seconds.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import type { Point } from '../view-model/placement.js';
import type { Visibility } from '../view-model/graph-view-model.js';

const withoutFiltered = (element: ElementDefinition): ElementDefinition => ({
  ...element,
  classes: [element.classes ?? []].flat().join(' ').split(' ').filter((name) => name && name !== 'filtered'),
});

export class DrawnVisibility {
  /** What apply() last showed; null after a load (elements came with their own classes). */
  private shown: Visibility | null = null;
  /** Laid-out elements of a big graph not in Cytoscape yet (hidden), by id. */
  private readonly held = new Map<string, ElementDefinition>();

  /** A new graph: its elements arrive with their own classes. */
  reset(): void {
    this.shown = null;
    this.held.clear();
  }

  hold(elements: readonly ElementDefinition[]): void {
    for (const element of elements) this.held.set(String(element.data.id), element);
  }

  forget(ids: readonly string[]): void {
    for (const id of ids) this.held.delete(id);
  }

  /** New elements are drawn until the next apply() says otherwise. */
  added(elements: readonly ElementDefinition[]): void {
    for (const element of elements) {
      const id = String(element.data.id);
      if (element.group === 'nodes') this.shown?.nodes.add(id);
      else this.shown?.edges.add(id);
    }
  }

  /** New data (or position) for a held node. */
  update(id: string, change: { data?: Record<string, unknown>; position?: Point }): void {
    const held = this.held.get(id);
    if (!held) return;
    this.held.set(id, { ...held, data: { ...held.data, ...change.data }, ...(change.position ? { position: { ...change.position } } : {}) });
  }

  apply(cy: Core, visible: Visibility): void {
    const changes: { show: string[]; hide: string[] } = { show: [], hide: [] };
    this.addHeld(cy, visible);
    cy.batch(() => {
      if (!this.shown) {
        cy.elements().forEach((element) => {
          const on = (element.isNode() ? visible.nodes : visible.edges).has(element.id());
          if (on === element.hasClass('filtered')) (on ? changes.show : changes.hide).push(element.id());
        });
      } else {
        for (const [now, before] of [[visible.nodes, this.shown.nodes], [visible.edges, this.shown.edges]] as const) {
          for (const id of now) if (!before.has(id)) changes.show.push(id);
          for (const id of before) if (!now.has(id)) changes.hide.push(id);
        }
      }
      for (const id of changes.show) cy.getElementById(id).removeClass('filtered');
      for (const id of changes.hide) cy.getElementById(id).addClass('filtered');
    });
    this.shown = { nodes: new Set(visible.nodes), edges: new Set(visible.edges) };
  }

  /** Held elements that are to be shown now go into Cytoscape (nodes before the edges that need them). */
  private addHeld(cy: Core, visible: Visibility): void {
    if (this.held.size === 0) return;
    const take = (ids: Set<string>): ElementDefinition[] =>
      [...ids].flatMap((id) => {
        const element = this.held.get(id);
        if (!element) return [];
        this.held.delete(id);
        return [withoutFiltered(element)];
      });
    const nodes = take(visible.nodes);
    const edges = take(visible.edges);
    if (nodes.length + edges.length > 0) cy.add([...nodes, ...edges]);
  }
}
