/**
 * Adds many elements to Cytoscape a slice at a time, yielding to the browser between slices, so no single
 * main-thread task grows with the graph: a user can still click, scroll and stop while 25,000 elements arrive.
 * Each slice is one cy.batch (one style pass), and its bounding boxes are computed right away, so the first
 * full frame only draws instead of also measuring every label. Between slices Cytoscape is held in a batch:
 * its render loop draws nothing while batching, so the growing graph is not redrawn after every slice (that
 * made 100,000 elements take 38 s); the nodes are drawn once when they are all in, the whole graph once at the end.
 */
import type { Core, ElementDefinition } from 'cytoscape';

export interface ChunkedAdd {
  /** Resolves true when everything was added, false when cancelled first. */
  done: Promise<boolean>;
  cancel(): void;
}

/** Elements per slice: ~1–2k keeps each slice well under 100 ms for a 5k/20k graph on this machine. */
export const defaultSliceSize = 500;

function nextTask(): Promise<void> {
  // setTimeout rather than requestAnimationFrame: a hidden or background tab still makes progress.
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * After the next frame has been drawn (Cytoscape's render callback runs in that frame before ours), or after
 * 100 ms where no frame comes (a background tab).
 */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
}

/** Core.batching() exists (Cytoscape 3.x) but is missing from its type definitions. */
function batching(cy: Core): boolean {
  return (cy as Core & { batching(): boolean }).batching();
}

/**
 * Nodes first (edges need their endpoints), skipping ids already present (e.g. a concept a deep link added while
 * the slices were still arriving) and edges whose endpoint is missing.
 */

export function addInSlices(cy: Core, elements: ElementDefinition[], onProgress: (added: number, total: number) => void, sliceSize = defaultSliceSize): ChunkedAdd {
  let cancelled = false;
  const nodes = elements.filter((element) => element.group === 'nodes');
  const nodeCount = nodes.length;
  const ordered = [...nodes, ...elements.filter((element) => element.group !== 'nodes')];
  const run = async (): Promise<boolean> => {
    try {
      return await addAll();
    } finally {
      if (!cy.destroyed() && batching(cy)) cy.endBatch();
    }
  };
  const addAll = async (): Promise<boolean> => {
    for (let start = 0; start < ordered.length; start += sliceSize) {
      if (cancelled || cy.destroyed()) return false;
      if (batching(cy)) cy.endBatch();
      const slice = ordered.slice(start, start + sliceSize).filter((element) => {
        const id = element.data.id;
        if (id !== undefined && cy.getElementById(id).nonempty()) return false;
        if (element.group !== 'edges') return true;
        return cy.getElementById(String(element.data.source)).nonempty() && cy.getElementById(String(element.data.target)).nonempty();
      });
      let added = cy.collection();
      cy.batch(() => {
        added = cy.add(slice);
      });
      // Caches each element's box (label sizes included) now, in this slice, rather than all in the first draw.
      added.forEach((element) => void element.boundingBox());
      onProgress(Math.min(start + sliceSize, ordered.length), ordered.length);
      // Once the nodes are in, one frame draws them alone: drawing nodes and edges for the first time in one
      // frame was the longest task of a big graph's arrival (each first draw renders textures and measures).
      if (start < nodeCount && start + sliceSize >= nodeCount && nodeCount < ordered.length) {
        await nextFrame();
        continue;
      }
      cy.startBatch();
      await nextTask();
    }
    return !cancelled && !cy.destroyed();
  };
  return {
    done: run(),
    cancel: () => {
      cancelled = true;
    },
  };
}
