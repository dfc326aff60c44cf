/**
 * The labels of what is on screen: candidates from the view-model, placed by the planner (view-model/labels.ts);
 * and the room the top labels get after a layout and in every fit (graph/layout/label-room.ts).
 */
import type { Insets } from './graph/fit.js';
import { labelWidthPerPx } from './graph/label-metrics.js';
import type { GraphView } from './graph/graph-view.js';
import { fitWithLabels, makeRoomForTopLabels, roomRounds, type RoomNode, type RoomOptions } from './graph/layout/label-room.js';
import type { GraphViewModel } from './view-model/graph-view-model.js';
import type { Point } from './view-model/placement.js';
import { labelDefaults, planLabels, type Box, type LabelCandidate, type PlacedLabel } from './view-model/labels.js';

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

/** Visible nodes with positions; only the top ones are measured (the others carry no label in the fit). */
function roomNodes(vm: GraphViewModel): RoomNode[] {
  return vm.visibleByRank().flatMap((node, index) => {
    const position = vm.position(node.id);
    if (!position) return [];
    const widthPerPx = index < labelDefaults.topCount ? labelWidthPerPx(node.displayLabel) : 0;
    return [{ id: node.id, x: position.x, y: position.y, size: node.size, rank: node.rank ?? 0, widthPerPx }];
  });
}

function roomOptions(graph: GraphView, insets: Insets, maxZoom: number): RoomOptions {
  const { width, height } = graph.viewport();
  return { view: { width, height }, insets, padding: 40, minZoom: graph.zoomLimits().min, maxZoom };
}

/** Fits what is visible, top labels included, beside the insets (the legend), never zoomed past `maxZoom`. */
export function fitVisibleWithLabels(vm: GraphViewModel, graph: GraphView, insets: Insets, maxZoom = 1.5): void {
  const nodes = roomNodes(vm);
  if (nodes.length > 0) graph.setViewport(fitWithLabels(nodes, roomOptions(graph, insets, maxZoom)));
}

/** After a layout: moves the top nodes apart until their labels have room at the zoom the fit will choose. */
export function makeRoomForLabels(vm: GraphViewModel, graph: GraphView, insets: Insets, maxZoom = 1.5): void {
  moveTopNodes(vm, graph, makeRoomForTopLabels(roomNodes(vm), roomOptions(graph, insets, maxZoom)));
}

function moveTopNodes(vm: GraphViewModel, graph: GraphView, moved: Record<string, Point>): void {
  if (Object.keys(moved).length === 0) return;
  graph.movePositions(moved);
  vm.setPositions(moved);
}

/**
 * makeRoomForLabels a round per call (a crowded graph takes up to 12 rounds, 10–20 ms each on a loaded machine):
 * each call returns true while rounds remain, so a caller can give each round a task of its own.
 */
export function makeRoomInRounds(vm: GraphViewModel, graph: GraphView, insets: () => Insets, maxZoom = 1.5): () => boolean {
  let rounds: Generator<void, Record<string, Point>> | null = null;
  return () => {
    rounds ??= roomRounds(roomNodes(vm), roomOptions(graph, insets(), maxZoom));
    const step = rounds.next();
    if (!step.done) return true;
    moveTopNodes(vm, graph, step.value);
    return false;
  };
}
