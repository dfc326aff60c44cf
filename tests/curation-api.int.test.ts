import { parse as parseYaml } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CurationResult } from '../common/curation-contract.js';
import type { Database } from '../queries/database.js';
import { startCurationStack, type CurationStack, type DecisionFiles } from './support/curation-stack.js';
import { conceptOf, graphSnapshot, type GraphSnapshot } from './support/graph-snapshot.js';
import { connectTestDatabase } from './support/test-database.js';

/**
 * Every curation command over HTTP against the real Neo4j and a temporary notes folder: the graph changes at
 * once, the decision file holds the entry, a re-ingest from scratch gives the same graph, and Undo restores both
 * the graph and the files.
 */
let db: Database;
let stack: CurationStack;
let baseline: GraphSnapshot;
let baselineFiles: DecisionFiles;

const files = () => stack.decisionFiles();
const yamlOf = (text: string | undefined) => (text === undefined ? {} : (parseYaml(text) as Record<string, unknown>));
const noteIdsOf = (snapshot: GraphSnapshot, conceptId: string) =>
  new Set(snapshot.mentions.filter((mention) => mention.split(' ')[1] === conceptId).map((mention) => mention.split(' ')[0]));

async function noteMentioning(text: string): Promise<string> {
  const result = await db.read((tx) => tx.run('MATCH (n:Note) WHERE n.text CONTAINS $text RETURN n.id AS id LIMIT 1', { text }));
  return String(result.records[0]?.get('id'));
}

beforeAll(async () => {
  db = connectTestDatabase();
  stack = await startCurationStack({ db });
  baseline = await graphSnapshot(db);
  baselineFiles = await files();
});

// A failed case must not leave its decision behind for the next one.
afterEach(() => stack.restoreDecisionFiles(baselineFiles));

afterAll(async () => {
  await stack?.close();
  await db?.close();
});

interface Case {
  action: string;
  path: string;
  body: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** What the decision files hold afterwards. */
  file: (lexicon: Record<string, unknown>, relations: Record<string, unknown>) => void;
  /** What the graph shows afterwards (checked at once and again after the background re-ingest). */
  graph: (after: GraphSnapshot) => void;
}

const cases: Case[] = [
  {
    action: 'renames a concept, keeping the old name as an alias',
    path: '/curation/rename',
    body: () => ({ id: 'ceph', name: 'Ceph storage' }),
    file: (lexicon) => expect(lexicon).toMatchObject({ decisions: { rename: { ceph: 'Ceph storage' } } }),
    graph: (after) => {
      expect(conceptOf(after, 'ceph')).toMatchObject({ name: 'Ceph storage' });
      expect((conceptOf(after, 'ceph')?.aliases as string[]).map((alias) => alias.toLowerCase())).toContain('ceph');
    },
  },
  {
    action: 'changes the kind of a concept',
    path: '/curation/kind',
    body: () => ({ id: 'rabbitmq', kind: 'tool' }),
    file: (lexicon) => expect(lexicon).toMatchObject({ decisions: { kind: { rabbitmq: 'tool' } } }),
    graph: (after) => expect(conceptOf(after, 'rabbitmq')).toMatchObject({ kind: 'tool' }),
  },
  {
    action: 'merges two concepts: notes combine and the name becomes an alias',
    path: '/curation/merge',
    body: () => ({ from: 'rbd-driver', into: 'rados-block-device' }),
    file: (lexicon) => expect(lexicon).toMatchObject({ decisions: { merge: { 'rbd-driver': 'rados-block-device' } } }),
    graph: (after) => {
      expect(conceptOf(after, 'rbd-driver')).toBeUndefined();
      expect(conceptOf(after, 'rados-block-device')).toMatchObject({ aliases: expect.arrayContaining(['RBD driver']) });
      expect(noteIdsOf(after, 'rados-block-device')).toEqual(new Set([...noteIdsOf(baseline, 'rados-block-device'), ...noteIdsOf(baseline, 'rbd-driver')]));
      expect(after.edges.some((edge) => edge.includes('rbd-driver'))).toBe(false);
    },
  },
  {
    action: 'splits an alias off into a concept of its own',
    path: '/curation/split',
    body: () => ({ id: 'rados-block-device', alias: 'rbd', kind: 'command' }),
    file: (lexicon) => expect(lexicon).toMatchObject({ decisions: { split: [{ from: 'rados-block-device', alias: 'rbd', name: 'rbd', kind: 'command' }] } }),
    graph: (after) => {
      expect(conceptOf(after, 'rbd')).toMatchObject({ name: 'rbd', kind: 'command' });
      expect(conceptOf(after, 'rados-block-device')?.aliases).not.toContain('rbd');
      expect(noteIdsOf(after, 'rbd').size).toBeGreaterThan(0);
    },
  },
  {
    action: 'hides a concept: it becomes a stopword and goes with its edges',
    path: '/curation/hide',
    body: () => ({ id: 'pool' }),
    file: (lexicon) => expect(lexicon.stopwords).toContain(String(conceptOf(baseline, 'pool')?.name)),
    graph: (after) => {
      expect(conceptOf(after, 'pool')).toBeUndefined();
      expect(after.edges.some((edge) => edge.split(' ').slice(0, 3).includes('pool'))).toBe(false);
    },
  },
  {
    action: 'makes a concept from text selected in a note',
    path: '/curation/concepts',
    body: async () => ({ noteId: await noteMentioning('Quillmark exporter'), text: 'Quillmark exporter', kind: 'tool' }),
    file: (lexicon) => expect(lexicon.concepts).toContainEqual({ name: 'Quillmark exporter', kind: 'tool' }),
    graph: (after) => {
      expect(conceptOf(after, 'quillmark-exporter')).toMatchObject({ name: 'Quillmark exporter', kind: 'tool', mentions: 1 });
    },
  },
  {
    action: 'removes a wrong typed relation',
    path: '/curation/relations/remove',
    body: () => ({ source: 'nova', type: 'USES', target: 'rabbitmq' }),
    file: (_lexicon, relations) => expect(relations).toEqual({ remove: [{ source: 'nova', type: 'USES', target: 'rabbitmq' }] }),
    graph: (after) => {
      expect(after.edges.some((edge) => edge.startsWith('nova USES rabbitmq '))).toBe(false);
      expect(after.edges.some((edge) => edge.startsWith('nova CO_OCCURS rabbitmq ') || edge.startsWith('nova-api CALLS placement '))).toBe(true);
    },
  },
  {
    action: 'adds a typed relation with the selected sentence as evidence',
    path: '/curation/relations/add',
    body: async () => ({ source: 'paxos', type: 'PART_OF', target: 'ceph', noteId: await noteMentioning('Paxos keeps'), evidence: 'Paxos keeps the monitors in agreement.' }),
    file: (_lexicon, relations) =>
      expect(relations).toMatchObject({ add: [{ source: 'paxos', type: 'PART_OF', target: 'ceph', evidence: 'Paxos keeps the monitors in agreement.' }] }),
    graph: (after) => expect(after.edges.find((edge) => edge.startsWith('paxos PART_OF ceph '))).toContain('evidence="Paxos keeps the monitors in agreement."'),
  },
];

describe('curation commands', () => {
  it('start from a graph the fixture produces', () => {
    for (const id of ['ceph', 'rabbitmq', 'rbd-driver', 'rados-block-device', 'pool', 'paxos', 'nova']) expect(conceptOf(baseline, id), id).toBeDefined();
    expect(baseline.edges.some((edge) => edge.startsWith('nova USES rabbitmq '))).toBe(true);
    expect(conceptOf(baseline, 'quillmark-exporter')).toBeUndefined();
  });

  it.each(cases)('$action; a fresh ingest agrees and Undo restores graph and files', async ({ path, body, file, graph }) => {
    const response = await stack.post(path, await body());
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const result = response.body as unknown as CurationResult;
    expect(result.changeId).toEqual(expect.any(String));
    graph(await graphSnapshot(db));

    await stack.live.refresher.idle();
    const after = await graphSnapshot(db);
    graph(after);
    const written = await files();
    file(yamlOf(written.lexicon), yamlOf(written.relations));
    expect(written.lexicon).toContain('# Concepts of this test folder.');

    await stack.reingestFromScratch();
    expect(await graphSnapshot(db)).toEqual(after);

    const undo = await stack.post('/curation/undo', { changeId: result.changeId });
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    await stack.live.refresher.idle();
    expect(await files()).toEqual(baselineFiles);
    expect(await graphSnapshot(db)).toEqual(baseline);
  });
});
