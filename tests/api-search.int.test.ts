import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../common/contract.js';
import { createLogger } from '../common/logger.js';
import type { Database } from '../queries/database.js';
import { buildLuceneQuery } from '../queries/lucene-query.js';
import { applySchema } from '../queries/schema.js';
import { buildSnippet } from '../server/search-snippet.js';
import { createApp } from '../server/server.js';
import { type FixtureGraph, sampleSpec, uniqueCommunityBase, writeFixtureGraph } from './support/fixture-graph.js';
import { connectTestDatabase, uniquePrefix } from './support/test-database.js';

describe('buildLuceneQuery', () => {
  it('phrases CJK terms so their bigrams must appear in order', () => {
    expect(buildLuceneQuery('归置组', { prefix: true })).toBe('"归置组"');
  });

  it('lower-cases words and adds a prefix clause for autocomplete', () => {
    expect(buildLuceneQuery('Neutr', { prefix: true })).toBe('(neutr OR neutr*)');
    expect(buildLuceneQuery('Neutron', { prefix: false })).toBe('neutron');
  });

  it('escapes Lucene syntax and keeps hyphenated identifiers together', () => {
    expect(buildLuceneQuery('nova-api AND (x)', { prefix: true })).toBe('"nova-api" AND (and OR and*) AND "(x)"');
    expect(buildLuceneQuery('a"b\\', { prefix: false })).toBe('"a\\"b\\\\"');
  });

  it('returns null when nothing is searchable', () => {
    expect(buildLuceneQuery('  *** ?? ', { prefix: true })).toBeNull();
  });
});

describe('buildSnippet', () => {
  it('cuts a window around the first match and gives highlight offsets inside it', () => {
    const text = `${'x'.repeat(300)} the Neutron server ${'y'.repeat(300)}`;
    const { snippet, highlights } = buildSnippet(text, ['neutron']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(highlights).toHaveLength(1);
    expect(snippet.slice(highlights[0]!.start, highlights[0]!.end)).toBe('Neutron');
  });

  it('highlights Chinese terms and flattens newlines without moving offsets', () => {
    const { snippet, highlights } = buildSnippet('第一行\nCRUSH 算法把对象映射到归置组', ['归置组', 'crush']);
    expect(snippet).not.toContain('\n');
    expect(highlights.map((span) => snippet.slice(span.start, span.end))).toEqual(['CRUSH', '归置组']);
  });
});

describe('GET /api/search', () => {
  let db: Database;
  let app: Express;
  let graph: FixtureGraph;
  // A made-up word, so other test data never competes with this file's concepts.
  const token = `zq${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    db = connectTestDatabase();
    await applySchema(db);
    const spec = sampleSpec(uniqueCommunityBase());
    spec.concepts.push({ key: 'tokened', name: `${token}-proxy`, kind: 'tool', aliases: [`${token}代理`], rank: 0.3 });
    spec.notes!.push({ key: 'n6', source: 'ops', lineStart: 20, title: 'Proxy', text: `The ${token}-proxy forwards requests; 中文说明：${token}代理负责转发。`, mentions: ['tokened'] });
    graph = await writeFixtureGraph(db, uniquePrefix('api-search'), spec);
    await db.runAutoCommit('CALL db.awaitIndexes(60)');
    app = createApp({ db, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await graph.remove();
    await db.close();
  });

  const search = async (query: string): Promise<SearchResponse> =>
    (await request(app).get(`/api/search?${query}`).expect(200)).body;

  it('finds a Chinese concept and the Chinese notes that contain the term, with highlights', async () => {
    const body = await search(`q=${encodeURIComponent('归置组')}`);
    expect(body.concepts.map((hit) => hit.id)).toContain(graph.concept('pg'));
    const note = body.notes.find((hit) => hit.id === graph.note('n4'));
    expect(note).toBeDefined();
    expect(note!.source.path).toBe('ceph-笔记.txt');
    expect(note!.highlights.map((span) => note!.snippet.slice(span.start, span.end))).toContain('归置组');
  });

  it('finds a Chinese word inside a sentence without spaces', async () => {
    const body = await search(`q=${encodeURIComponent('元数据')}`);
    expect(body.notes.map((hit) => hit.id)).toContain(graph.note('n5'));
    expect(body.notes.map((hit) => hit.id)).not.toContain(graph.note('n4'));
  });

  it('finds English terms case-insensitively, in concept names and note text', async () => {
    const body = await search('q=RABBITMQ');
    expect(body.concepts.map((hit) => hit.id)).toContain(graph.concept('rabbit'));
    expect(body.notes.map((hit) => hit.id)).toEqual(expect.arrayContaining([graph.note('n1'), graph.note('n2')]));
  });

  it('completes a prefix for autocomplete, best match first, and reports the alias that matched', async () => {
    const body = await search(`q=${token.slice(0, 5)}`);
    expect(body.concepts[0]).toMatchObject({ id: graph.concept('tokened'), matched: `${token}-proxy` });
    const alias = await search(`q=${encodeURIComponent(`${token}代理`)}`);
    expect(alias.concepts[0]).toMatchObject({ id: graph.concept('tokened'), matched: `${token}代理` });
    expect(alias.notes.map((hit) => hit.id)).toContain(graph.note('n6'));
  });

  it('filters concepts by kind', async () => {
    expect((await search(`q=${token}&kind=tool`)).concepts.map((hit) => hit.id)).toEqual([graph.concept('tokened')]);
    expect((await search(`q=${token}&kind=project`)).concepts).toEqual([]);
  });

  it('survives Lucene syntax in the input', async () => {
    const body = await search(`q=${encodeURIComponent('nova-api OR *:* ~ "')}`);
    expect(body.query).toBe('nova-api OR *:* ~ "');
  });

  it('forgives a typo of one or two letters, ranked after exact and prefix hits', async () => {
    const body = await search('q=Keystnoe');
    expect(body.concepts.map((hit) => hit.id)).toContain(graph.concept('keystone'));
    expect(body.concepts.find((hit) => hit.id === graph.concept('keystone'))?.match).toBe('fuzzy');
    const mixed = await search('q=Neutro');
    expect(mixed.concepts[0]?.id).toBe(graph.concept('neutron'));
    expect(mixed.concepts[0]?.match).toBe('prefix');
    expect((await search('q=Kxyzqwst')).concepts.map((hit) => hit.id)).not.toContain(graph.concept('keystone'));
  });

  it('lists each note once, with every place it occurs', async () => {
    await db.write((tx) =>
      tx.run('MATCH (n:Note {id: $note}), (s:Source {id: $source}) CREATE (n)-[:IN {lineStart: 50, lineEnd: 51}]->(s)', { note: graph.note('n6'), source: graph.source('ceph') }),
    );
    const body = await search(`q=${token}&limit=8`);
    const ids = body.notes.map((hit) => hit.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(body.notes.find((hit) => hit.id === graph.note('n6'))?.places).toHaveLength(2);
  });

  it('answers 400 without q, with a blank q or with a limit above 100', async () => {
    for (const query of ['', 'q=', 'q=%20%20', 'q=x&limit=101']) {
      const response = await request(app).get(`/api/search?${query}`).expect(400);
      expect(response.body.error.details.field).toMatch(/^(q|limit)$/);
    }
  });
});
