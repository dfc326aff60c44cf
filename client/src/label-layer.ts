/** The labels of what is on screen: candidates from the view-model, placed by the planner (view-model/labels.ts). */
import { labelWidthPerPx } from './graph/label-metrics.js';
import type { GraphView } from './graph/graph-view.js';
import type { GraphViewModel } from './view-model/graph-view-model.js';
import { planLabels, type Box, type LabelCandidate, type PlacedLabel } from './view-model/labels.js';

/**
 * Candidates are the visible nodes on screen, highest rank first, measured only when on screen and at most
 * `candidates` of them: in a 20,000-node graph the planner looks at the few hundred that can be labelled.
 * Nothing is labelled under the legend (open or collapsed to its button).
 */
export function planViewLabels(vm: GraphViewModel, graph: GraphView, options: { legend: HTMLElement; container: HTMLElement; candidates: number }): PlacedLabel[] {
  const { zoom, width, height } = graph.viewport();
  const candidates: LabelCandidate[] = [];
  for (const node of vm.visibleByRank()) {
    if (candidates.length >= options.candidates) break;
    const position = vm.position(node.id);
    if (!position) continue;
    const screen = graph.toScreen(position);
    const radius = (node.size / 2) * zoom;
    if (screen.x < -radius || screen.y < -radius || screen.x > width + radius || screen.y > height + radius) continue;
    const forced = node.id === vm.selected || node.id === vm.hovered;
    candidates.push({ id: node.id, x: screen.x, y: screen.y, radius, widthPerPx: labelWidthPerPx(node.displayLabel), rank: node.rank ?? 0, forced });
  }
  const legend = options.legend.getBoundingClientRect();
  const box = options.container.getBoundingClientRect();
  const obstacles: Box[] = [{ x1: legend.left - box.left, y1: legend.top - box.top, x2: legend.right - box.left, y2: legend.bottom - box.top }];
  return planLabels(candidates, { width, height, obstacles });
}
