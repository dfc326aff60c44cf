/**
 * Marks: the classes that single out elements — selection, picked concepts, hover, focus, path. Cytoscape
 * restyles every element a class call is made on, even one that already had (or lacked) the class, and the
 * next frame then redraws them all: `cy.elements().removeClass('faded')` on every click restyled a whole graph
 * (300 ms at 5,000 elements). So each change here touches only the elements whose class really changes.
 * The marks last asked for are kept, so elements that arrive later (a graph drawn slice by slice) get them too.
 */
import type { CollectionReturnValue, Core } from 'cytoscape';

/** Gives `name` to exactly the elements of `wanted`, touching only those that gain or lose it. */
function markExactly(cy: Core, name: string, wanted: CollectionReturnValue): void {
  const had = cy.elements(`.${name}`);
  had.difference(wanted).removeClass(name);
  wanted.filter((element) => !element.hasClass(name)).addClass(name);
}

export class Marks {
  private selection: { id: string | null; edgeIds: string[] } = { id: null, edgeIds: [] };
  private hoverEdgeIds: string[] = [];
  private picked: readonly string[] = [];
  private faded: string[] | null = null;
  private path: string[] = [];

  constructor(private readonly cy: () => Core) {}

  private collect(ids: readonly string[]): CollectionReturnValue {
    const cy = this.cy();
    const collection = cy.collection();
    for (const id of ids) collection.merge(cy.getElementById(id));
    return collection;
  }

  /** Typed edges show their labels around the hovered and the selected concept. */
  private markEdgeLabels(): void {
    markExactly(this.cy(), 'edge-label', this.collect([...this.hoverEdgeIds, ...this.selection.edgeIds]));
  }

  /** Hover: the concept and its neighbours stand out, the rest dims (when asked), its edges show their labels. */
  setHover(id: string | null, neighbourIds: string[], edgeIds: string[], dimOthers: boolean): void {
    const cy = this.cy();
    cy.batch(() => {
      const keep = id ? this.collect([id, ...neighbourIds, ...edgeIds]) : cy.collection();
      this.hoverEdgeIds = id ? edgeIds : [];
      markExactly(cy, 'hover-focus', id ? this.collect([id]) : cy.collection());
      markExactly(cy, 'hover-edge', keep.filter((element) => element.isEdge()));
      markExactly(cy, 'hover-dim', id && dimOthers ? cy.elements().difference(keep) : cy.collection());
      this.markEdgeLabels();
    });
  }

  showSelection(id: string | null, edgeIds: string[]): void {
    this.selection = { id, edgeIds };
    const cy = this.cy();
    cy.batch(() => {
      const wanted = id ? this.collect([id]).nodes() : cy.collection();
      cy.nodes(':selected').difference(wanted).unselect();
      wanted.filter((node) => !node.selected()).select();
      markExactly(cy, 'selected-edge', this.collect(edgeIds));
      this.markEdgeLabels();
    });
  }

  /** Marks the picked concepts (besides the selection). */
  showPicked(ids: readonly string[]): void {
    this.picked = [...ids];
    markExactly(this.cy(), 'picked', this.collect(ids));
  }

  /** Focus mode: everything but `keepIds` fades; null: nothing does. */
  setFaded(keepIds: string[] | null): void {
    this.faded = keepIds;
    const cy = this.cy();
    cy.batch(() => markExactly(cy, 'faded', keepIds ? cy.elements().difference(this.collect(keepIds)) : cy.collection()));
  }

  highlightPath(ids: string[]): void {
    this.path = ids;
    const cy = this.cy();
    cy.batch(() => markExactly(cy, 'on-path', this.collect(ids)));
  }

  /** The marks again, for elements added since they were set. */
  reapply(): void {
    this.cy().batch(() => {
      this.showSelection(this.selection.id, this.selection.edgeIds);
      this.showPicked(this.picked);
      this.setFaded(this.faded);
      this.highlightPath(this.path);
    });
  }
}
