import cytoscape, { type ElementDefinition } from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { addInSlices, drawOrder, sliceBounds } from './chunked-add.js';

const node = (id: string, rank: number): ElementDefinition => ({ group: 'nodes', data: { id, rank } });
const edge = (id: string, source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id, source, target } });
const ids = (elements: ElementDefinition[]): string[] => elements.map((element) => String(element.data.id));

describe('the order a big graph is drawn in', () => {
  const graph = [edge('low-top', 'low', 'top'), node('low', 0.1), edge('top-mid', 'top', 'mid'), node('mid', 0.5), node('top', 0.9), edge('low-mid', 'low', 'mid')];

  it('draws the highest-ranked nodes first, each followed by the edges it completes', () => {
    expect(ids(drawOrder(graph))).toEqual(['top', 'mid', 'top-mid', 'low', 'low-top', 'low-mid']);
  });

  it('never puts an edge before both of its ends', () => {
    const order = ids(drawOrder(graph));
    for (const element of graph.filter((candidate) => candidate.group === 'edges')) {
      const at = order.indexOf(String(element.data.id));
      expect(at).toBeGreaterThan(order.indexOf(String(element.data.source)));
      expect(at).toBeGreaterThan(order.indexOf(String(element.data.target)));
    }
  });

  it('leaves out edges whose ends are not among the elements', () => {
    expect(ids(drawOrder([node('a', 1), edge('a-gone', 'a', 'gone')]))).toEqual(['a']);
  });
});

describe('adding a big graph in slices', () => {
  it('adds an edge whose ends arrive in the same slice, ahead of it', async () => {
    // Node has no frames: the next frame is the next task.
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
    const cy = cytoscape({ headless: true });
    const added = addInSlices(cy, [node('a', 1), node('b', 0.5), edge('a-b', 'a', 'b')], () => undefined, 10);
    expect(await added.done).toBe(true);
    expect(cy.edges().map((element) => element.id())).toEqual(['a-b']);
    cy.destroy();
    vi.unstubAllGlobals();
  });

  it('puts fewer labelled nodes than unlabelled ones in a slice (their text is most of the work), and every element in one', () => {
    const plain = Array.from({ length: 20 }, (_, index): ElementDefinition => ({ ...node(`p${index}`, 0), classes: ['no-label'] }));
    const labelled = Array.from({ length: 20 }, (_, index) => node(`l${index}`, 1));
    expect(sliceBounds(plain, 10)).toEqual([0, 10, 20]);
    expect(sliceBounds(labelled, 10)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(sliceBounds([], 10)).toEqual([0]);
  });
});
