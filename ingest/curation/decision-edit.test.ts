import { describe, expect, it } from 'vitest';
import { addDecision, applyChange, planDecision, revertChange, type EditResult } from './decision-edit.js';
import { parseDecisionDocument, readLexiconCuration, readRelationDecisions, serializeDecisionDocument, type DecisionDocuments } from './decision-files.js';
import type { Decision } from './decisions.js';

function files(lexicon: string | undefined, relations?: string): DecisionDocuments {
  const parse = (text: string | undefined) => {
    const result = parseDecisionDocument('f', text);
    if (!result.ok) throw new Error(result.problem);
    return result.value;
  };
  return { lexicon: parse(lexicon), relations: parse(relations) };
}

function texts(docs: DecisionDocuments) {
  return { lexicon: serializeDecisionDocument(docs.lexicon, 'lexicon'), relations: serializeDecisionDocument(docs.relations, 'relations') };
}

function ok(result: EditResult) {
  if (!result.ok) throw new Error(result.conflict);
  return result;
}

// A folder whose owner already wrote a lexicon by hand, with comments.
const ownerLexicon = `# Concepts I care about
concepts:
  - { name: Open vSwitch, kind: project, aliases: [ ovs ] } # the switch
stopwords: [ server ]
decisions:
  rename:
    nova: Nova Compute # the project's own name
`;
const ownerRelations = `# Relations extraction got wrong
remove:
  - { source: pastedeploy, type: CALLS, target: wsgi }
`;

const everyDecision: [string, Decision][] = [
  ['rename', { decision: 'rename', id: 'nova-api', name: 'Nova API service' }],
  ['rename of an already renamed concept', { decision: 'rename', id: 'nova', name: 'OpenStack Nova' }],
  ['kind', { decision: 'kind', id: 'nova-api', kind: 'component' }],
  ['merge', { decision: 'merge', from: 'rbd-driver', into: 'rados-block-device' }],
  ['split', { decision: 'split', from: 'rados-block-device', alias: 'rbd', name: 'rbd', kind: 'command' }],
  ['hide', { decision: 'stopword', word: 'data' }],
  ['concept from selected text', { decision: 'concept', name: 'Placement API', kind: 'component', aliases: ['placement'] }],
  ['remove relation', { decision: 'remove-relation', source: 'nova', type: 'USES', target: 'rabbitmq' }],
  ['add relation', { decision: 'add-relation', source: 'sonic', type: 'USES', target: 'supervisord', evidence: 'sonic 用 supervisord 管理进程', note: 'n-1' }],
  ['add of a relation the owner removed before', { decision: 'add-relation', source: 'pastedeploy', type: 'CALLS', target: 'wsgi', evidence: 'PasteDeploy calls the WSGI app' }],
];

describe('adding a decision', () => {
  it('writes a rename into a folder that has no lexicon file yet', () => {
    const result = ok(addDecision(files(undefined), { decision: 'rename', id: 'nova-api', name: 'Nova API service' }));
    expect(texts(result.files).lexicon).toBe('decisions:\n  rename:\n    nova-api: Nova API service\n');
    expect(result.change).toEqual({ added: [{ decision: 'rename', id: 'nova-api', name: 'Nova API service' }], removed: [] });
  });

  it('keeps the owner comments and puts the new entry in order', () => {
    const result = ok(addDecision(files(ownerLexicon), { decision: 'rename', id: 'keystone', name: 'Keystone identity' }));
    expect(texts(result.files).lexicon).toBe(`# Concepts I care about
concepts:
  - { name: Open vSwitch, kind: project, aliases: [ ovs ] } # the switch
stopwords: [ server ]
decisions:
  rename:
    keystone: Keystone identity
    nova: Nova Compute # the project's own name
`);
  });

  it('replaces the decision that held the same place and records it', () => {
    const result = ok(addDecision(files(ownerLexicon), { decision: 'rename', id: 'nova', name: 'OpenStack Nova' }));
    expect(result.change.removed).toEqual([{ decision: 'rename', id: 'nova', name: 'Nova Compute' }]);
    expect(readLexiconCuration('f', result.files.lexicon)).toMatchObject({ ok: true, value: { concepts: { rename: { nova: 'OpenStack Nova' } } } });
  });

  it('writes each new list entry on a line of its own', () => {
    let docs = files(undefined);
    docs = ok(addDecision(docs, { decision: 'split', from: 'rados-block-device', alias: 'rbd', name: 'rbd', kind: 'command' })).files;
    docs = ok(addDecision(docs, { decision: 'stopword', word: 'data' })).files;
    docs = ok(addDecision(docs, { decision: 'concept', name: 'Placement API', kind: 'component', aliases: [] })).files;
    expect(texts(docs).lexicon).toBe(`decisions:
  split:
    - { from: rados-block-device, alias: rbd, name: rbd, kind: command }
stopwords:
  - data
concepts:
  - { name: Placement API, kind: component }
`);
  });

  it('changes nothing when the same decision is already there', () => {
    const result = ok(addDecision(files(ownerLexicon), { decision: 'stopword', word: 'Server' }));
    expect(result.change).toEqual({ added: [], removed: [] });
    expect(texts(result.files)).toEqual(texts(files(ownerLexicon)));
  });

  it('refuses a concept whose name the lexicon file already lists', () => {
    const result = addDecision(files(ownerLexicon), { decision: 'concept', name: 'open vswitch', kind: 'tool', aliases: [] });
    expect(result).toEqual({ ok: false, conflict: expect.stringContaining('already listed') });
  });

  it('removing a relation the owner had added drops the addition too', () => {
    const added = ok(addDecision(files(undefined), { decision: 'add-relation', source: 'a', type: 'USES', target: 'b', evidence: 'a uses b' })).files;
    const removed = ok(addDecision(added, { decision: 'remove-relation', source: 'a', type: 'USES', target: 'b' }));
    expect(texts(removed.files).relations).toBe('remove:\n  - { source: a, type: USES, target: b }\n');
    expect(removed.change.removed).toEqual([{ decision: 'add-relation', source: 'a', type: 'USES', target: 'b', evidence: 'a uses b' }]);
  });

  it('adding a relation the owner had removed drops the removal', () => {
    const result = ok(addDecision(files(undefined, ownerRelations), everyDecision.at(-1)![1]));
    const read = readRelationDecisions('f', result.files.relations);
    expect(read).toMatchObject({ ok: true, value: { remove: [], add: [{ source: 'pastedeploy', target: 'wsgi' }] } });
  });

  it('leaves the documents it was given untouched', () => {
    const docs = files(ownerLexicon, ownerRelations);
    const before = texts(docs);
    for (const [, decision] of everyDecision) addDecision(docs, decision);
    expect(texts(docs)).toEqual(before);
  });
});

describe('undoing a decision', () => {
  it.each(everyDecision)('restores both files exactly after %s', (_label, decision) => {
    const docs = files(ownerLexicon, ownerRelations);
    const done = ok(addDecision(docs, decision));
    expect(texts(done.files)).not.toEqual(texts(docs));
    const undone = ok(revertChange(done.files, done.change));
    expect(texts(undone.files)).toEqual(texts(docs));
  });

  it('removes the sections it created, so the file can go', () => {
    const done = ok(addDecision(files(undefined), { decision: 'merge', from: 'a', into: 'b' }));
    const undone = ok(revertChange(done.files, done.change));
    expect(undone.files.lexicon.toString()).toBe('{}\n');
  });

  it('refuses, changing nothing, when the owner edited that decision since', () => {
    const done = ok(addDecision(files(ownerLexicon), { decision: 'rename', id: 'nova-api', name: 'Nova API service' }));
    const edited = ok(addDecision(done.files, { decision: 'rename', id: 'nova-api', name: 'Nova API (edited by hand)' })).files;
    const undone = revertChange(edited, done.change);
    expect(undone).toEqual({ ok: false, conflict: expect.stringContaining('rename nova-api') });
  });

  it('plans a change without applying it', () => {
    const docs = files(ownerLexicon);
    const plan = planDecision(docs, { decision: 'kind', id: 'nova', kind: 'project' });
    expect(plan).toEqual({ ok: true, change: { added: [{ decision: 'kind', id: 'nova', kind: 'project' }], removed: [] } });
    expect(ok(applyChange(docs, { added: [], removed: [] })).files.lexicon.toString()).toBe(docs.lexicon.toString());
  });
});
