import { describe, expect, it } from 'vitest';
import type { ConceptSubgraph, StoredConcept } from '../../queries/curation.js';
import { editSubgraph, type EditContext } from './subgraph-edits.js';

const concept = (id: string, name: string, aliases: string[] = [], extra: Record<string, number> = {}): StoredConcept => ({
  id,
  props: { id, name, kind: 'component', aliases, aliasText: aliases.join('\n'), mentions: 1, rank: 0.5, community: 2, ...extra },
});

const texts: Record<string, string> = { n1: 'The RBD driver talks to rbd.', n2: 'rbd ls lists rbd images.' };
const context: EditContext = { textOf: (id) => texts[id] ?? '', candidates: [] };

const before: ConceptSubgraph = {
  concepts: [concept('rbd-driver', 'RBD driver'), concept('rados-block-device', 'RADOS block device', ['rbd'], { mentions: 3 })],
  mentions: [
    { noteId: 'n1', conceptId: 'rbd-driver', count: 1, spans: [4, 14] },
    { noteId: 'n1', conceptId: 'rados-block-device', count: 1, spans: [24, 27] },
    { noteId: 'n2', conceptId: 'rados-block-device', count: 2, spans: [0, 3, 13, 16] },
  ],
  edges: [
    { source: 'rbd-driver', target: 'rados-block-device', type: 'USES', props: { weight: 1, evidence: 'e', noteId: 'n1' } },
    { source: 'ceph', target: 'rbd-driver', type: 'CO_OCCURS', props: { weight: 2, notes: 1, score: 0.4 } },
    { source: 'ceph', target: 'rados-block-device', type: 'CO_OCCURS', props: { weight: 3, notes: 2, score: 0.6 } },
    { source: 'rbd-driver', target: 'zlib', type: 'CO_OCCURS', props: { weight: 1, notes: 1, score: 0.2 } },
  ],
};

describe('what a decision does to the part of the graph it affects', () => {
  it('merge: mentions move, names become aliases, edges follow and coinciding edges combine', () => {
    const after = editSubgraph(before, { decision: 'merge', from: 'rbd-driver', into: 'rados-block-device' }, context);
    expect(after.concepts.map((c) => c.id)).toEqual(['rados-block-device']);
    expect(after.concepts[0]!.props).toMatchObject({ aliases: ['rbd', 'RBD driver'], aliasText: 'rbd\nRBD driver', mentions: 4, rank: 0.5, community: 2 });
    expect(after.mentions).toContainEqual({ noteId: 'n1', conceptId: 'rados-block-device', count: 2, spans: [4, 14, 24, 27] });
    expect(after.edges).toEqual([
      { source: 'ceph', target: 'rados-block-device', type: 'CO_OCCURS', props: { weight: 5, notes: 3, score: 0.4 } },
      { source: 'rados-block-device', target: 'zlib', type: 'CO_OCCURS', props: { weight: 1, notes: 1, score: 0.2 } },
    ]);
  });

  it('hide: the concept, its mentions and its edges go', () => {
    const touching = before.edges.filter((edge) => edge.source === 'rbd-driver' || edge.target === 'rbd-driver');
    const after = editSubgraph({ concepts: [before.concepts[0]!], mentions: [before.mentions[0]!], edges: touching }, { decision: 'stopword', word: 'RBD driver' }, context);
    expect(after).toEqual({ concepts: [], mentions: [], edges: [] });
  });

  it('split: the mentions written as the alias become the new concept, which starts in its community', () => {
    const after = editSubgraph(before, { decision: 'split', from: 'rados-block-device', alias: 'rbd', name: 'rbd', kind: 'command' }, context);
    const split = after.concepts.find((c) => c.id === 'rbd');
    expect(split?.props).toMatchObject({ name: 'rbd', kind: 'command', mentions: 3, community: 2 });
    expect(after.concepts.find((c) => c.id === 'rados-block-device')).toBeUndefined();
  });

  it('add relation and remove relation touch exactly that edge', () => {
    const added = editSubgraph(before, { decision: 'add-relation', source: 'rados-block-device', type: 'PART_OF', target: 'ceph', evidence: 'rbd is part of ceph', note: 'n2' }, context);
    expect(added.edges).toContainEqual({ source: 'rados-block-device', target: 'ceph', type: 'PART_OF', props: { evidence: 'rbd is part of ceph', noteId: 'n2', weight: 1 } });
    const removed = editSubgraph(before, { decision: 'remove-relation', source: 'rbd-driver', type: 'USES', target: 'rados-block-device' }, context);
    expect(removed.edges).toEqual(before.edges.slice(1));
  });

  it('a concept from selected text is found the way ingest finds it, with word boundaries', () => {
    const candidates = [
      { id: 'n1', text: 'The Quillmark exporter runs nightly; Quillmark exporters too.' },
      { id: 'n2', text: 'NotQuillmark exporter is a different thing.' },
    ];
    const after = editSubgraph({ concepts: [], mentions: [], edges: [] }, { decision: 'concept', name: 'Quillmark exporter', kind: 'tool', aliases: [] }, { ...context, candidates });
    expect(after.mentions).toEqual([{ noteId: 'n1', conceptId: 'quillmark-exporter', count: 1, spans: [4, 22] }]);
    expect(after.concepts[0]?.props).toMatchObject({ id: 'quillmark-exporter', name: 'Quillmark exporter', kind: 'tool', mentions: 1 });
  });
});
