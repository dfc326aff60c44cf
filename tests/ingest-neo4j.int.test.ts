import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonExport } from '../ingest/report.js';
import { extractGraph } from '../ingest/extract-graph.js';
import { toGraphRows } from '../ingest/graph-rows.js';
import { loadLexicon } from '../ingest/lexicon.js';
import { readNoteFiles } from '../ingest/read-files.js';
import { isGraphStale, runIngest, type IngestSummary } from '../ingest/run-ingest.js';
import { writeIngestedGraph } from '../queries/ingest-write.js';
import type { Database } from '../queries/database.js';
import { toNumber } from '../queries/values.js';
import { connectTestDatabase } from './support/test-database.js';

/** Fake credentials planted in notes/ (see notes/README.md): none may reach Neo4j or the JSON export. */
const fakeCredentials = [
  'Elcvv179916', 'pnzpa352376', 'slsoj', 'nkhjisj9812', 'AQNKdsqPjOmcVmUR++ZCdj7v5fQWDjYlaHB9LO==',
  'AQFwb2wEbAZgNgXNtWlQfMJfw0KPCiYtckP1/D==', 'gzfnyu:nanzcyy', 'newpwd', 'xikermktd', '639adf6e68b3089b',
  'hfdcl.bfm392', 'emrcqyf@66245969', 'nuwpamq', 'pId915049', '8187899750', 'b6c0461b370965a3', 'kl063177',
  'ubemmdsfp@example.com', 'aj@example.org', 'cepher_tina', '951!#%ndiytdkpr', 'wrgrqbf', 'ecjq6tgOODY)GA',
  'esmhp@sm113', 'qpw9@hec6', 'upeufm01324296', 'ycwhksgz', 'f0faaf7d22dc1ecf7d88953af685fb55', '9655140452',
  '117527', '108366766f0c35846fd15adaf08b0d3e', 'IUWBYYFPN3W26D64T6E4', 'rE5jiutoSXIZ5X7Fx5M2HPg2xmrrPy2BPqwic2KZ',
  'R4L32ZD9CSI51A7LMO2V', 'xZNKLFB2YfWoIhTf6R0DjomKLqgA6re10qu0TIcd', 'S1K3U02ZI4JRLT0UN4NW',
  '0IezyLj4hnKkPwMDwIuaACsmzvZkqagG2vF8lnVs', '78XHGAZ1Z7OPUX0SP8LN', 'w05tdVzGpX5uK6PyQFYSlmenn8r578eUoh9InhZT',
  'jznlhMvC235-05', 'TMsD8cfs', 'v7#Q5T%0i^3@9N9&k29il', 'qObaGpWwHA35Yvxj', '8826334419@example.com',
  'Wu9Hk1yW3AxjCw9L', '4EbQlBx6EEv8iL9c', '"12345678"',
];

let db: Database;
let notesDir: string;
let first: IngestSummary;

async function readAll<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return db.read(async (tx) => (await tx.run(cypher, params)).records.map((record) => record.toObject() as T));
}

async function conceptSnapshot(): Promise<string[]> {
  const rows = await readAll<{ id: string; mentions: unknown; notes: unknown }>(
    'MATCH (c:Concept) RETURN c.id AS id, c.mentions AS mentions, COUNT { (c)<-[:MENTIONS]-() } AS notes ORDER BY id',
  );
  return rows.map((row) => `${row.id}:${toNumber(row.mentions)}:${toNumber(row.notes)}`);
}

/** Every ingest-owned node and relationship as sorted lines, for comparing two ways of writing the same graph. */
async function graphSnapshot(): Promise<string[]> {
  const rows = await readAll<{ head: string; props: Record<string, unknown> }>(
    `MATCH (n) WHERE n:Source OR n:Note OR n:Concept OR n:Tag RETURN labels(n)[0] AS head, properties(n) AS props
     UNION ALL
     MATCH (a)-[r]->(b) WHERE a:Note OR a:Concept
     RETURN coalesce(a.id, a.name) + ' ' + type(r) + ' ' + coalesce(b.id, b.name) AS head, properties(r) AS props`,
  );
  // ingestedAt and run are stamps of the write itself, not of the graph.
  const stable = (props: Record<string, unknown>) => Object.keys(props).filter((key) => key !== 'ingestedAt' && key !== 'run').sort().map((key) => `${key}=${JSON.stringify(props[key])}`);
  return rows.map((row) => `${row.head} ${stable(row.props).join(';')}`).sort();
}

async function noteIds(): Promise<string[]> {
  return (await readAll<{ id: string }>('MATCH (n:Note) RETURN n.id AS id ORDER BY id')).map((row) => row.id);
}

beforeAll(async () => {
  db = connectTestDatabase();
  notesDir = mkdtempSync(path.join(tmpdir(), 'notegraph-ingest-notes-'));
  cpSync('notes', notesDir, { recursive: true });
  first = (await runIngest({ notesDir, db, reset: true })).summary;
});

afterAll(async () => {
  await db.close();
  rmSync(notesDir, { recursive: true, force: true });
});

describe('ingesting the bundled notes into Neo4j', () => {
  it.each([
    ['nova', 'Nova'],
    ['nova-api', 'Nova API'],
    ['rpc', 'RPC'],
    ['crush', 'CRUSH'],
    ['placement-group', 'placement group'],
    ['ovs-bridge', 'OVS bridge'],
    ['wsgi', 'WSGI'],
    ['keystone', 'Keystone'],
    ['ceph', 'Ceph'],
    ['osd', 'OSD'],
    ['open-vswitch', 'Open vSwitch'],
    ['pastedeploy', 'PasteDeploy'],
  ])('stores %s once, with the notes that mention it and highlight spans into their text', async (id, name) => {
    const concepts = await readAll<{ id: string; name: string }>('MATCH (c:Concept) WHERE toLower(c.name) = toLower($name) RETURN c.id AS id, c.name AS name', { name });
    expect(concepts).toEqual([{ id, name }]);
    const mentions = await readAll<{ text: string; spans: unknown[] }>(
      'MATCH (n:Note)-[m:MENTIONS]->(:Concept {id: $id}) RETURN n.text AS text, m.spans AS spans LIMIT 20',
      { id },
    );
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) {
      const spans = mention.spans.map(toNumber);
      expect(spans.length % 2).toBe(0);
      for (let i = 0; i < spans.length; i += 2) {
        expect(mention.text.slice(spans[i], spans[i + 1]).length).toBeGreaterThan(0);
      }
    }
  });

  it('folds the PG abbreviation into placement group', async () => {
    const [concept] = await readAll<{ aliases: string[] }>("MATCH (c:Concept {id: 'placement-group'}) RETURN c.aliases AS aliases");
    expect(concept?.aliases.map((alias) => alias.toLowerCase())).toContain('pg');
    const surfaces = await readAll<{ text: string; spans: unknown[] }>(
      "MATCH (n:Note)-[m:MENTIONS]->(:Concept {id: 'placement-group'}) RETURN n.text AS text, m.spans AS spans",
    );
    const words = surfaces.flatMap((row) => {
      const spans = row.spans.map(toNumber);
      return spans.filter((_, i) => i % 2 === 0).map((start, i) => row.text.slice(start, spans[i * 2 + 1]).toLowerCase());
    });
    expect(words).toContain('pg');
    expect(words).toContain('归置组');
  });

  it('records that sonic uses supervisord, with the sentence that says so', async () => {
    const rows = await readAll<{ evidence: string; noteId: string }>(
      "MATCH (:Concept {id: 'sonic'})-[r:USES]->(:Concept {id: 'supervisord'}) MATCH (n:Note {id: r.noteId}) RETURN r.evidence AS evidence, n.id AS noteId",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.evidence).toContain('supervisord');
  });

  it('records that PasteDeploy routes to WSGI, with the sentence that says so', async () => {
    const rows = await readAll<{ target: string; evidence: string }>(
      "MATCH (:Concept {id: 'pastedeploy'})-[r:ROUTES_TO]->(t:Concept) WHERE t.id STARTS WITH 'wsgi' RETURN t.id AS target, r.evidence AS evidence",
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.evidence).toMatch(/PasteDeploy.*WSGI/);
  });

  it('links commands to their tool instead of merging them', async () => {
    const rows = await readAll<{ tool: string }>("MATCH (:Concept {id: 'ovs-vsctl', kind: 'command'})-[:COMMAND_OF]->(t:Concept) RETURN t.id AS tool");
    expect(rows).toEqual([{ tool: 'open-vswitch' }]);
  });

  it('redacts credentials: the summary counts them and no fake credential is in the database or the JSON', async () => {
    expect(Object.values(first.redactionsByKind).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    const stored = await readAll<{ props: unknown }>(
      `MATCH (n) WHERE n:Note OR n:Concept OR n:Source OR n:Tag RETURN properties(n) AS props
       UNION ALL MATCH ()-[r]->() RETURN properties(r) AS props`,
    );
    const database = stored.map((row) => JSON.stringify(row.props)).join('\n');
    const { graph } = await runIngest({ notesDir, dryRun: true });
    const json = JSON.stringify(toJsonExport(graph));
    // As a token, not inside a longer run of letters and digits: the database also holds other tests' hashes and
    // timestamps, where a six-digit value turns up by chance.
    for (const credential of fakeCredentials) {
      const asToken = new RegExp(`(?<![0-9A-Za-z])${credential.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z])`);
      expect(asToken.test(database), `${credential} in Neo4j`).toBe(false);
      expect(asToken.test(json), `${credential} in JSON`).toBe(false);
    }
    expect(database).toContain('passwd root');
  });

  it('collapses the repeated annotations into notes that record every place they occur', async () => {
    expect(first.duplicatesCollapsed).toBeGreaterThan(0);
    const rows = await readAll<{ places: unknown; occurrences: string[] }>(
      "MATCH (n:Note) WHERE n.title STARTS WITH 'Supervisord' RETURN COUNT { (n)-[:IN]->() } AS places, n.occurrences AS occurrences",
    );
    expect(rows).toHaveLength(1);
    expect(toNumber(rows[0]!.places)).toBe(rows[0]!.occurrences.length);
  });
});

describe('re-ingesting', () => {
  it('writes nothing when the notes are unchanged, and reports the graph fresh', async () => {
    const notesBefore = await noteIds();
    const conceptsBefore = await conceptSnapshot();
    const again = await runIngest({ notesDir, db });
    expect(again.summary.timings.write?.mode).toBe('unchanged');
    expect(again.summary.notes).toBe(first.notes);
    expect(await noteIds()).toEqual(notesBefore);
    expect(await conceptSnapshot()).toEqual(conceptsBefore);
    expect(await isGraphStale(db, notesDir)).toBe(false);
  });

  it('replaces exactly the edited note and its mentions', async () => {
    const file = path.join(notesDir, 'python-openstack-scratch.txt');
    const original = readFileSync(file, 'utf8');
    const before = new Set(await noteIds());
    writeFileSync(file, original.replace('Swift:    对象存储服务', 'Swift:    对象存储服务，也可以接入 Ceph RADOS Gateway'));
    expect(await isGraphStale(db, notesDir)).toBe(true);
    await runIngest({ notesDir, db });
    const after = new Set(await noteIds());
    const removed = [...before].filter((id) => !after.has(id));
    const added = [...after].filter((id) => !before.has(id));
    expect(removed).toHaveLength(1);
    expect(added).toHaveLength(1);
    const mentioned = await readAll<{ id: string }>('MATCH (:Note {id: $id})-[:MENTIONS]->(c:Concept) RETURN c.id AS id', { id: added[0] });
    expect(mentioned.map((row) => row.id)).toEqual(expect.arrayContaining(['swift', 'rados-gateway']));
    writeFileSync(file, original);
  });

  it('removes the notes of a deleted file and the concepts no other note mentions', async () => {
    await runIngest({ notesDir, db });
    unlinkSync(path.join(notesDir, 'annotations-2019-2022.txt'));
    unlinkSync(path.join(notesDir, 'annotations-2019-export.txt'));
    const { summary } = await runIngest({ notesDir, db });
    const sources = await readAll<{ path: string }>('MATCH (s:Source) RETURN s.path AS path ORDER BY path');
    expect(sources.map((row) => row.path)).not.toContain('annotations-2019-2022.txt');
    expect(await readAll('MATCH (c:Concept) WHERE NOT (c)<-[:MENTIONS]-() RETURN c')).toEqual([]);
    expect(await readAll("MATCH (c:Concept {id: 'supervisord'}) RETURN c")).toEqual([]);
    expect(toNumber((await readAll<{ n: unknown }>('MATCH (n:Note) RETURN count(n) AS n'))[0]?.n)).toBe(summary.notes);
  });

  it('leaves the same graph when replacing a stored graph as when writing it into an empty one', async () => {
    const replaced = await runIngest({ notesDir, db, reset: true });
    expect(replaced.summary.timings.write?.mode).toBe('replace');
    const overStored = await graphSnapshot();
    await db.runAutoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    const fresh = await runIngest({ notesDir, db });
    expect(fresh.summary.timings.write?.mode).toBe('fresh');
    expect(await graphSnapshot()).toEqual(overStored);
  });

  it('swaps a graph too large for one transaction in steps, saying so, and leaves the same graph', async () => {
    await runIngest({ notesDir, db, reset: true });
    const atomic = await graphSnapshot();
    const read = await readNoteFiles(notesDir, 1 << 30);
    const rows = toGraphRows(extractGraph({ files: read.files, lexicon: (await loadLexicon(notesDir)).lexicon }).graph);
    const stats = await writeIngestedGraph(db, rows, { now: new Date().toISOString(), run: 'in-steps', force: true, maxAtomicSwapNodes: 100 });
    expect(stats.atomic).toBe(false);
    expect(stats.swappedNodes).toBeGreaterThan(100);
    expect(await graphSnapshot()).toEqual(atomic);
  });
});
