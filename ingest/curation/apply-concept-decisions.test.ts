import { describe, expect, it } from 'vitest';
import type { ConceptInfo } from '../extract-concepts.js';
import type { ConceptHit } from '../lexicon-matcher.js';
import { applyConceptDecisions, resolveMerges, type ConceptDecisionInput } from './apply-concept-decisions.js';

/** Notes and the hits an extraction would give: every listed surface found in the text, case-insensitively. */
function extracted(notes: Record<string, string>, concepts: (ConceptInfo & { surfaces: string[] })[]) {
  const hitsByNote = new Map<string, ConceptHit[]>();
  for (const [noteId, text] of Object.entries(notes)) {
    const hits: ConceptHit[] = [];
    for (const concept of concepts) {
      for (const surface of concept.surfaces) {
        const lower = text.toLowerCase();
        for (let at = lower.indexOf(surface.toLowerCase()); at >= 0; at = lower.indexOf(surface.toLowerCase(), at + surface.length)) {
          hits.push({ conceptId: concept.id, start: at, end: at + surface.length });
        }
      }
    }
    hitsByNote.set(noteId, hits.sort((a, b) => a.start - b.start));
  }
  const info = new Map(concepts.map(({ surfaces: _surfaces, ...concept }) => [concept.id, concept]));
  return { state: { hitsByNote, info }, textOf: (noteId: string) => notes[noteId] ?? '' };
}

const notes = {
  n1: 'The RBD driver maps a RADOS block device; run rbd map first.',
  n2: 'rbd ls lists images of the rados block device pool.',
  n3: 'Nova API talks to nova-api workers.',
};
const concepts = [
  { id: 'rados-block-device', name: 'RADOS block device', kind: 'component' as const, aliases: ['rbd'], surfaces: ['rados block device', 'rbd map', 'rbd ls'] },
  { id: 'rbd-driver', name: 'RBD driver', kind: 'component' as const, aliases: [], surfaces: ['rbd driver'] },
  { id: 'nova-api', name: 'Nova API', kind: 'component' as const, aliases: ['nova-api'], surfaces: ['nova api', 'nova-api'] },
];

const none: ConceptDecisionInput = { concepts: { rename: {}, kind: {}, merge: {}, split: [] }, stopwords: [] };
const decide = (concepts: Partial<ConceptDecisionInput['concepts']>, stopwords: string[] = []): ConceptDecisionInput => ({
  concepts: { ...none.concepts, ...concepts },
  stopwords,
});

const idsIn = (hits: Map<string, ConceptHit[]>, noteId: string) => (hits.get(noteId) ?? []).map((hit) => hit.conceptId);

describe('applying concept decisions to what extraction found', () => {
  it('changes nothing without decisions', () => {
    const { state, textOf } = extracted(notes, concepts);
    const applied = applyConceptDecisions(state, textOf, none);
    expect(applied.hitsByNote).toEqual(state.hitsByNote);
    expect(applied.info).toEqual(state.info);
    expect(applied.diagnostics).toEqual([]);
  });

  it('renames a concept: the id stays and the old name becomes an alias', () => {
    const { state, textOf } = extracted(notes, concepts);
    const applied = applyConceptDecisions(state, textOf, decide({ rename: { 'nova-api': 'Nova API service' } }));
    expect(applied.info.get('nova-api')).toEqual({ id: 'nova-api', name: 'Nova API service', kind: 'component', aliases: ['nova-api', 'Nova API'] });
    expect(idsIn(applied.hitsByNote, 'n3')).toEqual(['nova-api', 'nova-api']);
  });

  it('changes a kind', () => {
    const { state, textOf } = extracted(notes, concepts);
    expect(applyConceptDecisions(state, textOf, decide({ kind: { 'rbd-driver': 'tool' } })).info.get('rbd-driver')?.kind).toBe('tool');
  });

  it('merges one concept into another: its mentions move and its names become aliases', () => {
    const { state, textOf } = extracted(notes, concepts);
    const applied = applyConceptDecisions(state, textOf, decide({ merge: { 'rbd-driver': 'rados-block-device' } }));
    expect(applied.info.has('rbd-driver')).toBe(false);
    expect(applied.info.get('rados-block-device')?.aliases).toEqual(['rbd', 'RBD driver']);
    expect(idsIn(applied.hitsByNote, 'n1')).toEqual(['rados-block-device', 'rados-block-device', 'rados-block-device']);
    expect(applied.mergedInto).toEqual(new Map([['rbd-driver', 'rados-block-device']]));
  });

  it('splits an alias off into a concept of its own, moving exactly the mentions written that way', () => {
    const { state, textOf } = extracted(notes, [
      { id: 'rados-block-device', name: 'RADOS block device', kind: 'component', aliases: ['rbd'], surfaces: ['rados block device', 'rbd'] },
    ]);
    const applied = applyConceptDecisions(state, textOf, decide({ split: [{ from: 'rados-block-device', alias: 'RBD', name: 'rbd', kind: 'command' }] }));
    expect(applied.info.get('rbd')).toEqual({ id: 'rbd', name: 'rbd', kind: 'command', aliases: [] });
    expect(applied.info.get('rados-block-device')?.aliases).toEqual([]);
    expect(idsIn(applied.hitsByNote, 'n2')).toEqual(['rbd', 'rados-block-device']);
  });

  it('hides a concept: a stopword name takes the concept and all its mentions away', () => {
    const { state, textOf } = extracted(notes, concepts);
    const applied = applyConceptDecisions(state, textOf, decide({}, ['rbd driver']));
    expect(applied.info.has('rbd-driver')).toBe(false);
    expect(idsIn(applied.hitsByNote, 'n1')).not.toContain('rbd-driver');
  });

  it('hides a renamed concept by its new name', () => {
    const { state, textOf } = extracted(notes, concepts);
    const applied = applyConceptDecisions(state, textOf, decide({ rename: { 'nova-api': 'Nova thing' } }, ['nova thing']));
    expect(applied.info.has('nova-api')).toBe(false);
    expect(idsIn(applied.hitsByNote, 'n3')).toEqual([]);
  });

  it('applies split before merge before rename before kind', () => {
    const { state, textOf } = extracted(notes, [
      { id: 'rados-block-device', name: 'RADOS block device', kind: 'component', aliases: ['rbd'], surfaces: ['rados block device', 'rbd'] },
      { id: 'rbd-driver', name: 'RBD driver', kind: 'component', aliases: [], surfaces: ['rbd driver'] },
    ]);
    const applied = applyConceptDecisions(
      state,
      textOf,
      decide({
        split: [{ from: 'rados-block-device', alias: 'rbd', name: 'rbd command', kind: 'command' }],
        merge: { 'rbd-driver': 'rbd-command' },
        rename: { 'rbd-command': 'rbd CLI' },
        kind: { 'rbd-command': 'tool' },
      }),
    );
    expect(applied.info.get('rbd-command')).toMatchObject({ name: 'rbd CLI', kind: 'tool', aliases: ['rbd', 'RBD driver', 'rbd command'] });
    expect(applied.diagnostics).toEqual([]);
  });

  it('keeps decisions that match nothing and reports each one', () => {
    const { state, textOf } = extracted(notes, concepts);
    const applied = applyConceptDecisions(
      state,
      textOf,
      decide({
        rename: { gone: 'Gone' },
        kind: { gone: 'tool' },
        merge: { gone: 'nova-api', 'rbd-driver': 'also-gone' },
        split: [{ from: 'nova-api', alias: 'novaapi', name: 'x', kind: 'tool' }],
      }),
    );
    expect(applied.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'decision split nova-api / novaapi: nova-api has no alias novaapi; kept',
      'decision merge gone → nova-api: no extracted concept gone; kept',
      'decision merge rbd-driver → also-gone: no concept also-gone to merge into; kept',
      'decision rename gone: no extracted concept gone; kept',
      'decision kind gone: no extracted concept gone; kept',
    ]);
    expect(applied.diagnostics.every((diagnostic) => diagnostic.file === 'notegraph-lexicon.yaml' && diagnostic.stage === 'concepts')).toBe(true);
    expect(applied.info).toEqual(state.info);
  });

  it('leaves the extraction it was given untouched', () => {
    const { state, textOf } = extracted(notes, concepts);
    const before = JSON.stringify([[...state.hitsByNote], [...state.info]]);
    applyConceptDecisions(state, textOf, decide({ merge: { 'rbd-driver': 'rados-block-device' }, rename: { 'nova-api': 'X' } }, ['rbd ls']));
    expect(JSON.stringify([[...state.hitsByNote], [...state.info]])).toBe(before);
  });
});

describe('merge chains', () => {
  it('follows a chain to its end', () => {
    expect(resolveMerges({ a: 'b', b: 'c' }, () => {})).toEqual(new Map([['a', 'c'], ['b', 'c']]));
  });

  it('reports a cycle and applies none of it', () => {
    const reports: string[] = [];
    expect(resolveMerges({ a: 'b', b: 'a', c: 'd' }, (message) => reports.push(message))).toEqual(new Map([['c', 'd']]));
    expect(reports).toHaveLength(2);
  });
});
