import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse } from '../common/contract.js';
import { createLogger } from '../common/logger.js';
import type { Database } from '../queries/database.js';
import { applySchema } from '../queries/schema.js';
import { createApp } from '../server/server.js';
import { type FixtureGraph, sampleSpec, uniqueCommunityBase, writeFixtureGraph } from './support/fixture-graph.js';
import { connectTestDatabase, uniquePrefix } from './support/test-database.js';

let db: Database;
let app: Express;
let graph: FixtureGraph;

beforeAll(async () => {
  db = connectTestDatabase();
  await applySchema(db);
  graph = await writeFixtureGraph(db, uniquePrefix('api-cypher'), sampleSpec(uniqueCommunityBase()));
  app = createApp({ db, logger: createLogger('silent'), config: { CYPHER_TIMEOUT_MS: 5000, CYPHER_MAX_ROWS: 10 } });
  // The console worker starts with the app; on a loaded machine its first answer can take seconds.
  for (let attempt = 0; attempt < 5 && (await request(app).post('/api/cypher').send({ query: 'RETURN 1' })).status !== 200; attempt += 1);
});
afterAll(async () => {
  await graph.remove();
  await db.close();
});

const cypher = (query: string, params?: Record<string, unknown>) => request(app).post('/api/cypher').send(params ? { query, params } : { query });

/** Everything a write or admin statement could change, read straight from Neo4j. */
async function databaseState(): Promise<Record<string, unknown>> {
  return db.read(async (tx) => {
    const counts = await tx.run('MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships');
    const labels = await tx.run('CALL db.labels() YIELD label RETURN collect(label) AS labels');
    const types = await tx.run('CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types');
    const keys = await tx.run('CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys');
    const indexes = await tx.run('SHOW INDEXES YIELD name RETURN collect(name) AS names');
    const constraints = await tx.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    const nodeProps = await tx.run('MATCH (c:Concept) WHERE c.id STARTS WITH $p RETURN collect(properties(c)) AS props', { p: graph.prefix });
    return {
      nodes: Number(counts.records[0]?.get('nodes')),
      relationships: Number(counts.records[0]?.get('relationships')),
      labels: (labels.records[0]?.get('labels') as string[]).sort(),
      types: (types.records[0]?.get('types') as string[]).sort(),
      keys: (keys.records[0]?.get('keys') as string[]).sort(),
      indexes: (indexes.records[0]?.get('names') as string[]).sort(),
      constraints: (constraints.records[0]?.get('names') as string[]).sort(),
      fixture: JSON.stringify(nodeProps.records[0]?.get('props')),
    };
  });
}

describe('POST /api/cypher runs read queries', () => {
  it('returns columns, JSON-safe rows and a summary', async () => {
    const response = await cypher(
      "RETURN 1 AS one, 9007199254740993 AS big, 2.5 AS half, date('2024-01-02') AS day, datetime('2024-01-02T03:04:05Z') AS at, duration('P1D') AS span, point({x: 1, y: 2}) AS p, [1, 'a', null] AS list, {k: 2} AS map, 'x' AS text, true AS yes",
    ).expect(200);
    const body: CypherResponse = response.body;
    expect(body.columns).toEqual(['one', 'big', 'half', 'day', 'at', 'span', 'p', 'list', 'map', 'text', 'yes']);
    const [row] = body.rows;
    expect(row!.slice(0, 4)).toEqual([1, '9007199254740993', 2.5, '2024-01-02']);
    expect(row![4]).toMatch(/^2024-01-02T03:04:05/);
    expect(row![5]).toMatch(/^P.*1D/);
    expect(typeof row![6]).toBe('string');
    expect(row!.slice(7)).toEqual([[1, 'a', null], { k: 2 }, 'x', true]);
    expect(body.capped).toBe(false);
    expect(body.summary.queryType).toBe('r');
    expect(body.summary.timeMs).toBeGreaterThanOrEqual(0);
    expect(body.summary.counters.nodesCreated).toBe(0);
  });

  it('turns nodes, relationships and paths into graph elements, concept ids as element ids', async () => {
    const body: CypherResponse = (
      await cypher('MATCH p = (a:Concept {id: $from})-[:USES]->(b:Concept) RETURN p, a, b', { from: graph.concept('nova') }).expect(200)
    ).body;
    expect(body.graph.nodes.map((node) => node.data.id).sort()).toEqual([graph.concept('nova'), graph.concept('rabbit')].sort());
    expect(body.graph.nodes.find((node) => node.data.id === graph.concept('nova'))?.data).toMatchObject({ label: 'Nova', kind: 'component', labels: ['Concept'] });
    expect(body.graph.edges).toEqual([
      { data: expect.objectContaining({ source: graph.concept('nova'), target: graph.concept('rabbit'), type: 'USES', evidence: expect.stringContaining('RabbitMQ') }) },
    ]);
    const path = body.rows[0]![0] as { start: string; end: string; length: number };
    expect(path).toMatchObject({ start: graph.concept('nova'), end: graph.concept('rabbit'), length: 1 });
  });

  it('fetches the end nodes of returned relationships so every edge can be drawn', async () => {
    const body: CypherResponse = (await cypher('MATCH (:Note {id: $id})-[m:MENTIONS]->() RETURN m', { id: graph.note('n1') }).expect(200)).body;
    expect(body.graph.edges).toHaveLength(2);
    const nodeIds = new Set(body.graph.nodes.map((node) => node.data.id));
    expect(body.graph.edges.every((edge) => nodeIds.has(edge.data.source) && nodeIds.has(edge.data.target))).toBe(true);
    expect(body.graph.nodes.find((node) => node.data.kind === 'note')?.data.label).toBe('Nova messaging');
  });

  it('caps the rows and says so', async () => {
    const body: CypherResponse = (await cypher('UNWIND range(1, 50) AS x RETURN x').expect(200)).body;
    expect(body.rows).toHaveLength(10);
    expect(body.rows.map((row) => row[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(body.capped).toBe(true);
  });

  it('passes parameters, whole JSON numbers as integers', async () => {
    const body: CypherResponse = (await cypher('UNWIND range(1, $n) AS x RETURN x * $factor AS y LIMIT $n', { n: 3, factor: 1.5 }).expect(200)).body;
    expect(body.rows).toEqual([[1.5], [3], [4.5]]);
  });

  it('keeps a JSON 1.0 a float and a JSON integer above 2^53 exact', async () => {
    const raw = (text: string) => request(app).post('/api/cypher').set('content-type', 'application/json').send(text);
    const half = await raw('{"query": "RETURN $x / 2 AS half, $n / 2 AS whole", "params": {"x": 1.0, "n": 1}}').expect(200);
    expect(half.body.rows).toEqual([[0.5, 0]]);
    const big = await raw('{"query": "RETURN $big + 1 AS next, $big AS same", "params": {"big": 9007199254740993}}').expect(200);
    expect(big.body.rows).toEqual([['9007199254740994', '9007199254740993']]);
    const huge = await raw('{"query": "RETURN $x", "params": {"x": 99999999999999999999}}').expect(422);
    expect(huge.body.error.code).toBe('PARAM_OUT_OF_RANGE');
  });

  it('allows the read-only procedures the editor needs', async () => {
    expect((await cypher('CALL db.labels() YIELD label RETURN label').expect(200)).body.rows).toEqual(expect.arrayContaining([['Concept']]));
    const found: CypherResponse = (
      await cypher("CALL db.index.fulltext.queryNodes('concept_fulltext', $q) YIELD node RETURN node.id AS id", { q: 'lonelyterm' }).expect(200)
    ).body;
    expect(found.rows).toContainEqual([graph.concept('lonely')]);
    expect((await cypher('CALL db.propertyKeys() YIELD propertyKey RETURN count(*) AS n').expect(200)).body.rows[0][0]).toBeGreaterThan(5);
  });

  it('answers 400 with the position for a syntax error, counted on the user\'s own text', async () => {
    const response = await cypher('MATCH (n)\nRETRUN n').expect(400);
    expect(response.body.error.code).toBe('CYPHER_SYNTAX');
    expect(response.body.error.message).toContain('RETRUN');
    expect(response.body.error.details.position).toEqual({ line: 2, column: 1, offset: 10 });
  });

  it('answers 400 for a missing query or an unknown body field', async () => {
    expect((await request(app).post('/api/cypher').send({}).expect(400)).body.error.details.field).toBe('query');
    expect((await request(app).post('/api/cypher').send({ query: 'RETURN 1', mode: 'write' }).expect(400)).body.error.code).toBe('BAD_REQUEST');
    expect((await request(app).post('/api/cypher').send({ query: 'RETURN 1', params: [1] }).expect(400)).body.error.details.field).toBe('params');
  });
});

const writeAttempts: [string, string, Record<string, unknown>?][] = [
  ['CREATE', 'CREATE (n:Hack) RETURN n'],
  ['MERGE', 'MERGE (n:Hack {id: 1}) RETURN n'],
  ['SET', 'MATCH (n) SET n.hacked = true'],
  ['SET +=', 'MATCH (n:Concept) SET n += {hacked: true}'],
  ['DELETE', 'MATCH (n:Tag) DELETE n'],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
  ['REMOVE property', 'MATCH (n:Concept) REMOVE n.name'],
  ['REMOVE label', 'MATCH (n:Concept) REMOVE n:Concept'],
  ['CREATE INDEX', 'CREATE INDEX hack_index FOR (n:Hack) ON (n.x)'],
  ['CREATE CONSTRAINT', 'CREATE CONSTRAINT hack_constraint FOR (n:Hack) REQUIRE n.x IS UNIQUE'],
  ['DROP INDEX', 'DROP INDEX concept_rank'],
  ['DROP CONSTRAINT', 'DROP CONSTRAINT concept_id'],
  ['CALL db.createLabel', "CALL db.createLabel('Hack')"],
  ['CALL db.createProperty', "CALL db.createProperty('hackProperty')"],
  ['CALL db.createRelationshipType', "CALL db.createRelationshipType('HACKED')"],
  ['CALL db.clearQueryCaches', 'CALL db.clearQueryCaches()'],
  ['CALL dbms.setConfigValue', "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')"],
  ['CALL dbms.security.createUser', "CALL dbms.security.createUser('hacker', 'password123', false)"],
  ['CALL dbms.killQueries', "CALL dbms.killQueries(['query-1'])"],
  ['CALL apoc write procedure', "CALL apoc.create.node(['Hack'], {})"],
  ['backticked procedure name', "CALL `db`.`createLabel`('Hack')"],
  ['odd casing of a procedure', "CALL dB.CrEaTeLaBeL('Hack')"],
  ['LOAD CSV from a file', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
  ['LOAD CSV creating nodes', "LOAD CSV WITH HEADERS FROM 'https://example.com/x.csv' AS row CREATE (:Hack {v: row.v})"],
  ['CALL IN TRANSACTIONS', 'CALL { CREATE (:Hack) } IN TRANSACTIONS'],
  ['CALL IN TRANSACTIONS OF ROWS', 'UNWIND range(1, 3) AS i CALL (i) { CREATE (:Hack {i: i}) } IN TRANSACTIONS OF 1 ROWS'],
  ['read hiding a CALL IN TRANSACTIONS', 'UNWIND [1] AS i CALL (i) { RETURN i AS j } IN TRANSACTIONS RETURN j'],
  ['two statements', 'MATCH (n) RETURN count(n); CREATE (:Hack)'],
  ['two statements, harmless first', 'RETURN 1;\nMATCH (n) DETACH DELETE n'],
  ['write in a CALL subquery', 'MATCH (n:Concept) CALL (n) { CREATE (:Hack {of: n.id}) } RETURN count(*)'],
  ['write in an old-style subquery', 'MATCH (n:Concept) WITH n LIMIT 1 CALL { WITH n SET n.hacked = 1 } RETURN n'],
  ['FOREACH', 'FOREACH (i IN range(1, 3) | CREATE (:Hack {i: i}))'],
  ['UNWIND … CREATE', 'UNWIND range(1, 10) AS i CREATE (:Hack {i: i})'],
  ['comments and lower case', '/* just reading */ create (n:Hack) // really'],
  ['odd casing and whitespace', 'mAtCh (n)\n\t  DeTaCh   DeLeTe\n n'],
  ['relationship MERGE', "MERGE (a:Concept {id: 'hack-a'})-[:HACKED]->(b:Concept {id: 'hack-b'})"],
  ['relationship CREATE between concepts', 'MATCH (a:Concept), (b:Concept) WITH a, b LIMIT 1 CREATE (a)-[:HACKED]->(b)'],
  ['user administration', "CREATE USER hacker SET PASSWORD 'password123'"],
  ['database administration', 'CREATE DATABASE hack'],
  ['ALTER DATABASE', 'ALTER DATABASE neo4j SET ACCESS READ ONLY'],
  ['USE another database', "USE system CREATE USER hacker SET PASSWORD 'password123'"],
  ['TERMINATE TRANSACTIONS (reported as a read by EXPLAIN)', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
  ['SHOW … TERMINATE TRANSACTIONS', 'SHOW TRANSACTIONS YIELD transactionId AS id TERMINATE TRANSACTIONS id'],
  ['GRANT', 'GRANT ROLE admin TO neo4j'],
  ['EXPLAIN prefix', 'EXPLAIN CREATE (n:Hack)'],
  ['write with a trailing semicolon', 'CREATE (n:Hack)\nRETURN n;\n'],
  ['string that closes a literal', "MATCH (n) WHERE n.name = 'x' SET n.name = 'y' RETURN n"],
  ['a parameter in a SET', 'MATCH (n:Concept) WHERE n.id = $id SET n.name = $name', { id: 'x', name: "'}) DETACH DELETE n //" }],
];

describe('POST /api/cypher refuses writes and administration', () => {
  let before: Record<string, unknown>;
  beforeAll(async () => {
    before = await databaseState();
  });

  it(`has at least 30 attempts`, () => {
    expect(writeAttempts.length).toBeGreaterThanOrEqual(30);
  });

  it.each(writeAttempts)('refuses %s with a 400 and changes nothing', async (_name, query, params) => {
    const response = await cypher(query, params);
    expect(response.status).toBe(400);
    expect(['CYPHER_REFUSED', 'CYPHER_SYNTAX', 'BAD_REQUEST']).toContain(response.body.error.code);
    expect(response.body.error.message.length).toBeGreaterThan(10);
    expect(await databaseState()).toEqual(before);
  });

  it('treats parameters as values, never as query text', async () => {
    const injected = "1}) MATCH (n) DETACH DELETE n //";
    const body: CypherResponse = (await cypher('RETURN $q AS q', { q: injected }).expect(200)).body;
    expect(body.rows).toEqual([[injected]]);
    const lookup: CypherResponse = (await cypher('MATCH (c:Concept) WHERE c.name = $name RETURN c.id', { name: "Nova' OR 1=1 //" }).expect(200)).body;
    expect(lookup.rows).toEqual([]);
    expect(await databaseState()).toEqual(before);
  });

  it('refuses most attempts before running them, with the rule in the details', async () => {
    const refused = await cypher("CALL db.createLabel('Hack')").expect(400);
    expect(refused.body.error).toMatchObject({ code: 'CYPHER_REFUSED', details: { rule: 'procedure-allow-list' } });
    const write = await cypher('CREATE (n:Hack)').expect(400);
    expect(write.body.error).toMatchObject({ code: 'CYPHER_REFUSED', details: { rule: 'read-only' } });
    // What the parse tree cannot see (a procedure's mode) EXPLAIN still catches: its query type must be `r`.
    expect((await cypher('MATCH (n) RETURN n').expect(200)).body.summary.queryType).toBe('r');
  });
});

describe('POST /api/cypher time limit', () => {
  it('stops a cartesian product at the timeout while /api/health keeps answering', async () => {
    const quick = createApp({ db, logger: createLogger('silent'), config: { CYPHER_TIMEOUT_MS: 3000, CYPHER_MAX_ROWS: 10 } });
    const finished: string[] = [];
    const slow = request(quick)
      .post('/api/cypher')
      .send({ query: 'MATCH (a), (b), (c), (d), (e) UNWIND range(1, 1000000) AS x RETURN count(*) AS n' })
      .then((response) => {
        finished.push('cypher');
        return response;
      });
    const health = await request(quick).get('/api/health');
    finished.push('health');
    const response = await slow;
    expect(health.status).toBe(200);
    expect(response.status).toBe(504);
    expect(response.body.error.code).toBe('CYPHER_TIMEOUT');
    expect(finished).toEqual(['health', 'cypher']);
  });
});
