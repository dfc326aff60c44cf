/**
 * Room for the top labels, by construction rather than by luck. A force layout packs hubs into the middle of
 * the graph, and once fitted to a small window their labels (a constant size on screen) cover each other. Two
 * pure steps fix that for the `topCount` highest-ranked nodes:
 *  - `fitWithLabels`: the fit that shows every node and the top labels below their nodes whole, beside the
 *    insets (the legend);
 *  - `makeRoomForTopLabels`: after a layout, moves top nodes apart (Gephi's "label adjust", for the top ranks
 *    only) until, at that fit's zoom, no top node's footprint (its body and the label below it) overlaps another.
 * Then each top label's first place (below its node) is free when the planner (view-model/labels.ts) reaches
 * it: only higher-ranked top labels are placed before it, all below their own nodes.
 */
import { labelBox, labelDefaults, overlaps, type Box } from '../../view-model/labels.js';
import type { Point } from '../../view-model/placement.js';
import type { FitTarget, Insets } from '../fit.js';

export interface RoomNode {
  id: string;
  /** Centre and diameter in graph units. */
  x: number;
  y: number;
  size: number;
  rank: number;
  /** Label width on screen at a 1 px font. */
  widthPerPx: number;
}

export interface RoomOptions {
  view: { width: number; height: number };
  insets?: Insets;
  /** Screen px kept free around the fitted graph. */
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** How many of the highest ranked get room, at which font size (the planner's top labels). */
  topCount?: number;
  fontPx?: number;
  /** The planner's padding around a label. */
  pad?: number;
}

const settings = (options: RoomOptions) => ({
  topCount: options.topCount ?? labelDefaults.topCount,
  fontPx: options.fontPx ?? labelDefaults.topFontPx,
  pad: options.pad ?? labelDefaults.pad,
});

/** The highest ranked first, ties by id: the planner's order. */
export function topByRank<T extends { id: string; rank: number }>(nodes: readonly T[], count: number): T[] {
  return [...nodes].sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, count);
}

/** A node's body and, for a top node, the label below it: on screen, relative to the node scaled by `zoom`. */
function footprint(node: RoomNode, zoom: number, labelled: boolean, fontPx: number, pad: number): Box {
  const radius = (node.size / 2) * zoom;
  const x = node.x * zoom;
  const y = node.y * zoom;
  const body = { x1: x - radius, y1: y - radius, x2: x + radius, y2: y + radius };
  if (!labelled) return body;
  const label = labelBox({ id: node.id, x, y, radius, widthPerPx: node.widthPerPx, rank: node.rank }, fontPx, 'bottom', pad);
  return { x1: Math.min(body.x1, label.x1), y1: body.y1, x2: Math.max(body.x2, label.x2), y2: Math.max(body.y2, label.y2) };
}

/** The extent of the unlabelled nodes' bodies in graph units: on screen it is this times the zoom. */
function bodiesExtent(nodes: readonly RoomNode[]): Box {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const node of nodes) {
    box.x1 = Math.min(box.x1, node.x - node.size / 2);
    box.y1 = Math.min(box.y1, node.y - node.size / 2);
    box.x2 = Math.max(box.x2, node.x + node.size / 2);
    box.y2 = Math.max(box.y2, node.y + node.size / 2);
  }
  return box;
}

/**
 * The extent on screen of the labelled nodes' footprints and the other nodes' bodies (given by bodiesExtent, so
 * a bisection over the zoom walks the few labelled nodes per step, not all of them).
 */
function extentAt(labelledNodes: readonly RoomNode[], bodies: Box, zoom: number, fontPx: number, pad: number): Box {
  const box = { x1: bodies.x1 * zoom, y1: bodies.y1 * zoom, x2: bodies.x2 * zoom, y2: bodies.y2 * zoom };
  for (const node of labelledNodes) {
    const print = footprint(node, zoom, true, fontPx, pad);
    box.x1 = Math.min(box.x1, print.x1);
    box.y1 = Math.min(box.y1, print.y1);
    box.x2 = Math.max(box.x2, print.x2);
    box.y2 = Math.max(box.y2, print.y2);
  }
  return box;
}

/**
 * The largest zoom (within limits) at which every node and the top labels fit the free part of the view, and
 * the pan that centres them there. Labels keep their size on screen while the graph scales, so the extent is a
 * convex function of the zoom: the zooms that fit form one interval, and bisection finds its upper end.
 */
export function fitWithLabels(nodes: readonly RoomNode[], options: RoomOptions): FitTarget {
  const { topCount, fontPx, pad } = settings(options);
  const labelled = topByRank(nodes, topCount);
  const labelledIds = new Set(labelled.map((node) => node.id));
  const bodies = bodiesExtent(nodes.filter((node) => !labelledIds.has(node.id)));
  const { top = 0, right = 0, bottom = 0, left = 0 } = options.insets ?? {};
  const free = {
    width: Math.max(40, options.view.width - left - right - 2 * options.padding),
    height: Math.max(40, options.view.height - top - bottom - 2 * options.padding),
  };
  const fits = (zoom: number): boolean => {
    const box = extentAt(labelled, bodies, zoom, fontPx, pad);
    return box.x2 - box.x1 <= free.width && box.y2 - box.y1 <= free.height;
  };
  let zoom = options.minZoom;
  if (nodes.length > 0 && fits(options.maxZoom)) zoom = options.maxZoom;
  else if (nodes.length > 0 && fits(options.minZoom)) {
    let [low, high] = [options.minZoom, options.maxZoom];
    for (let step = 0; step < 40; step += 1) {
      const middle = (low + high) / 2;
      if (fits(middle)) low = middle;
      else high = middle;
    }
    zoom = low;
  }
  const box = nodes.length > 0 ? extentAt(labelled, bodies, zoom, fontPx, pad) : { x1: 0, y1: 0, x2: 0, y2: 0 };
  const centre = { x: left + (options.view.width - left - right) / 2, y: top + (options.view.height - top - bottom) / 2 };
  return { zoom, pan: { x: centre.x - (box.x1 + box.x2) / 2, y: centre.y - (box.y1 + box.y2) / 2 } };
}

/** Screen px left between two footprints. */
const gap = 2;

/**
 * The smallest move (screen px) that takes `print` clear of every box in `placed`. The best move lines an edge of
 * `print` up with an edge of some placed box on each axis (or keeps that axis still), so only those moves are tried,
 * nearest first (ties: smaller dx, then smaller dy). Indices and plain arrays instead of an object per move: a
 * graph's top 20 try tens of thousands of moves per round.
 */
function nearestFreeMove(print: Box, placed: readonly Box[]): { dx: number; dy: number } {
  const xs = [0, ...placed.flatMap((box) => [box.x2 + gap - print.x1, box.x1 - gap - print.x2])];
  const ys = [0, ...placed.flatMap((box) => [box.y2 + gap - print.y1, box.y1 - gap - print.y2])];
  const count = xs.length * ys.length;
  const distance = new Float64Array(count);
  const order: number[] = new Array<number>(count);
  for (let index = 0; index < count; index += 1) {
    distance[index] = Math.hypot(xs[Math.floor(index / ys.length)]!, ys[index % ys.length]!);
    order[index] = index;
  }
  const dxOf = (index: number): number => xs[Math.floor(index / ys.length)]!;
  const dyOf = (index: number): number => ys[index % ys.length]!;
  order.sort((a, b) => distance[a]! - distance[b]! || dxOf(a) - dxOf(b) || dyOf(a) - dyOf(b));
  for (const index of order) {
    const dx = dxOf(index);
    const dy = dyOf(index);
    const x1 = print.x1 + dx;
    const y1 = print.y1 + dy;
    const x2 = print.x2 + dx;
    const y2 = print.y2 + dy;
    let free = true;
    for (const box of placed) {
      if (x1 < box.x2 && box.x1 < x2 && y1 < box.y2 && box.y1 < y2) {
        free = false;
        break;
      }
    }
    if (free) return { dx, dy };
  }
  return { dx: 0, dy: 0 };
}

/**
 * Greedy by rank: a top node whose footprint (at `zoom`) overlaps one placed before moves the shortest way to a
 * free spot, so the hubs stay packed around where the layout put them instead of being pushed out in a line.
 */
function placeApart(top: readonly RoomNode[], zoom: number, fontPx: number, pad: number): void {
  const placed: Box[] = [];
  for (const node of top) {
    const print = footprint(node, zoom, true, fontPx, pad);
    const { dx, dy } = placed.some((box) => overlaps(print, box)) ? nearestFreeMove(print, placed) : { dx: 0, dy: 0 };
    node.x += dx / zoom;
    node.y += dy / zoom;
    placed.push({ x1: print.x1 + dx, y1: print.y1 + dy, x2: print.x2 + dx, y2: print.y2 + dy });
  }
}

/**
 * Where the top nodes go so their labels have room at the fit's zoom (only the nodes that move are returned).
 * Moving can widen the graph, which lowers the fit's zoom and brings footprints closer on screen again, so it
 * starts again from the layout's positions at the lower zoom until the fit's zoom is no lower than the zoom it
 * placed at: room at one zoom holds at every larger one (distances and bodies grow with the zoom, labels do not).
 * A generator that yields after each round, so a page can spread the rounds over tasks (makeRoomInRounds).
 */
export function* roomRounds(nodes: readonly RoomNode[], options: RoomOptions): Generator<void, Record<string, Point>> {
  const { topCount, fontPx, pad } = settings(options);
  const topIds = new Set(topByRank(nodes, topCount).map((node) => node.id));
  let zoom = fitWithLabels(nodes, options).zoom;
  let working = nodes.map((node) => ({ ...node }));
  for (let round = 0; round < 12; round += 1) {
    working = nodes.map((node) => ({ ...node }));
    placeApart(topByRank(working, topCount), zoom, fontPx, pad);
    const next = fitWithLabels(working, options).zoom;
    if (next >= zoom * (1 - 1e-9)) break;
    // Aim a little below the new zoom, so the next round's moves do not lower it again by a hair.
    zoom = next * 0.97;
    yield;
  }
  const moved: Record<string, Point> = {};
  working.forEach((node, index) => {
    const before = nodes[index]!;
    if (topIds.has(node.id) && (node.x !== before.x || node.y !== before.y)) moved[node.id] = { x: node.x, y: node.y };
  });
  return moved;
}

/** roomRounds run to the end. */
export function makeRoomForTopLabels(nodes: readonly RoomNode[], options: RoomOptions): Record<string, Point> {
  const rounds = roomRounds(nodes, options);
  for (;;) {
    const step = rounds.next();
    if (step.done) return step.value;
  }
}
