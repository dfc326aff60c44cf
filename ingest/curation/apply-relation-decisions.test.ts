import { describe, expect, it } from 'vitest';
import type { Relation } from '../types.js';
import { applyRelationDecisions, type RelationContext } from './apply-relation-decisions.js';

const extracted: Relation[] = [
  { source: 'pastedeploy', target: 'wsgi', type: 'CALLS', weight: 2, evidence: 'PasteDeploy calls WSGI apps', noteId: 'n1' },
  { source: 'nova', target: 'rabbitmq', type: 'USES', weight: 1, evidence: 'nova uses rabbitmq', noteId: 'n2' },
];

const context: RelationContext = {
  concepts: new Set(['pastedeploy', 'wsgi', 'nova', 'rabbitmq', 'sonic', 'supervisord']),
  mergedInto: new Map([['sonic-os', 'sonic']]),
  notes: new Map([
    ['n1', { text: 'PasteDeploy calls WSGI apps' }],
    ['n3', { text: 'Logs. sonic 用 supervisord 管理进程 。' }],
  ]),
};

describe('applying relation decisions', () => {
  it('removes the relation named by (source, type, target) and keeps the others', () => {
    const applied = applyRelationDecisions(extracted, { remove: [{ source: 'pastedeploy', type: 'CALLS', target: 'wsgi' }], add: [] }, context);
    expect(applied.relations).toEqual([extracted[1]]);
    expect(applied.diagnostics).toEqual([]);
  });

  it('adds a relation the owner stated, with its evidence and note', () => {
    const add = [{ source: 'sonic', type: 'USES' as const, target: 'supervisord', evidence: 'sonic 用 supervisord 管理进程', note: 'n3' }];
    const applied = applyRelationDecisions(extracted, { remove: [], add }, context);
    expect(applied.relations).toContainEqual({ source: 'sonic', target: 'supervisord', type: 'USES', weight: 1, evidence: 'sonic 用 supervisord 管理进程', noteId: 'n3' });
  });

  it('finds the note again by its evidence when the note id changed', () => {
    const add = [{ source: 'sonic', type: 'USES' as const, target: 'supervisord', evidence: 'sonic 用 supervisord 管理进程', note: 'old-id' }];
    expect(applyRelationDecisions([], { remove: [], add }, context).relations[0]?.noteId).toBe('n3');
  });

  it('follows a merge: a decision naming the merged-away concept applies to the one it went into', () => {
    const add = [{ source: 'sonic-os', type: 'MANAGES' as const, target: 'supervisord', evidence: 'sonic 用 supervisord 管理进程' }];
    expect(applyRelationDecisions([], { remove: [], add }, context).relations[0]).toMatchObject({ source: 'sonic', target: 'supervisord' });
  });

  it('keeps an extracted relation as it is when the owner also states it', () => {
    const add = [{ source: 'nova', type: 'USES' as const, target: 'rabbitmq', evidence: 'my words' }];
    expect(applyRelationDecisions(extracted, { remove: [], add }, context).relations).toEqual(extracted);
  });

  it('reports decisions that match nothing and keeps going', () => {
    const applied = applyRelationDecisions(
      extracted,
      {
        remove: [{ source: 'nova', type: 'CALLS', target: 'rabbitmq' }],
        add: [
          { source: 'nova', type: 'USES', target: 'gone', evidence: 'x' },
          { source: 'nova', type: 'USES', target: 'nova', evidence: 'x' },
          { source: 'nova', type: 'RUNS_ON', target: 'wsgi', evidence: 'nowhere to be found' },
        ],
      },
      context,
    );
    expect(applied.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'decision remove nova CALLS rabbitmq: no such relation was extracted; kept',
      'decision add nova USES gone: no concept gone; kept, not applied',
      'decision add nova USES nova: both ends are one concept; kept, not applied',
      'decision add nova RUNS_ON wsgi: no note holds its evidence any more; applied without a note',
    ]);
    expect(applied.relations).toHaveLength(3);
    expect(applied.diagnostics.every((diagnostic) => diagnostic.file === 'notegraph-relations.yaml')).toBe(true);
  });
});
