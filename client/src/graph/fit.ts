/** Fitting a box of the graph into the free part of the view. Pure. */
export interface Insets {
  top?: number;
  right?: number;
  bottom?: number;
  left?: number;
}

export interface FitTarget {
  zoom: number;
  pan: { x: number; y: number };
}

/**
 * The zoom and pan that show `box` (graph units) centred in the view minus the insets (screen px, e.g. the
 * legend), with `padding` around it, the zoom clamped: a single node is not blown up to the maximum.
 */
export function fitViewport(
  box: { x1: number; y1: number; x2: number; y2: number },
  view: { width: number; height: number },
  options: { padding: number; insets?: Insets; minZoom: number; maxZoom: number },
): FitTarget {
  const { top = 0, right = 0, bottom = 0, left = 0 } = options.insets ?? {};
  const freeWidth = Math.max(40, view.width - left - right - 2 * options.padding);
  const freeHeight = Math.max(40, view.height - top - bottom - 2 * options.padding);
  const width = Math.max(box.x2 - box.x1, 1);
  const height = Math.max(box.y2 - box.y1, 1);
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, Math.min(freeWidth / width, freeHeight / height)));
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  const screenCentre = { x: left + (view.width - left - right) / 2, y: top + (view.height - top - bottom) / 2 };
  return { zoom, pan: { x: screenCentre.x - centre.x * zoom, y: screenCentre.y - centre.y * zoom } };
}
