import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGraph, readDatabaseStatus } from '../queries/health.js';
import { applySchema, listSchemaObjects, schemaStatements } from '../queries/schema.js';
import type { Database } from '../queries/database.js';
import { connectTestDatabase, uniquePrefix } from './support/test-database.js';

let db: Database;
beforeAll(() => {
  db = connectTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('schema setup', () => {
  it('creates the constraints and full-text indexes, and a second run changes nothing', async () => {
    await applySchema(db);
    const first = await listSchemaObjects(db);
    await applySchema(db);
    const second = await listSchemaObjects(db);
    expect(second).toEqual(first);
    expect(first.constraints).toEqual(expect.arrayContaining(['source_id', 'note_id', 'concept_id']));
    expect(first.indexes).toEqual(expect.arrayContaining(['note_fulltext', 'concept_fulltext']));
    expect(schemaStatements.every((statement) => statement.includes('IF NOT EXISTS'))).toBe(true);
  });

  it('indexes notes with an analyzer that finds Chinese words inside a sentence', async () => {
    await applySchema(db);
    const id = uniquePrefix('note');
    await db.write((tx) => tx.run('CREATE (:Note {id: $id, title: $title, text: $text})', {
      id,
      title: 'Ceph 归置组',
      text: 'CRUSH 算法把对象映射到归置组，再映射到 OSD。',
    }));
    await db.runAutoCommit('CALL db.awaitIndexes(30)');
    const ids = await db.read(async (tx) => {
      const result = await tx.run<{ id: string }>(
        "CALL db.index.fulltext.queryNodes('note_fulltext', $q) YIELD node RETURN node.id AS id",
        { q: '"归置组"' },
      );
      return result.records.map((record) => record.get('id'));
    });
    expect(ids).toContain(id);
    await db.write((tx) => tx.run('MATCH (n:Note {id: $id}) DETACH DELETE n', { id }));
  });
});

describe('queries round trip', () => {
  it('reads back what a write transaction stored, as plain numbers', async () => {
    const id = uniquePrefix('source');
    const before = await countGraph(db);
    await db.write((tx) => tx.run('CREATE (:Source {id: $id, path: $path, bytes: 42})', { id, path: 'a.txt' }));
    const after = await countGraph(db);
    expect(after.sources).toBe(before.sources + 1);
    const bytes = await db.read(async (tx) => {
      const result = await tx.run('MATCH (s:Source {id: $id}) RETURN s.bytes AS bytes', { id });
      return result.records[0]?.get('bytes');
    });
    expect(Number(bytes)).toBe(42);
    await db.write((tx) => tx.run('MATCH (s:Source {id: $id}) DETACH DELETE s', { id }));
  });

  it('rejects a write inside a READ transaction, so reads are safe to route to replicas', async () => {
    await expect(db.read((tx) => tx.run('CREATE (:Scratch)'))).rejects.toMatchObject({ code: 'CYPHER_REFUSED' });
  });

  it('reports the real server version and edition', async () => {
    const status = await readDatabaseStatus(db);
    expect(status.version).toMatch(/^5\.26\.\d+/);
    expect(status.edition).toBe('community');
  });
});
