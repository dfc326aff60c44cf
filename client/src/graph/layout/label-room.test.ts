import { describe, expect, it } from 'vitest';
import { labelDefaults, overlaps, planLabels, type Box, type LabelCandidate, type PlacedLabel } from '../../view-model/labels.js';
import { fitWithLabels, makeRoomForTopLabels, topByRank, type RoomNode, type RoomOptions } from './label-room.js';
import { seededRandom } from './seeded-random.js';

/**
 * A dense overview: `size` nodes spread over 2,400×1,600 graph units, the top 20 (highest rank) all packed into
 * a core `coreSpan` wide, as a force layout packs hubs, so their labels collide at any fitted zoom.
 */
function denseGraph(options: { size?: number; coreSpan?: number; labelChars?: (index: number) => number; seed?: number } = {}): RoomNode[] {
  const { size = 300, coreSpan = 60, labelChars = (index) => 4 + (index % 15), seed = 7 } = options;
  const next = seededRandom(seed);
  return Array.from({ length: size }, (_, index) => {
    const core = index < 20;
    return {
      id: `c${String(index).padStart(3, '0')}`,
      x: core ? 1200 + next() * coreSpan : next() * 2400,
      y: core ? 800 + next() * coreSpan : next() * 1600,
      size: core ? 56 - index : 16 + Math.round(next() * 10),
      rank: size - index,
      // ~0.6 of the font size per Latin character.
      widthPerPx: 0.6 * labelChars(index),
    };
  });
}

/** The graph pane at 1280×720 and 1440×900 (toolbar above, panel beside), the legend in its top-left corner. */
const windows = [
  { name: '1280×720', view: { width: 860, height: 675 } },
  { name: '1440×900', view: { width: 1020, height: 855 } },
];
const legend: Box = { x1: 10, y1: 10, x2: 200, y2: 520 };

function options(view: { width: number; height: number }): RoomOptions {
  return { view, insets: { left: legend.x2 + 16 }, padding: 40, minZoom: 0.02, maxZoom: 1.5 };
}

/** What the view does after a layout: the fit, then the planner over the nodes as they land on screen. */
function planOnScreen(nodes: RoomNode[], view: { width: number; height: number }): PlacedLabel[] {
  const { zoom, pan } = fitWithLabels(nodes, options(view));
  const candidates: LabelCandidate[] = nodes.map((node) => ({
    id: node.id,
    x: node.x * zoom + pan.x,
    y: node.y * zoom + pan.y,
    radius: (node.size / 2) * zoom,
    widthPerPx: node.widthPerPx,
    rank: node.rank,
  }));
  return planLabels(candidates, { ...view, obstacles: [legend] });
}

function withMoves(nodes: RoomNode[], moved: Record<string, { x: number; y: number }>): RoomNode[] {
  return nodes.map((node) => ({ ...node, ...moved[node.id] }));
}

function expectReadable(plan: PlacedLabel[], top: RoomNode[], view: { width: number; height: number }): void {
  const byId = new Map(plan.map((label) => [label.id, label]));
  for (const node of top) {
    const label = byId.get(node.id);
    expect(label, `top concept ${node.id} is labelled`).toBeDefined();
    expect(label!.fontPx).toBeGreaterThanOrEqual(11);
    const { box } = label!;
    expect(box.x1 >= 0 && box.y1 >= 0 && box.x2 <= view.width && box.y2 <= view.height, `${node.id} is wholly on screen`).toBe(true);
    expect(overlaps(box, legend), `${node.id} is clear of the legend`).toBe(false);
  }
  for (let i = 0; i < plan.length; i += 1) {
    for (let j = i + 1; j < plan.length; j += 1) expect(overlaps(plan[i]!.box, plan[j]!.box), `${plan[i]!.id} and ${plan[j]!.id}`).toBe(false);
  }
}

describe('room for the top labels', () => {
  it.each(windows)('gives each of the top 20 packed hubs a free place right below its node at $name', ({ view }) => {
    const nodes = denseGraph();
    const top = topByRank(nodes, labelDefaults.topCount);
    const before = planOnScreen(nodes, view);
    // The premise: packed as the layout left them, the hubs' labels cannot all sit by their nodes.
    expect(top.some((node) => { const label = before.find((placed) => placed.id === node.id); return !label || label.step !== 0 || label.dx !== 0; })).toBe(true);
    const spread = withMoves(nodes, makeRoomForTopLabels(nodes, options(view)));
    const plan = planOnScreen(spread, view);
    expectReadable(plan, top, view);
    for (const node of top) expect(plan.find((label) => label.id === node.id), node.id).toMatchObject({ side: 'bottom', step: 0, dx: 0 });
  });

  it.each(windows)('still makes room when every top label is 28 wide CJK characters at $name', ({ view }) => {
    const nodes = denseGraph({ labelChars: (index) => (index < 20 ? 28 / 0.6 : 8), seed: 11 });
    const spread = withMoves(nodes, makeRoomForTopLabels(nodes, options(view)));
    expectReadable(planOnScreen(spread, view), topByRank(nodes, 20), view);
  });

  it('moves only top nodes, and none when their labels already have room', () => {
    const nodes = denseGraph({ coreSpan: 60 });
    const moved = makeRoomForTopLabels(nodes, options(windows[0]!.view));
    const topIds = new Set(topByRank(nodes, 20).map((node) => node.id));
    expect(Object.keys(moved).length).toBeGreaterThan(0);
    expect(Object.keys(moved).every((id) => topIds.has(id))).toBe(true);
    const spread = withMoves(nodes, moved);
    expect(makeRoomForTopLabels(spread, options(windows[0]!.view))).toEqual({});
  });

  it('comes out the same every time (the stable layout stays stable)', () => {
    const nodes = denseGraph({ seed: 3 });
    expect(makeRoomForTopLabels(nodes, options(windows[0]!.view))).toEqual(makeRoomForTopLabels(denseGraph({ seed: 3 }), options(windows[0]!.view)));
  });

  it('fits every node and the top labels wholly inside the free part of the view', () => {
    const view = windows[0]!.view;
    const nodes = denseGraph();
    const { zoom, pan } = fitWithLabels(nodes, options(view));
    for (const node of nodes) {
      const x = node.x * zoom + pan.x;
      const y = node.y * zoom + pan.y;
      expect(x - (node.size / 2) * zoom).toBeGreaterThanOrEqual(legend.x2 + 16 + 40 - 1e-6);
      expect(x + (node.size / 2) * zoom).toBeLessThanOrEqual(view.width - 40 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(40);
      expect(y).toBeLessThanOrEqual(view.height - 40);
    }
  });
});

describe('label planner, when the layout leaves no room', () => {
  it.each(windows)('still labels all of the top 20 stacked on one spot, none overlapping, at $name', ({ view }) => {
    const nodes = denseGraph({ coreSpan: 0.5 });
    expectReadable(planOnScreen(nodes, view), topByRank(nodes, 20), view);
  });
});
