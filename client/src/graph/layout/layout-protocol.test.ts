import { describe, expect, it } from 'vitest';
import { gridPositions } from '../../view-model/placement.js';
import { layoutRequestFrom } from './layout-protocol.js';

describe('layout request from element definitions (big graphs skip Cytoscape before their layout)', () => {
  it('sends every node with its size and every edge with its endpoints', () => {
    const request = layoutRequestFrom([
      { group: 'nodes', data: { id: 'a', size: 40 } },
      { group: 'nodes', data: { id: 'b' } },
      { group: 'edges', data: { id: 'a-b', source: 'a', target: 'b' } },
    ]);
    expect(request.nodes).toEqual([
      { id: 'a', size: 40 },
      { id: 'b', size: 30 },
    ]);
    expect(request.edges).toEqual([{ id: 'a-b', source: 'a', target: 'b' }]);
  });

  it('asks for a draft layout for thousands of nodes', () => {
    const nodes = Array.from({ length: 5000 }, (_, index) => ({ group: 'nodes' as const, data: { id: `n${index}` } }));
    expect(layoutRequestFrom(nodes).quality).toBe('draft');
  });
});

describe('grid fallback when a big layout is stopped', () => {
  it('gives every node its own position', () => {
    const ids = Array.from({ length: 50 }, (_, index) => `n${index}`);
    const positions = gridPositions(ids);
    const distinct = new Set(Object.values(positions).map(({ x, y }) => `${x},${y}`));
    expect(Object.keys(positions)).toEqual(ids);
    expect(distinct.size).toBe(50);
  });
});
