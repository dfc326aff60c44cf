/**
 * Labels on the canvas: drawing a label plan, and reading back what Cytoscape drew (for tests and the benchmark
 * only: the page never reads its state out of Cytoscape).
 */
import type { Core } from 'cytoscape';
import type { PlacedLabel } from '../view-model/labels.js';

const labelClasses = ['no-label', 'label-top', 'label-right', 'label-left'] as const;

/** A planned label's data at this zoom: its size on screen divided by the zoom, and its shift (graph units). */
export function labelData(label: PlacedLabel, zoom: number): { fontSize: number; outline: number; labelShift: number; labelShiftX: number } {
  const shift = label.step === 0 ? 0 : ((label.side === 'top' ? -1 : 1) * label.step * (label.box.y2 - label.box.y1)) / zoom;
  return { fontSize: label.fontPx / zoom, outline: 2 / zoom, labelShift: shift, labelShiftX: (label.dx * (label.box.x2 - label.box.x1)) / zoom };
}

/** The classes of a node with this label (null: unlabelled): its other classes kept, the label ones replaced. */
export function withLabelClasses(classes: readonly string[], label: PlacedLabel | null): string[] {
  const kept = classes.filter((name) => !(labelClasses as readonly string[]).includes(name));
  if (!label) return [...kept, 'no-label'];
  return label.side === 'bottom' ? kept : [...kept, `label-${label.side}`];
}

const sameClasses = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((name) => b.includes(name));

/**
 * Planned labels get a font size that is `fontPx` on screen at this zoom and their side; all others none. Only
 * nodes whose label changes are touched: Cytoscape restyles (and redraws) every node a class or data call is
 * made on, changed or not.
 */
export function drawLabels(cy: Core, plan: PlacedLabel[]): void {
  const zoom = cy.zoom();
  const planned = new Map(plan.map((label) => [label.id, label]));
  cy.batch(() => {
    cy.nodes().not('.no-label').forEach((node) => {
      if (!planned.has(node.id())) node.addClass('no-label');
    });
    for (const label of plan) {
      const node = cy.getElementById(label.id);
      if (node.empty()) continue;
      const data = labelData(label, zoom);
      if (Math.abs(Number(node.data('fontSize')) - data.fontSize) > 1e-6 || Number(node.data('labelShift') ?? 0) !== data.labelShift || Number(node.data('labelShiftX') ?? 0) !== data.labelShiftX) {
        node.data(data);
      }
      const classes = withLabelClasses(node.classes(), label);
      if (!sameClasses(classes, node.classes())) node.classes(classes);
    }
  });
}

export function drawnState(cy: Core): DrawnState {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const labels: DrawnLabel[] = [];
  cy.nodes(':visible').forEach((node) => {
    if (node.hasClass('no-label') || !node.data('displayLabel')) return;
    const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false } as never);
    if (!(box.w > 0)) return;
    labels.push({
      id: node.id(),
      fontPx: Number.parseFloat(String(node.style('font-size'))) * zoom,
      box: { x1: box.x1 * zoom + pan.x, y1: box.y1 * zoom + pan.y, x2: box.x2 * zoom + pan.x, y2: box.y2 * zoom + pan.y },
    });
  });
  return {
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    visibleNodeIds: cy.nodes(':visible').map((node) => node.id()),
    labels,
  };
}

export interface DrawnLabel {
  id: string;
  /** Rendered font size in px. */
  fontPx: number;
  /** Label box on screen (px inside the graph container). */
  box: { x1: number; y1: number; x2: number; y2: number };
}

export interface DrawnState {
  nodes: number;
  edges: number;
  visibleNodeIds: string[];
  labels: DrawnLabel[];
}
