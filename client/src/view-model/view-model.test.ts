import { describe, expect, it } from 'vitest';
import type { GraphElements } from '../../../common/contract.js';
import { cypherCompletions, errorOffset } from './cypher-completion.js';
import { scalesFor, shortLabel, sizeFromRank, toElements, widthFromWeight, nodeSize } from './elements.js';
import { ExpandHistory } from './expand-history.js';
import { communitiesBySize, keepsEdge, keepsNode, noFilters, requiredDegree, timeQuery } from './filters.js';
import { isLongNote, segments } from './highlight.js';
import { kindShape } from './palette.js';
import { neighbourInDirection, ringPositions } from './placement.js';
import { shortcutFor } from './shortcuts.js';
import { emptyViewState, parseViewState, serializeViewState, type ViewState } from './url-state.js';

const graph: GraphElements = {
  nodes: [
    { data: { id: 'nova', label: 'Nova', kind: 'project', rank: 0.9, community: 1 } },
    { data: { id: 'rabbitmq', label: 'RabbitMQ', kind: 'tool', rank: 0.1, community: 2 } },
    { data: { id: 'pg', label: '归置组', kind: 'concept', rank: 0.5 } },
  ],
  edges: [
    { data: { id: 'e1', source: 'nova', target: 'rabbitmq', type: 'USES', weight: 1 } },
    { data: { id: 'e2', source: 'nova', target: 'pg', type: 'CO_OCCURS', weight: 8 } },
    { data: { id: 'e3', source: 'nova', target: 'missing', type: 'CO_OCCURS', weight: 2 } },
  ],
};

describe('API graph → Cytoscape elements', () => {
  it('sizes nodes by rank, the top-ranked node largest', () => {
    const { nodes } = toElements(graph);
    const size = (id: string) => nodes.find((node) => node.data.id === id)!.data.size as number;
    expect(size('nova')).toBe(nodeSize.max);
    expect(size('rabbitmq')).toBe(nodeSize.min);
    expect(size('pg')).toBeGreaterThan(size('rabbitmq'));
    expect(size('pg')).toBeLessThan(size('nova'));
  });

  it('shapes by kind and starts every label hidden until the label planner places it', () => {
    const { nodes } = toElements(graph);
    const nova = nodes.find((node) => node.data.id === 'nova')!;
    expect(nova.data.shape).toBe(kindShape('project'));
    expect(nova.classes).toContain('no-label');
  });

  it('marks typed relations apart from co-occurrence and labels them with their type', () => {
    const { edges } = toElements(graph);
    const uses = edges.find((edge) => edge.data.id === 'e1')!;
    const co = edges.find((edge) => edge.data.id === 'e2')!;
    expect(uses.classes).toEqual(['typed']);
    expect(uses.data.displayLabel).toBe('USES');
    expect(co.classes).toEqual(['co-occurs']);
    expect(co.data.displayLabel).toBe('');
  });

  it('drops edges whose endpoint is not in the view, unless it already is', () => {
    expect(toElements(graph).edges.map((edge) => edge.data.id)).toEqual(['e1', 'e2']);
    expect(toElements(graph, scalesFor(graph), new Set(['missing'])).edges).toHaveLength(3);
  });

  it('widens edges with weight and cuts long labels by characters, Chinese included', () => {
    const scale = scalesFor(graph).weight;
    expect(widthFromWeight(8, scale)).toBeGreaterThan(widthFromWeight(1, scale));
    expect(sizeFromRank(5, { min: 1, max: 1 })).toBeGreaterThan(0);
    const chinese = '分布式存储系统中的归置组与对象映射关系以及它们在集群扩容时的数据迁移过程';
    expect(Array.from(shortLabel(chinese))).toHaveLength(28);
    expect(shortLabel('Nova')).toBe('Nova');
  });
});

describe('filters', () => {
  it('keeps only the chosen kinds and communities', () => {
    const filters = { ...noFilters, kinds: ['tool'], communities: [2] };
    expect(keepsNode(filters, { kind: 'tool', community: 2 })).toBe(true);
    expect(keepsNode(filters, { kind: 'project', community: 2 })).toBe(false);
    expect(keepsNode(filters, { kind: 'tool', community: 1 })).toBe(false);
    expect(keepsNode(noFilters, { kind: 'anything' })).toBe(true);
  });

  it('hides light co-occurrence edges but never typed relations', () => {
    const filters = { ...noFilters, minWeight: 3 };
    expect(keepsEdge(filters, { type: 'CO_OCCURS', weight: 2 })).toBe(false);
    expect(keepsEdge(filters, { type: 'CO_OCCURS', weight: 3 })).toBe(true);
    expect(keepsEdge(filters, { type: 'USES', weight: 0 })).toBe(true);
  });

  it('sends the time range to the server only when one is set, with the choice for undated notes', () => {
    expect(timeQuery(noFilters)).toEqual({});
    expect(timeQuery({ ...noFilters, dateFrom: '2019-01-01', undated: 'exclude' })).toEqual({ from: '2019-01-01', to: undefined, undated: 'exclude' });
  });

  it('hides isolated concepts unless asked, and applies a minimum degree', () => {
    expect(requiredDegree(noFilters)).toBe(1);
    expect(requiredDegree({ ...noFilters, showIsolated: true })).toBe(0);
    expect(requiredDegree({ ...noFilters, minDegree: 3 })).toBe(3);
  });

  it('lists communities largest first', () => {
    expect(communitiesBySize([{ community: 3 }, { community: 1 }, { community: 3 }, {}])).toEqual([
      { community: 3, count: 2 },
      { community: 1, count: 1 },
    ]);
  });
});

describe('URL state', () => {
  it('round-trips selection, search, query, path, layout and filters', () => {
    const state: ViewState = {
      concept: 'placement-group',
      search: '归置组',
      cypher: 'MATCH (n) RETURN n LIMIT 5',
      cypherView: true,
      path: ['nova', 'rabbitmq'],
      local: { center: 'ceph', depth: 2 },
      layout: 'grid',
      filters: {
        kinds: ['tool', 'project'],
        communities: [1, 4],
        minWeight: 2.5,
        showIsolated: true,
        minDegree: 2,
        dateFrom: '2019-01-01',
        dateTo: '2020-06-30',
        undated: 'exclude',
        relationTypes: ['USES', 'PART_OF'],
      },
    };
    expect(parseViewState(serializeViewState(state))).toEqual(state);
  });

  it('leaves defaults out of the link', () => {
    expect(serializeViewState(emptyViewState)).toBe('');
    expect(serializeViewState({ ...emptyViewState, layout: 'fcose', concept: 'nova' })).toBe('?concept=nova');
  });

  it('falls back to defaults on junk instead of failing', () => {
    const state = parseViewState('?minWeight=abc&from=yesterday&communities=x,2&path=only-one&local=nova:7&undated=maybe&types=uses');
    expect(state.filters).toEqual({ ...noFilters, communities: [2] });
    expect(state.path).toBeNull();
    expect(state.local).toBeNull();
  });
});

describe('expand history', () => {
  it('undo returns the latest expand and collapse finds an earlier one by its centre', () => {
    const history = new ExpandHistory();
    history.push({ center: 'a', nodeIds: ['a1'], edgeIds: ['ea1'], capped: false, total: 1 });
    history.push({ center: 'b', nodeIds: ['b1', 'b2'], edgeIds: [], capped: true, total: 300 });
    expect(history.collapse('a')?.nodeIds).toEqual(['a1']);
    expect(history.isExpanded('a')).toBe(false);
    expect(history.undo()?.center).toBe('b');
    expect(history.undo()).toBeUndefined();
  });
});

describe('note highlights', () => {
  it('splits text into plain and marked segments, merging overlaps and clamping', () => {
    const text = 'nova-api talks to nova-conductor';
    expect(segments(text, [{ start: 18, end: 22 }, { start: 0, end: 4 }, { start: 2, end: 8 }, { start: 30, end: 99 }])).toEqual([
      { text: 'nova-api', marked: true },
      { text: ' talks to ', marked: false },
      { text: 'nova', marked: true },
      { text: '-conductor'.slice(0, 8), marked: false },
      { text: 'or', marked: true },
    ]);
  });

  it('keeps markup-looking text as plain text segments', () => {
    expect(segments('<script>alert(1)</script>', [])).toEqual([{ text: '<script>alert(1)</script>', marked: false }]);
  });

  it('collapses long notes', () => {
    expect(isLongNote('short')).toBe(false);
    expect(isLongNote('x\n'.repeat(20))).toBe(true);
  });
});

describe('placement and arrow-key moves', () => {
  it('puts new nodes on rings around the centre, none on top of another', () => {
    const positions = ringPositions({ x: 100, y: 50 }, 25);
    expect(positions).toHaveLength(25);
    const keys = new Set(positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(25);
    for (const p of positions) expect(Math.hypot(p.x - 100, p.y - 50)).toBeGreaterThanOrEqual(109);
  });

  it('moves to the neighbour lying in the arrow direction', () => {
    const candidates = [
      { id: 'east', position: { x: 10, y: 1 } },
      { id: 'north', position: { x: 0, y: -10 } },
      { id: 'far-east', position: { x: 50, y: 0 } },
    ];
    expect(neighbourInDirection({ x: 0, y: 0 }, candidates, 'right')).toBe('far-east');
    expect(neighbourInDirection({ x: 0, y: 0 }, candidates, 'up')).toBe('north');
    expect(neighbourInDirection({ x: 0, y: 0 }, candidates, 'left')).toBeNull();
  });
});

describe('Cypher console helpers', () => {
  const schema = { labels: ['Concept', 'Note'], relationshipTypes: ['USES', 'CO_OCCURS'], propertyKeys: ['name', 'rank'] };

  it('completes labels after a colon in a node and relationship types in a relationship', () => {
    expect(cypherCompletions(schema, 'MATCH (c:Con')?.options.map((o) => o.label)).toContain('Concept');
    const rel = cypherCompletions(schema, 'MATCH (a)-[r:U');
    expect(rel?.from).toBe('MATCH (a)-[r:'.length);
    expect(rel?.options.map((o) => o.label)).toEqual(['USES', 'CO_OCCURS']);
  });

  it('completes property keys after a dot and keywords elsewhere', () => {
    expect(cypherCompletions(schema, 'RETURN c.na')?.options.map((o) => o.label)).toEqual(['name', 'rank']);
    expect(cypherCompletions(schema, 'MATCH (c) RET')?.options.some((o) => o.label === 'RETURN')).toBe(true);
  });

  it('turns a server error position into an offset', () => {
    expect(errorOffset('MATCH (n)\nRETRN n', { position: { line: 2, column: 1, offset: 10 } })).toBe(10);
    expect(errorOffset('MATCH (n)\nRETRN n', { position: { line: 2, column: 3 } })).toBe(12);
    expect(errorOffset('x', undefined)).toBeNull();
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('maps the documented keys to actions and leaves browser shortcuts alone', () => {
    expect(shortcutFor(key('/'))).toBe('focus-search');
    expect(shortcutFor(key('Escape'))).toBe('clear');
    expect(shortcutFor(key('ArrowLeft'))).toBe('move-left');
    expect(shortcutFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(key('z', { metaKey: true }))).toBe('undo');
    expect(shortcutFor(key('f', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('q'))).toBeNull();
  });
});
