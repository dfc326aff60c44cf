import { describe, expect, it } from 'vitest';
import { addConceptCommand, addRelationCommand, liveMessage, mergeTargets, removeRelationCommand, selectedTerm, sentenceAround } from './curation-model.js';

const note = 'Ceph monitors keep the cluster map. Paxos keeps the monitors in agreement.\nrbd ls lists images。消息队列 RabbitMQ 用于通信！Done';
const at = (text: string) => ({ start: note.indexOf(text), end: note.indexOf(text) + text.length });

describe('what a selection in a note means', () => {
  it.each([
    ['Paxos', 'Paxos keeps the monitors in agreement.'],
    ['cluster map', 'Ceph monitors keep the cluster map.'],
    ['rbd ls', 'rbd ls lists images。'],
    ['RabbitMQ', '消息队列 RabbitMQ 用于通信！'],
    ['Done', 'Done'],
  ])('the sentence around "%s" is its evidence', (selected, sentence) => {
    const { start, end } = at(selected);
    expect(sentenceAround(note, start, end)).toBe(sentence);
  });

  it('a selection across sentences keeps both', () => {
    expect(sentenceAround(note, note.indexOf('map.'), note.indexOf('Paxos') + 5)).toBe('Ceph monitors keep the cluster map. Paxos keeps the monitors in agreement.');
  });

  it('evidence stays within 1000 characters around the selection', () => {
    const long = `${'word '.repeat(400)}Zephyr${' word'.repeat(400)}.`;
    const evidence = sentenceAround(long, long.indexOf('Zephyr'), long.indexOf('Zephyr') + 6);
    expect(evidence.length).toBeLessThanOrEqual(1000);
    expect(evidence).toContain('Zephyr');
  });

  it.each([
    ['Quillmark exporter', 'Quillmark exporter'],
    ['  padded  ', 'padded'],
    ['x', null],
    ['two\nlines', null],
    ['y'.repeat(201), null],
  ])('"%s" as a concept name is %s', (text, term) => {
    expect(selectedTerm({ noteId: 'n', start: 0, end: text.length, text })).toBe(term);
  });
});

describe('commands built from the explorer', () => {
  const selection = { noteId: 'n1', ...at('Paxos'), text: 'Paxos' };

  it('a concept from selected text, named as selected unless renamed', () => {
    expect(addConceptCommand(selection, 'protocol')).toEqual({ noteId: 'n1', text: 'Paxos', kind: 'protocol' });
    expect(addConceptCommand(selection, 'protocol', 'Paxos protocol')).toEqual({ noteId: 'n1', text: 'Paxos', kind: 'protocol', name: 'Paxos protocol' });
  });

  it('a relation with the selected sentence as evidence', () => {
    expect(addRelationCommand(selection, note, { source: 'paxos', type: 'PART_OF', target: 'ceph' })).toEqual({
      source: 'paxos',
      type: 'PART_OF',
      target: 'ceph',
      noteId: 'n1',
      evidence: 'Paxos keeps the monitors in agreement.',
    });
    expect(addRelationCommand(selection, note, { source: 'ceph', type: 'USES', target: 'ceph' })).toBeNull();
  });

  it('removing a relation listed as incoming names it from the other end', () => {
    const relation = { type: 'USES', direction: 'in' as const, other: { id: 'nova', name: 'Nova', kind: 'project' }, evidence: null, noteId: null };
    expect(removeRelationCommand('rabbitmq', relation)).toEqual({ source: 'nova', type: 'USES', target: 'rabbitmq' });
    expect(removeRelationCommand('rabbitmq', { ...relation, type: 'CO_OCCURS' })).toBeNull();
  });

  it('merge targets are the other selected concepts', () => {
    expect(mergeTargets('a', [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }])).toEqual([
      { id: 'b', name: 'B' },
      { id: 'c', name: 'C' },
    ]);
  });
});

describe('live messages', () => {
  it('say quietly which files were updated', () => {
    expect(liveMessage({ type: 'notes', files: ['a.md'] })).toBe('updated: a.md');
    expect(liveMessage({ type: 'notes', files: ['a.md', 'b.md', 'c.md', 'd.md'] })).toBe('updated: a.md, b.md and 2 more');
    expect(liveMessage({ type: 'graph', reason: 'curation' })).toBeNull();
  });
});
