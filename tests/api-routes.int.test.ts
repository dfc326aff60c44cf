import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConceptDetailResponse,
  GraphResponse,
  NeighborsResponse,
  NoteDetailResponse,
  PathResponse,
  RelatedResponse,
  SchemaResponse,
} from '../common/contract.js';
import { createLogger } from '../common/logger.js';
import type { Database } from '../queries/database.js';
import { applySchema } from '../queries/schema.js';
import { createApp } from '../server/server.js';
import { type FixtureGraph, sampleSpec, uniqueCommunityBase, writeFixtureGraph } from './support/fixture-graph.js';
import { connectTestDatabase, uniquePrefix } from './support/test-database.js';

let db: Database;
let app: Express;
let graph: FixtureGraph;
let community: number;
const enc = encodeURIComponent;

beforeAll(async () => {
  db = connectTestDatabase();
  await applySchema(db);
  community = uniqueCommunityBase();
  graph = await writeFixtureGraph(db, uniquePrefix('api-routes'), sampleSpec(community));
  app = createApp({ db, logger: createLogger('silent') });
});
afterAll(async () => {
  await graph.remove();
  await db.close();
});

const ids = (elements: { nodes: { data: { id: string } }[] }) => elements.nodes.map((node) => node.data.id).sort();

describe('GET /api/health', () => {
  it('reports Neo4j as reachable with its version and the graph counts', async () => {
    const response = await request(app).get('/api/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.neo4j.version).toMatch(/^5\./);
    expect(response.body.counts.concepts).toBeGreaterThanOrEqual(9);
  });
});

describe('GET /api/graph', () => {
  const communities = () => `${community},${community + 1},${community + 2}`;

  it('returns the concepts of the chosen communities by rank, with the typed and co-occurrence edges among them', async () => {
    const body: GraphResponse = (await request(app).get(`/api/graph?communities=${communities()}`).expect(200)).body;
    expect(body.nodes.map((node) => node.data.label)).toEqual(['Nova', 'Ceph', 'Neutron', 'Keystone', 'RabbitMQ', 'CRUSH', 'OSD', '归置组', 'Lonelyterm']);
    expect(body.capped).toBe(false);
    expect(body.totalConcepts).toBe(9);
    const types = body.edges.filter((edge) => edge.data.source === graph.concept('nova') && edge.data.target === graph.concept('rabbit')).map((edge) => edge.data.type).sort();
    expect(types).toEqual(['CO_OCCURS', 'USES']);
  });

  it('caps at limit and says so, keeping only edges between returned concepts', async () => {
    const body: GraphResponse = (await request(app).get(`/api/graph?communities=${communities()}&limit=3`).expect(200)).body;
    expect(ids(body)).toEqual([graph.concept('ceph'), graph.concept('neutron'), graph.concept('nova')].sort());
    expect(body.capped).toBe(true);
    expect(body.totalConcepts).toBe(9);
    const kept = new Set(ids(body));
    expect(body.edges.every((edge) => kept.has(edge.data.source) && kept.has(edge.data.target))).toBe(true);
    expect(body.edges.length).toBeGreaterThan(0);
  });

  it('filters by kind (repeated parameter) and drops light co-occurrence edges with minWeight', async () => {
    const body: GraphResponse = (await request(app).get(`/api/graph?communities=${communities()}&kinds=tool&kinds=component&minWeight=2`).expect(200)).body;
    expect(body.nodes.every((node) => ['tool', 'component'].includes(node.data.kind))).toBe(true);
    expect(body.nodes).toHaveLength(5);
    expect(body.edges.filter((edge) => edge.data.type === 'CO_OCCURS').every((edge) => (edge.data.weight ?? 0) >= 2)).toBe(true);
    expect(body.edges.some((edge) => edge.data.type === 'USES')).toBe(true);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=5001', 'limit'],
    ['limit=abc', 'limit'],
    ['minWeight=-1', 'minWeight'],
    ['communities=x', 'communities'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const response = await request(app).get(`/api/graph?${query}`).expect(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
    expect(response.body.error.details.field).toContain(field);
    expect(response.body.error.message).toContain(field);
  });
});

describe('GET /api/concepts/:id', () => {
  it('returns the concept, its notes with source, lines and highlight spans, and its typed relations with evidence', async () => {
    const body: ConceptDetailResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}`).expect(200)).body;
    expect(body.concept).toMatchObject({ name: 'Nova', kind: 'component', aliases: ['nova-api', 'Nova API'], rank: 0.9, community });
    expect(body.notesTotal).toBe(2);
    expect(body.notes.map((entry) => entry.note.id)).toEqual([graph.note('n1'), graph.note('n2')]);
    const first = body.notes[0]!;
    expect(first.note.source.path).toBe('openstack-notes.txt');
    expect(first.note.lineStart).toBe(1);
    expect(first.note.date).toBe('2024-03-01');
    expect(first.spans.map((span) => first.note.text.slice(span.start, span.end))).toEqual(['Nova', 'nova-api']);
    expect(body.relations).toEqual([
      { type: 'USES', direction: 'out', other: { id: graph.concept('rabbit'), name: 'RabbitMQ', kind: 'tool' }, evidence: expect.stringContaining('Nova uses RabbitMQ'), noteId: graph.note('n1') },
    ]);
  });

  it('pages the notes with offset and limit', async () => {
    const body: ConceptDetailResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}?offset=1&limit=1`).expect(200)).body;
    expect(body.notes.map((entry) => entry.note.id)).toEqual([graph.note('n2')]);
    expect(body.page).toEqual({ offset: 1, limit: 1 });
    expect(body.notesTotal).toBe(2);
  });

  it('shows incoming relations with direction "in"', async () => {
    const body: ConceptDetailResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('ceph'))}`).expect(200)).body;
    expect(body.relations).toEqual([expect.objectContaining({ type: 'PART_OF', direction: 'in', other: expect.objectContaining({ name: 'CRUSH' }) })]);
  });

  it('answers 404 for an unknown concept and 400 for a bad page size', async () => {
    const missing = await request(app).get(`/api/concepts/${enc(graph.concept('nope'))}`).expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const bad = await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}?limit=0`).expect(400);
    expect(bad.body.error.details.field).toBe('limit');
  });
});

describe('notes in several places and time ranges', () => {
  beforeAll(async () => {
    // n1 also occurs in the Ceph file and a second time in its own file: one note, three places.
    await db.write((tx) =>
      tx.run(
        `MATCH (n:Note {id: $note}), (ops:Source {id: $ops}), (ceph:Source {id: $ceph})
         CREATE (n)-[:IN {lineStart: 30, lineEnd: 31}]->(ceph), (n)-[:IN {lineStart: 40, lineEnd: 42}]->(ops)`,
        { note: graph.note('n1'), ops: graph.source('ops'), ceph: graph.source('ceph') },
      ),
    );
  });

  it('lists a note once with every place it occurs and the lines of each, counting and paging distinct notes', async () => {
    const body: ConceptDetailResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}`).expect(200)).body;
    expect(body.notesTotal).toBe(2);
    expect(body.notes.map((entry) => entry.note.id)).toEqual([graph.note('n1'), graph.note('n2')]);
    expect(body.notes[0]!.note.places.map((place) => [place.source.path, place.lineStart, place.lineEnd])).toEqual([
      ['ceph-笔记.txt', 30, 31],
      ['openstack-notes.txt', 1, 2],
      ['openstack-notes.txt', 40, 42],
    ]);
    const second: ConceptDetailResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}?offset=1&limit=1`).expect(200)).body;
    expect(second.notes.map((entry) => entry.note.id)).toEqual([graph.note('n2')]);
  });

  it('gives the note detail every place too', async () => {
    const body: NoteDetailResponse = (await request(app).get(`/api/notes/${enc(graph.note('n1'))}`).expect(200)).body;
    expect(body.note.places).toHaveLength(3);
  });

  it('keeps only concepts and edges with notes in a time range, undated notes by choice', async () => {
    const base = `/api/graph?communities=${community}&from=2024-03-01&to=2024-03-01`;
    const day: GraphResponse = (await request(app).get(base).expect(200)).body;
    expect(ids(day)).toEqual([graph.concept('nova'), graph.concept('rabbit')].sort());
    expect(day.edges.every((edge) => [edge.data.source, edge.data.target].every((id) => ids(day).includes(id)))).toBe(true);
    const withUndated: GraphResponse = (await request(app).get(`${base}&undated=include`).expect(200)).body;
    expect(ids(withUndated)).toEqual([graph.concept('keystone'), graph.concept('nova'), graph.concept('rabbit')].sort());
    await request(app).get(`/api/graph?from=yesterday`).expect(400);
  });

  it('pages a concept’s notes in a time range', async () => {
    const body: ConceptDetailResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('keystone'))}?from=2024-03-02&to=2024-12-31`).expect(200)).body;
    expect(body.notes.map((entry) => entry.note.id)).toEqual([graph.note('n2')]);
    expect(body.notesTotal).toBe(1);
  });
});

describe('GET /api/concepts/:id/neighbors', () => {
  it('follows only the chosen relation types', async () => {
    const body: NeighborsResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}/neighbors?types=USES`).expect(200)).body;
    expect(ids(body)).toEqual([graph.concept('nova'), graph.concept('rabbit')].sort());
    expect(body.edges.map((edge) => edge.data.type)).toEqual(['USES']);
    await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}/neighbors?types=MENTIONS`).expect(400);
  });

  it('returns the centre, its direct neighbours and the edges among them', async () => {
    const body: NeighborsResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('keystone'))}/neighbors`).expect(200)).body;
    expect(ids(body)).toEqual([graph.concept('keystone'), graph.concept('neutron'), graph.concept('nova')].sort());
    expect(body).toMatchObject({ center: graph.concept('keystone'), capped: false, total: 2 });
    expect(body.edges.some((edge) => edge.data.source === graph.concept('nova') && edge.data.target === graph.concept('neutron'))).toBe(true);
  });

  it('caps the neighbours at limit, keeps the highest ranked, and reports the total', async () => {
    const body: NeighborsResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}/neighbors?limit=2`).expect(200)).body;
    expect(ids(body)).toEqual([graph.concept('keystone'), graph.concept('neutron'), graph.concept('nova')].sort());
    expect(body.capped).toBe(true);
    expect(body.total).toBe(3);
  });

  it('reaches further with depth, nearest first', async () => {
    const one: NeighborsResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('pg'))}/neighbors?depth=1`).expect(200)).body;
    const two: NeighborsResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('pg'))}/neighbors?depth=2`).expect(200)).body;
    expect(ids(one)).not.toContain(graph.concept('ceph'));
    expect(ids(two)).toContain(graph.concept('ceph'));
    expect(two.total).toBe(3);
  });

  it('answers 404 for an unknown concept and 400 for depth 4', async () => {
    await request(app).get(`/api/concepts/${enc(graph.concept('nope'))}/neighbors`).expect(404);
    const bad = await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}/neighbors?depth=4`).expect(400);
    expect(bad.body.error.details.field).toBe('depth');
  });
});

describe('GET /api/concepts/:id/related', () => {
  it('gives evidence in words for each related topic: shared notes and concepts both have the same relation with', async () => {
    const body: RelatedResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}/related`).expect(200)).body;
    const neutron = body.related.find((topic) => topic.concept.id === graph.concept('neutron'));
    expect(neutron?.reasons.sharedNotes).toBe(1);
    expect(neutron?.reasons.sharedNeighbours).toEqual([{ id: graph.concept('rabbit'), name: 'RabbitMQ', type: 'USES', direction: 'out' }]);
    expect(neutron?.explanation).toBe('1 shared note; each uses RabbitMQ');
    // RabbitMQ is a typed relation of Nova (listed under relations), not a related topic.
    expect(body.related.map((topic) => topic.concept.id)).not.toContain(graph.concept('rabbit'));
    for (const topic of body.related) expect(topic.reasons.sharedNotes > 0 || topic.reasons.sharedNeighbours.length > 0).toBe(true);
  });

  it('suggests nothing without evidence: a concept two hops away that shares no note is not related', async () => {
    const body: RelatedResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('pg'))}/related`).expect(200)).body;
    expect(body.related.map((topic) => topic.concept.id).sort()).toEqual([graph.concept('crush'), graph.concept('osd')].sort());
    expect(body.related.map((topic) => topic.concept.id)).not.toContain(graph.concept('ceph'));
  });

  it('returns an empty list for an isolated concept and 404 for an unknown one', async () => {
    const body: RelatedResponse = (await request(app).get(`/api/concepts/${enc(graph.concept('lonely'))}/related`).expect(200)).body;
    expect(body.related).toEqual([]);
    await request(app).get(`/api/concepts/${enc(graph.concept('nope'))}/related`).expect(404);
    await request(app).get(`/api/concepts/${enc(graph.concept('nova'))}/related?limit=101`).expect(400);
  });
});

describe('GET /api/path', () => {
  it('returns every shortest path between two concepts as graph elements', async () => {
    const body: PathResponse = (await request(app).get(`/api/path?from=${enc(graph.concept('keystone'))}&to=${enc(graph.concept('rabbit'))}`).expect(200)).body;
    expect(body.found).toBe(true);
    expect(body.length).toBe(2);
    expect(body.paths).toEqual(
      expect.arrayContaining([
        [graph.concept('keystone'), graph.concept('nova'), graph.concept('rabbit')],
        [graph.concept('keystone'), graph.concept('neutron'), graph.concept('rabbit')],
      ]),
    );
    expect(body.paths).toHaveLength(2);
    expect(ids(body)).toHaveLength(4);
  });

  it('never walks through notes: concepts only linked by a note are not connected', async () => {
    const body: PathResponse = (await request(app).get(`/api/path?from=${enc(graph.concept('nova'))}&to=${enc(graph.concept('osd'))}`).expect(200)).body;
    expect(body).toMatchObject({ found: false, paths: [], length: null });
  });

  it('respects maxLength', async () => {
    const body: PathResponse = (await request(app).get(`/api/path?from=${enc(graph.concept('keystone'))}&to=${enc(graph.concept('rabbit'))}&maxLength=1`).expect(200)).body;
    expect(body.found).toBe(false);
  });

  it('answers 400 without "to", 400 for maxLength 9, and 404 for an unknown concept', async () => {
    const missing = await request(app).get(`/api/path?from=${enc(graph.concept('nova'))}`).expect(400);
    expect(missing.body.error.details.field).toBe('to');
    await request(app).get(`/api/path?from=a&to=b&maxLength=9`).expect(400);
    await request(app).get(`/api/path?from=${enc(graph.concept('nova'))}&to=${enc(graph.concept('nope'))}`).expect(404);
  });
});

describe('GET /api/notes/:id', () => {
  it('returns the note, its neighbours in the source file and the concepts it mentions with spans', async () => {
    const body: NoteDetailResponse = (await request(app).get(`/api/notes/${enc(graph.note('n2'))}`).expect(200)).body;
    expect(body.note).toMatchObject({ id: graph.note('n2'), title: 'Neutron and Keystone', lineStart: 5, source: { path: 'openstack-notes.txt' } });
    expect(body.previous).toEqual({ id: graph.note('n1'), title: 'Nova messaging' });
    expect(body.next).toEqual({ id: graph.note('n3'), title: 'Keystone' });
    const neutron = body.concepts.find((concept) => concept.name === 'Neutron')!;
    expect(neutron.spans.map((span) => body.note.text.slice(span.start, span.end))).toEqual(['Neutron', 'Neutron']);
    expect(body.concepts.map((concept) => concept.name).sort()).toEqual(['Keystone', 'Neutron', 'Nova', 'RabbitMQ']);
  });

  it('has no previous note for the first note of a file, and 404 for an unknown note', async () => {
    const body: NoteDetailResponse = (await request(app).get(`/api/notes/${enc(graph.note('n4'))}`).expect(200)).body;
    expect(body.previous).toBeNull();
    expect(body.next?.id).toBe(graph.note('n5'));
    await request(app).get(`/api/notes/${enc(graph.note('nope'))}`).expect(404);
  });
});

describe('GET /api/schema', () => {
  it('lists labels, relationship types and property keys', async () => {
    const body: SchemaResponse = (await request(app).get('/api/schema').expect(200)).body;
    expect(body.labels).toEqual(expect.arrayContaining(['Concept', 'Note', 'Source']));
    expect(body.relationshipTypes).toEqual(expect.arrayContaining(['MENTIONS', 'CO_OCCURS', 'USES']));
    expect(body.propertyKeys).toEqual(expect.arrayContaining(['name', 'aliases', 'spans']));
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route with its parameters, generated from the validation schemas', async () => {
    const body = (await request(app).get('/api/openapi.json').expect(200)).body;
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        '/api/concepts/{id}',
        '/api/concepts/{id}/neighbors',
        '/api/concepts/{id}/related',
        '/api/curation',
        ...['concepts', 'hide', 'kind', 'merge', 'relations/add', 'relations/remove', 'rename', 'split', 'undo'].map((command) => `/api/curation/${command}`),
        '/api/cypher',
        '/api/events',
        '/api/graph',
        '/api/health',
        '/api/notes/{id}',
        '/api/openapi.json',
        '/api/path',
        '/api/schema',
        '/api/search',
      ].sort(),
    );
    const graphParams = body.paths['/api/graph'].get.parameters.map((parameter: { name: string }) => parameter.name).sort();
    expect(graphParams).toEqual(['communities', 'from', 'kinds', 'limit', 'minWeight', 'to', 'undated']);
    expect(body.paths['/api/concepts/{id}'].get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]));
    expect(body.paths['/api/cypher'].post.requestBody.content['application/json'].schema.properties.query.type).toBe('string');
  });
});

describe('unknown routes and bodies', () => {
  it('answers 404 in the error shape for an unknown API route', async () => {
    const response = await request(app).get('/api/nothing-here').expect(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('/nothing-here'), requestId: expect.any(String) } });
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await request(app).post('/api/cypher').set('content-type', 'application/json').send('{"query": ').expect(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
  });
});
