import { describe, expect, it } from 'vitest';
import type { GraphElements } from '../../../common/contract.js';
import { fitViewport } from '../graph/fit.js';
import { layoutRequest } from '../graph/layout/layout-protocol.js';
import { assignCommunityColors, communityName, communityPalette, otherCommunityColor } from './communities.js';
import { classifyCell, nodeCaption } from './cypher-cells.js';
import { GraphViewModel } from './graph-view-model.js';
import { noFilters } from './filters.js';
import { overlaps, planLabels, type LabelCandidate } from './labels.js';

const candidate = (id: string, x: number, y: number, rank: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({ id, x, y, radius: 10, widthPerPx: 4, rank, ...extra });

describe('label planner', () => {
  it('never lets two labels overlap: the lower ranked one moves to another side or is left out', () => {
    const crowd = Array.from({ length: 60 }, (_, index) => candidate(`n${index}`, 100 + (index % 8) * 30, 100 + Math.floor(index / 8) * 20, 60 - index));
    const plan = planLabels(crowd, { width: 800, height: 600 });
    for (const a of plan) for (const b of plan) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
    expect(plan.length).toBeLessThan(crowd.length);
    expect(plan[0]!.id).toBe('n0');
  });

  it('labels the top concepts bigger and the selected one first, whatever its rank', () => {
    const plan = planLabels([candidate('hub', 100, 100, 9), candidate('small', 400, 100, 1), candidate('chosen', 105, 100, 0, { forced: true })], { width: 800, height: 600, topCount: 1 });
    expect(plan.map((label) => label.id)).toContain('chosen');
    expect(plan.find((label) => label.id === 'chosen')!.fontPx).toBe(12);
    expect(plan.find((label) => label.id === 'small')!.fontPx).toBe(11);
  });

  it('leaves out labels off screen and under obstacles such as the legend', () => {
    const plan = planLabels([candidate('off', -500, 100, 5), candidate('under', 50, 50, 4)], { width: 800, height: 600, obstacles: [{ x1: 0, y1: 0, x2: 200, y2: 200 }] });
    expect(plan).toEqual([]);
  });
});

describe('community colours and names', () => {
  const nodes = [
    ...Array.from({ length: 5 }, (_, index) => ({ community: 1, rank: index, label: `ceph${index}` })),
    ...Array.from({ length: 3 }, (_, index) => ({ community: 2, rank: index, label: `nova${index}` })),
  ];

  it('gives every community on screen its own colour, the largest first, grey past the palette', () => {
    const many = Array.from({ length: communityPalette.length + 3 }, (_, community) => ({ community }));
    const colors = assignCommunityColors(many);
    const used = [...colors.values()].filter((color) => color !== otherCommunityColor);
    expect(new Set(used).size).toBe(communityPalette.length);
    expect(assignCommunityColors(nodes).get(1)).toBe(communityPalette[0]);
  });

  it('keeps the colours it gave when more communities arrive', () => {
    const first = assignCommunityColors(nodes);
    const next = assignCommunityColors([{ community: 9 }, { community: 9 }, { community: 9 }, { community: 9 }, { community: 9 }, { community: 9 }], first);
    expect(next.get(1)).toBe(first.get(1));
    expect(next.get(9)).not.toBe(first.get(1));
  });

  it('names a community by its top concepts', () => {
    expect(communityName(nodes, 1)).toBe('ceph4 · ceph3 · ceph2');
  });
});

describe('graph view-model', () => {
  const graph: GraphElements = {
    nodes: [
      { data: { id: 'a', label: 'A', kind: 'tool', rank: 3, community: 1 } },
      { data: { id: 'b', label: 'B', kind: 'tool', rank: 2, community: 1 } },
      { data: { id: 'c', label: 'C', kind: 'concept', rank: 1, community: 2 } },
      { data: { id: 'alone', label: 'Alone', kind: 'concept', rank: 9, community: 3 } },
    ],
    edges: [
      { data: { id: 'ab', source: 'a', target: 'b', type: 'CO_OCCURS', weight: 1 } },
      { data: { id: 'bc', source: 'b', target: 'c', type: 'USES', weight: 1 } },
    ],
  };

  it('hides isolated concepts by default, shows them on request, and keeps the selection visible', () => {
    const vm = new GraphViewModel();
    vm.replace(graph);
    expect([...vm.visible.nodes].sort()).toEqual(['a', 'b', 'c']);
    vm.setFilters({ ...noFilters, showIsolated: true });
    expect(vm.visible.nodes.has('alone')).toBe(true);
    vm.setFilters({ ...noFilters, minDegree: 2 });
    expect([...vm.visible.nodes]).toEqual(['b']);
    vm.select('alone');
    expect(vm.visible.nodes.has('alone')).toBe(true);
  });

  it('names the communities on screen only, following the filters', () => {
    const vm = new GraphViewModel();
    vm.replace(graph);
    vm.setFilters({ ...noFilters, kinds: ['tool'], minDegree: 0, showIsolated: true });
    expect(vm.communitiesOnScreen().map((entry) => entry.name)).toEqual(['A · B']);
  });

  it('places expanded nodes on rings around the expanded one and keeps neighbours for arrow keys', () => {
    const vm = new GraphViewModel();
    vm.replace(graph);
    vm.setPositions({ a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 200, y: 0 } });
    const added = vm.add({ nodes: [{ data: { id: 'd', label: 'D', kind: 'tool' } }], edges: [{ data: { id: 'ad', source: 'a', target: 'd', type: 'CO_OCCURS', weight: 1 } }] }, 'a');
    expect(added.nodes[0]!.position).toBeDefined();
    expect(vm.neighbours('a').map((item) => item.id).sort()).toEqual(['b', 'd']);
    vm.remove(['d']);
    expect(vm.has('d')).toBe(false);
    expect(vm.edgeIds()).not.toContain('ad');
  });
});

describe('Cypher result cells', () => {
  it('tells nodes, relationships, paths, lists, maps and scalars apart', () => {
    const node = { id: 'nova', labels: ['Concept'], properties: { name: 'Nova' } };
    const rel = { id: '5:1', type: 'USES', source: 'nova', target: 'rabbitmq', properties: {} };
    expect(classifyCell(node).kind).toBe('node');
    expect(classifyCell(rel).kind).toBe('relationship');
    expect(classifyCell({ start: 'nova', end: 'rabbitmq', length: 1, nodes: [node], relationships: [rel] }).kind).toBe('path');
    expect(classifyCell([1, 'x']).kind).toBe('list');
    expect(classifyCell({ a: 1 }).kind).toBe('map');
    expect(classifyCell(3).kind).toBe('number');
    expect(classifyCell(null).kind).toBe('null');
    expect(nodeCaption(node)).toBe('Nova');
  });
});

describe('fitting and stable layouts', () => {
  it('fits a box into the view beside an inset, with the zoom capped', () => {
    const fit = fitViewport({ x1: 0, y1: 0, x2: 100, y2: 100 }, { width: 1000, height: 500 }, { padding: 0, insets: { left: 200 }, minZoom: 0.1, maxZoom: 1.5 });
    expect(fit.zoom).toBe(1.5);
    expect(fit.pan.x + 50 * fit.zoom).toBeCloseTo(600);
  });

  it('asks for the same layout (order and seed) for the same graph listed in another order', () => {
    const nodes = [{ id: 'b', size: 1 }, { id: 'a', size: 1 }];
    const edges = [{ id: 'e', source: 'a', target: 'b' }];
    expect(layoutRequest(nodes, edges)).toEqual(layoutRequest([...nodes].reverse(), edges));
    expect(layoutRequest(nodes, edges).seed).not.toBe(layoutRequest([{ id: 'c', size: 1 }], []).seed);
  });
});

describe('level of detail for big graphs', () => {
  // 40 linked concepts on a line (x = index × 10), rank falling with the index; at most 10 drawn at once.
  const line: GraphElements = {
    nodes: Array.from({ length: 40 }, (_, index) => ({ data: { id: `n${index}`, label: `n${index}`, kind: 'concept', rank: 40 - index } })),
    edges: Array.from({ length: 39 }, (_, index) => ({ data: { id: `e${index}`, source: `n${index}`, target: `n${index + 1}`, type: 'CO_OCCURS', weight: 1 } })),
  };
  const bigView = (): GraphViewModel => {
    const vm = new GraphViewModel();
    vm.drawBudget = { nodes: 10, edges: 40 };
    vm.replace(line);
    vm.setPositions(Object.fromEntries(line.nodes.map((node, index) => [node.data.id, { x: index * 10, y: 0 }])));
    return vm;
  };

  it('draws only the highest ranked while the view shows the whole graph, as after the first fit', () => {
    const vm = bigView();
    expect(vm.setViewBox({ x1: -50, y1: -50, x2: 500, y2: 50 })).toBe(false);
    expect([...vm.visible.nodes].sort()).toEqual(line.nodes.slice(0, 10).map((node) => node.data.id).sort());
  });

  it('adds the highest ranked inside the view once zoomed in', () => {
    const vm = bigView();
    expect(vm.setViewBox({ x1: 195, y1: -10, x2: 285, y2: 10 })).toBe(true);
    const shown = [...vm.visible.nodes];
    expect(shown.filter((id) => Number(id.slice(1)) >= 10).sort()).toEqual(['n20', 'n21', 'n22', 'n23', 'n24', 'n25', 'n26', 'n27', 'n28']);
  });
});
