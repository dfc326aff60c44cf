/** What the graph view reports back (gestures, layout progress, positions) and how it is set up. */
import type { Point } from '../view-model/placement.js';
import type { Insets } from './fit.js';
import type { RenderingHints } from './rendering.js';
import type { RendererMode } from './renderer-choice.js';
import type { Theme } from './style.js';

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'grid';

export interface GraphViewEvents {
  /** `adding`: Shift, Ctrl or Cmd was held (pick a further concept, as in a file list). */
  onTap(id: string | null, adding: boolean): void;
  onDoubleTap(id: string): void;
  onHover(id: string | null): void;
  onLayout(state: LayoutState): void;
  /** Positions the view set or the user dragged to (graph units). */
  onPositions(positions: Record<string, Point>): void;
  /** The viewport stopped moving (zoom, pan or resize). */
  onViewport(): void;
  /**
   * A laid-out graph's positions are known (onPositions came first) and nothing of it is drawn yet: steps to run
   * now, one task each, a step that returns true again in the next task (legend, room for labels, fit, label
   * plan). Cytoscape caches each node's texture per zoom level and label, so a fit or label plan after the drawing
   * renders every node again in one frame.
   */
  onPlaced(): (() => boolean | void)[];
}

export interface LayoutState {
  running: boolean;
  elapsedMs: number;
  nodeCount: number;
  /** While a graph arrives after its layout: how many of its elements are on screen so far. */
  drawing?: { added: number; total: number };
  outcome?: 'done' | 'stopped' | 'error';
  message?: string;
}

export interface GraphViewOptions {
  theme: Theme;
  /** Node count from which the WebGL renderer is used (when the browser has hardware WebGL2). */
  webglThreshold: number;
  /** Forces a renderer regardless of size (URL `renderer=`; used by the benchmark). */
  forceRenderer?: RendererMode;
  /** Forces rendering hints regardless of size (URL `hints=`; used by the benchmark). */
  forceHints?: RenderingHints;
}

export interface FitOptions {
  padding?: number;
  insets?: Insets;
  maxZoom?: number;
  animate?: boolean;
}
