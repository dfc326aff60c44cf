import { describe, expect, it } from 'vitest';
import { isEmptyDocument, parseDecisionDocument, readLexiconCuration, readRelationDecisions, serializeDecisionDocument } from './decision-files.js';

function parsed(text: string | undefined) {
  const result = parseDecisionDocument('notegraph-lexicon.yaml', text);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

// The example of docs/notes-folder-files.md, as an owner would write it.
const documented = `concepts:
  - name: Open vSwitch
    kind: project
    aliases: [ovs, openvswitch]
    exact: [OVS]
stopwords: [server, 数据]
notSecret: [abc123def]
decisions:
  rename: { nova-api: Nova API service }
  kind: { nova-api: component }
  merge: { rbd-driver: rados-block-device }
  split:
    - { from: rados-block-device, alias: rbd, name: rbd, kind: command }
`;

describe('reading the decision files', () => {
  it('reads the documented lexicon example', () => {
    const read = readLexiconCuration('notegraph-lexicon.yaml', parsed(documented));
    expect(read).toEqual({
      ok: true,
      value: {
        stopwords: ['server', '数据'],
        conceptNames: ['Open vSwitch'],
        concepts: {
          rename: { 'nova-api': 'Nova API service' },
          kind: { 'nova-api': 'component' },
          merge: { 'rbd-driver': 'rados-block-device' },
          split: [{ from: 'rados-block-device', alias: 'rbd', name: 'rbd', kind: 'command' }],
        },
      },
    });
  });

  it('reads the documented relations example', () => {
    const doc = parsed(`remove:
  - { source: pastedeploy, type: CALLS, target: wsgi }
add:
  - { source: sonic, type: USES, target: supervisord, evidence: "sonic 用 supervisord 管理进程", note: note-1 }
`);
    expect(readRelationDecisions('notegraph-relations.yaml', doc)).toEqual({
      ok: true,
      value: {
        remove: [{ source: 'pastedeploy', type: 'CALLS', target: 'wsgi' }],
        add: [{ source: 'sonic', type: 'USES', target: 'supervisord', evidence: 'sonic 用 supervisord 管理进程', note: 'note-1' }],
      },
    });
  });

  it('treats a missing or empty file as no decisions', () => {
    for (const text of [undefined, '', '# only a comment\n']) {
      expect(readLexiconCuration('f', parsed(text))).toMatchObject({ ok: true, value: { stopwords: [], concepts: { rename: {}, split: [] } } });
    }
  });

  it('reports a YAML syntax error by line without quoting the file', () => {
    const result = parseDecisionDocument('notegraph-lexicon.yaml', 'decisions:\n  rename: { a: b\nsecret-looking-value: x\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatch(/^notegraph-lexicon\.yaml: .*line \d+/);
      expect(result.problem).not.toContain('secret-looking-value');
    }
  });

  it.each([
    ['an unknown kind', 'decisions:\n  kind: { nova: spaceship }\n', 'decisions.kind.nova'],
    ['a misspelt section', 'decisions:\n  renmae: { nova: Nova }\n', 'decisions'],
    ['a split without its alias', 'decisions:\n  split:\n    - { from: a, name: b, kind: tool }\n', 'decisions.split.0.alias'],
    ['an empty rename', 'decisions:\n  rename: { nova: }\n', 'decisions.rename.nova'],
  ])('rejects %s, naming the field', (_label, text, field) => {
    const result = readLexiconCuration('notegraph-lexicon.yaml', parsed(text));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(field);
  });

  it('rejects a relation type that is not in the graph model', () => {
    const result = readRelationDecisions('notegraph-relations.yaml', parsed('remove:\n  - { source: a, type: LOVES, target: b }\n'));
    expect(result.ok).toBe(false);
  });

  it('rejects a file whose top level is not a map', () => {
    expect(parseDecisionDocument('f', '- a\n- b\n').ok).toBe(false);
  });
});

describe('writing the decision files in a stable order', () => {
  const messy = `# my lexicon
concepts:
  - { name: zookeeper, kind: tool, aliases: [zk, ZK, Apache ZooKeeper] }
  # the switch
  - { name: Open vSwitch, kind: project }
stopwords: [server, Data, data, 数据, api]
decisions:
  rename:
    zz: Last
    aa: First # a reason
  split:
    - { from: b, alias: y, name: y, kind: tool }
    - { from: a, alias: x, name: x, kind: tool }
`;

  it('sorts concepts by name, lists without repeats, decision maps by id, keeping comments', () => {
    expect(serializeDecisionDocument(parsed(messy), 'lexicon')).toBe(`# my lexicon
concepts:
  # the switch
  - { name: Open vSwitch, kind: project }
  - { name: zookeeper, kind: tool, aliases: [ Apache ZooKeeper, zk ] }
stopwords: [ api, Data, server, 数据 ]
decisions:
  rename:
    aa: First # a reason
    zz: Last
  split:
    - { from: a, alias: x, name: x, kind: tool }
    - { from: b, alias: y, name: y, kind: tool }
`);
  });

  it('gives the same text when written twice', () => {
    const once = serializeDecisionDocument(parsed(messy), 'lexicon');
    expect(serializeDecisionDocument(parsed(once), 'lexicon')).toBe(once);
  });

  it('sorts relation entries by source, type and target', () => {
    const doc = parsed(`remove:
  - { source: b, type: USES, target: a }
  - { source: a, type: USES, target: c }
  - { source: a, type: CALLS, target: z }
`);
    expect(serializeDecisionDocument(doc, 'relations')).toBe(`remove:
  - { source: a, type: CALLS, target: z }
  - { source: a, type: USES, target: c }
  - { source: b, type: USES, target: a }
`);
  });

  it('leaves the parsed document as it was', () => {
    const doc = parsed(messy);
    serializeDecisionDocument(doc, 'lexicon');
    expect(doc.toString()).toBe(parsed(messy).toString());
  });

  it('knows a document with nothing in it, not even a comment', () => {
    expect(isEmptyDocument(parsed(''))).toBe(true);
    expect(isEmptyDocument(parsed('{}'))).toBe(true);
    expect(isEmptyDocument(parsed('# keep me\n'))).toBe(false);
    expect(isEmptyDocument(parsed('stopwords: [a]\n'))).toBe(false);
  });
});
