import { describe, expect, it } from 'vitest';
import type { GraphElements, NodeData } from '../../../common/contract.js';
import { diffGraph, neighbourhoodAnswer, wholeGraphAnswer } from './graph-diff.js';

const node = (id: string, extra: Partial<NodeData> = {}): { data: NodeData } => ({ data: { id, label: id, kind: 'concept', rank: 1, community: 0, mentions: 1, ...extra } });
const edge = (id: string, source: string, target: string) => ({ data: { id, source, target, type: 'CO_OCCURS' as const } });
const loadedOf = (ids: string[], edges: { id: string; source: string; target: string }[]) => ({ nodes: new Set(ids), edges });
const same = (ids: string[]) => (id: string) => (ids.includes(id) ? node(id).data : undefined);

describe('what a fresh answer changes on screen', () => {
  it('takes out a concept that is gone, with its edges, and nothing else', () => {
    const loaded = loadedOf(['a', 'b', 'c'], [{ id: 'e1', source: 'a', target: 'b' }, { id: 'e2', source: 'b', target: 'c' }]);
    const diff = diffGraph(loaded, [], ['b', 'not-loaded'], same(['a', 'b', 'c']));
    expect(diff.remove).toEqual(['b']);
    expect(diff.update).toEqual([]);
  });

  it('updates a renamed concept in place and replaces its edges with the fresh ones', () => {
    const loaded = loadedOf(['a', 'b', 'c'], [{ id: 'old', source: 'a', target: 'b' }, { id: 'keep', source: 'b', target: 'c' }]);
    const fresh: GraphElements = { nodes: [node('a', { label: 'A renamed' }), node('b')], edges: [edge('new', 'a', 'b')] };
    const diff = diffGraph(loaded, [neighbourhoodAnswer('a', fresh, () => false)], [], same(['a', 'b', 'c']));
    expect(diff.remove).toEqual(['old']);
    expect(diff.update.map((data) => data.label)).toEqual(['A renamed']);
    expect(diff.add.flatMap((group) => group.elements.edges.map((item) => item.data.id))).toEqual(['new']);
  });

  it('adds the concept a correction focused on, placed by a loaded neighbour, but not other neighbours', () => {
    const loaded = loadedOf(['a'], []);
    const fresh: GraphElements = { nodes: [node('new'), node('a'), node('far')], edges: [edge('e', 'new', 'a'), edge('f', 'new', 'far')] };
    const diff = diffGraph(loaded, [neighbourhoodAnswer('new', fresh, (id) => id === 'new')], [], same(['a']));
    expect(diff.add.map((group) => ({ anchor: group.anchor, nodes: group.elements.nodes.map((item) => item.data.id) }))).toEqual([{ anchor: 'a', nodes: ['new'] }]);
  });

  it('adds a concept a new relation links to what is loaded', () => {
    const fresh: GraphElements = { nodes: [node('a'), node('b')], edges: [edge('r', 'a', 'b')] };
    const diff = diffGraph(loadedOf(['a'], []), [neighbourhoodAnswer('a', fresh, () => false)], [], same(['a']));
    expect(diff.add[0]?.elements.nodes.map((item) => item.data.id)).toEqual(['b']);
    expect(diff.add[0]?.anchor).toBe('a');
  });

  it('keeps edges to neighbours a capped answer left out', () => {
    const loaded = loadedOf(['a', 'b', 'c'], [{ id: 'ab', source: 'a', target: 'b' }, { id: 'ac', source: 'a', target: 'c' }]);
    const fresh = { nodes: [node('a'), node('b')], edges: [edge('ab2', 'a', 'b')], capped: true };
    expect(diffGraph(loaded, [neighbourhoodAnswer('a', fresh, () => false)], [], same(['a', 'b', 'c'])).remove).toEqual(['ab']);
  });

  it('brings an overview up to date: new top concepts in, changed ranks updated, expanded concepts kept', () => {
    const loaded = loadedOf(['a', 'b', 'expanded'], [{ id: 'ab', source: 'a', target: 'b' }, { id: 'x', source: 'b', target: 'expanded' }]);
    const fresh: GraphElements = { nodes: [node('a', { rank: 5 }), node('b'), node('zephyr')], edges: [edge('ab', 'a', 'b'), edge('az', 'a', 'zephyr')] };
    const diff = diffGraph(loaded, [wholeGraphAnswer(fresh)], [], same(['a', 'b', 'expanded']));
    expect(diff.remove).toEqual([]);
    expect(diff.update.map((data) => data.id)).toEqual(['a']);
    expect(diff.add.flatMap((group) => group.elements.nodes.map((item) => item.data.id))).toEqual(['zephyr']);
    expect(diff.add.flatMap((group) => group.elements.edges.map((item) => item.data.id)).sort()).toEqual(['ab', 'az']);
  });
});
