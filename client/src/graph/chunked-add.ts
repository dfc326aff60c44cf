/**
 * Adds many elements to Cytoscape a slice at a time, each slice drawn in a frame of its own, so no single
 * main-thread task grows with the graph: a user can still click, scroll and stop while a big graph arrives.
 * The first time Cytoscape draws a node it renders the node's texture; drawing a whole budget of nodes and edges
 * in one frame froze the page for 500–900 ms, so the top-ranked part is drawn first and the rest joins it a
 * slice per frame. Each slice is one cy.batch (one style pass), and its bounding boxes are computed right away,
 * so its frame only draws instead of also measuring every label.
 */
import type { Core, ElementDefinition } from 'cytoscape';

export interface ChunkedAdd {
  /** Resolves true when everything was added, false when cancelled first. */
  done: Promise<boolean>;
  cancel(): void;
}

/** Elements per slice: one slice's styling, boxes and first draw stay well under 100 ms on this machine. */
export const defaultSliceSize = 200;

/**
 * After the next frame has been drawn (Cytoscape's render callback runs in that frame before ours), or after
 * 100 ms where no frame comes (a background tab still makes progress).
 */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
}

/**
 * The order a big graph is drawn in: nodes by rank, highest first, each followed by the edges it completes, so
 * any prefix is the top-ranked part of the graph with all its edges among itself, and no edge comes before
 * both its ends. Edges whose ends are not among the elements are left out.
 */
export function drawOrder(elements: ElementDefinition[]): ElementDefinition[] {
  const nodes = elements.filter((element) => element.group === 'nodes');
  const rankOf = (element: ElementDefinition): number => Number(element.data.rank ?? 0);
  nodes.sort((a, b) => rankOf(b) - rankOf(a));
  const placeOf = new Map(nodes.map((node, index) => [String(node.data.id), index]));
  const edgesAfter = new Map<number, ElementDefinition[]>();
  for (const edge of elements) {
    if (edge.group === 'nodes') continue;
    const source = placeOf.get(String(edge.data.source));
    const target = placeOf.get(String(edge.data.target));
    if (source === undefined || target === undefined) continue;
    const after = Math.max(source, target);
    const list = edgesAfter.get(after);
    if (list) list.push(edge);
    else edgesAfter.set(after, [edge]);
  }
  return nodes.flatMap((node, index) => [node, ...(edgesAfter.get(index) ?? [])]);
}

/** A labelled node costs its slice this many elements: measuring and drawing its text is most of a node's work. */
const labelledCost = 5;

const isLabelled = (element: ElementDefinition): boolean =>
  element.group === 'nodes' && !(typeof element.classes === 'string' ? element.classes.split(' ') : (element.classes ?? [])).includes('no-label');

/** Where each slice starts, then the end (just [0] for no elements): at most `sliceSize` elements' worth each, labelled nodes weighing more. */
export function sliceBounds(ordered: readonly ElementDefinition[], sliceSize: number): number[] {
  const bounds = [0];
  let cost = 0;
  ordered.forEach((element, index) => {
    cost += isLabelled(element) ? labelledCost : 1;
    if (cost >= sliceSize && index + 1 < ordered.length) {
      bounds.push(index + 1);
      cost = 0;
    }
  });
  if (ordered.length > 0) bounds.push(ordered.length);
  return bounds;
}

/**
 * Adds `elements` in draw order (drawOrder), skipping ids already present (e.g. a concept a deep link added while
 * the slices were still arriving) and edges whose endpoint is missing.
 */
export function addInSlices(cy: Core, elements: ElementDefinition[], onProgress: (added: number, total: number) => void, sliceSize = defaultSliceSize): ChunkedAdd {
  let cancelled = false;
  const ordered = drawOrder(elements);
  const bounds = sliceBounds(ordered, sliceSize);
  const addAll = async (): Promise<boolean> => {
    for (let part = 0; part < bounds.length - 1; part += 1) {
      const start = bounds[part]!;
      const end = bounds[part + 1]!;
      if (cancelled || cy.destroyed()) return false;
      // An edge's ends may be in this very slice, ahead of it.
      const arriving = new Set<string>();
      const present = (id: string): boolean => arriving.has(id) || cy.getElementById(id).nonempty();
      const slice = ordered.slice(start, end).filter((element) => {
        const id = element.data.id;
        if (id !== undefined && cy.getElementById(id).nonempty()) return false;
        if (element.group !== 'edges') {
          if (id !== undefined) arriving.add(String(id));
          return true;
        }
        return present(String(element.data.source)) && present(String(element.data.target));
      });
      let added = cy.collection();
      cy.batch(() => {
        added = cy.add(slice);
      });
      // Caches each element's box (label sizes included) now, in this slice, rather than in its first draw.
      added.forEach((element) => void element.boundingBox());
      onProgress(end, ordered.length);
      await nextFrame();
    }
    return !cancelled && !cy.destroyed();
  };
  return {
    done: addAll(),
    cancel: () => {
      cancelled = true;
    },
  };
}
