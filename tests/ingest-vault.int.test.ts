import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../ingest/run-ingest.js';
import type { Database } from '../queries/database.js';
import { connectTestDatabase } from './support/test-database.js';

/** The Obsidian-vault fixture (tests/fixtures/vault, written for these tests), ingested into the real Neo4j. */
let db: Database;
let vaultDir: string;

async function readAll<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return db.read(async (tx) => (await tx.run(cypher, params)).records.map((record) => record.toObject() as T));
}

beforeAll(async () => {
  db = connectTestDatabase();
  vaultDir = mkdtempSync(path.join(tmpdir(), 'notegraph-vault-'));
  cpSync(path.join(import.meta.dirname, 'fixtures', 'vault'), vaultDir, { recursive: true });
  await runIngest({ notesDir: vaultDir, db, reset: true });
});

afterAll(async () => {
  await db.close();
  rmSync(vaultDir, { recursive: true, force: true });
});

describe('ingesting an Obsidian vault into Neo4j', () => {
  it('stores a wikilink as a LINKS_TO edge between the page concepts, with its sentence and the note that holds it', async () => {
    const rows = await readAll<{ evidence: string; text: string; path: string }>(
      `MATCH (:Concept {id: 'kafka'})-[r:LINKS_TO]->(:Concept {id: 'consumer-groups'})
       MATCH (n:Note {id: r.noteId})-[:IN]->(s:Source)
       RETURN r.evidence AS evidence, n.text AS text, s.path AS path`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.evidence).toBe('Consumers that share a group id split the partitions of a topic between them, see [[Consumer Groups]].');
    expect(rows[0]!.text).toContain(rows[0]!.evidence);
    expect(rows[0]!.path).toBe('Kafka.md');
  });

  it('stores front-matter, "Tags:" and inline tags as Tag nodes on the notes', async () => {
    const rows = await readAll<{ tag: string; titles: string[] }>(
      "MATCH (n:Note)-[:TAGGED]->(t:Tag) WHERE t.name IN ['messaging', 'messaging/consumers', 'kafka', '协调服务'] RETURN t.name AS tag, collect(n.title) AS titles ORDER BY tag",
    );
    const byTag = Object.fromEntries(rows.map((row) => [row.tag, [...row.titles].sort()]));
    expect(byTag).toEqual({
      kafka: ['Consumer Groups'],
      messaging: ['Commands', 'Kafka', 'Storage'],
      'messaging/consumers': ['Consumer Groups'],
      协调服务: ['ZooKeeper'],
    });
  });

  it('stores no image bytes, and no note for the README or the tag-only page', async () => {
    const texts = await readAll<{ text: string }>('MATCH (n:Note) RETURN n.text AS text');
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((row) => /data:image|base64|!\[/.test(row.text))).toBe(false);
    const skipped = await readAll<{ path: string; notes: unknown }>(
      "MATCH (s:Source) WHERE s.path IN ['README.md', 'Tags/messaging.md'] RETURN s.path AS path, COUNT { (s)<-[:IN]-(:Note) } AS notes ORDER BY path",
    );
    expect(skipped.map((row) => [row.path, Number(row.notes)])).toEqual([['README.md', 0], ['Tags/messaging.md', 0]]);
  });

  it('names each Source by its page title and keeps the page concept with its aliases', async () => {
    const [source] = await readAll<{ title: string }>("MATCH (s:Source {path: 'Consumer Groups.md'}) RETURN s.title AS title");
    expect(source?.title).toBe('Consumer Groups');
    const [kafka] = await readAll<{ aliases: string[]; notes: unknown }>("MATCH (c:Concept {id: 'kafka'}) RETURN c.aliases AS aliases, COUNT { (c)<-[:MENTIONS]-() } AS notes");
    expect(kafka?.aliases).toEqual(expect.arrayContaining(['Apache Kafka', '卡夫卡']));
    expect(Number(kafka?.notes)).toBeGreaterThanOrEqual(5);
  });
});
