/**
 * How Cytoscape draws a graph of a given size: renderer init options plus a few stylesheet simplifications.
 * Small graphs keep the full look; big ones trade detail for frames. Each hint was measured on its own by
 * `npm run bench:client -- --variants=…` (the figures are in the commit that set the threshold).
 */
export interface RenderingHints {
  /** While the view moves, pan/zoom one bitmap of the last frame instead of redrawing every element. */
  texture: boolean;
  /** While the view moves, draw nodes only. */
  hideEdges: boolean;
  /** Draw at 1 device pixel per CSS pixel: a quarter of the pixels on a HiDPI screen (no effect at DPR 1). */
  px1: boolean;
  /** Every edge a haystack line: no arrows, dashes, bezier routing or edge labels. */
  simpleEdges: boolean;
  /** Node labels only once they would be drawn at ≥ 10 px on screen (instead of 7). */
  sparseLabels: boolean;
  /** WebGL renderer: bigger texture atlases and instance batches, so fewer draw calls per frame. */
  bigBatches: boolean;
}

export const hintNames = ['texture', 'hideEdges', 'px1', 'simpleEdges', 'sparseLabels', 'bigBatches'] as const satisfies readonly (keyof RenderingHints)[];

/** From this many nodes on, a graph is drawn with the large-graph hints. */
export const largeGraphNodes = 1000;

const none: RenderingHints = { texture: false, hideEdges: false, px1: false, simpleEdges: false, sparseLabels: false, bigBatches: false };

export function hintsFor(nodeCount: number): RenderingHints {
  if (nodeCount < largeGraphNodes) return none;
  // bigBatches stays off: under software GL it doubled the time to the first frame (atlas uploads) and did not
  // change the frame rate; there is no GPU here to show what it does on hardware.
  return { texture: true, hideEdges: true, px1: true, simpleEdges: true, sparseLabels: true, bigBatches: false };
}

/**
 * `?hints=` for benchmarks: `none`, or a comma-separated list of hint names that are switched on (all others
 * off). Returns null when absent or when it names no known hint, so the size-based choice applies.
 */
export function parseHints(param: string | null): RenderingHints | null {
  if (param === null) return null;
  if (param === 'none') return { ...none };
  const names = param.split(',').filter((name): name is (typeof hintNames)[number] => (hintNames as readonly string[]).includes(name));
  if (names.length === 0) return null;
  return { ...none, ...Object.fromEntries(names.map((name) => [name, true])) };
}

/** Cytoscape init options for the hints (renderer options are fixed at init, so a change rebuilds the core). */
export function rendererOptions(hints: RenderingHints, webgl: boolean): Record<string, unknown> {
  return {
    webgl,
    textureOnViewport: hints.texture,
    hideEdgesOnViewport: hints.hideEdges,
    motionBlur: false,
    pixelRatio: hints.px1 ? 1 : 'auto',
    ...(webgl && hints.bigBatches ? { webglTexSize: 4096, webglBatchSize: 4096, webglTexPerBatch: 16 } : {}),
  };
}

export function hintsKey(hints: RenderingHints): string {
  return hintNames.filter((name) => hints[name]).join(',') || 'none';
}
