import { describe, expect, it } from 'vitest';
import { computeCoOccurrence } from '../ingest/cooccurrence.js';
import { aliasStatements, compileAliasPatterns } from '../ingest/discover-aliases.js';
import { languagePacks } from '../ingest/languages/index.js';
import { insideRanges, LexiconMatcher, urlRanges } from '../ingest/lexicon-matcher.js';
import { layoutOf, lexiconOf } from './ingest-extract-helpers.js';

/**
 * The shortcuts that keep extraction linear on long notes must not change what it finds: each is checked
 * against the long way round on text where both can be told apart.
 */
describe('shortcuts of the extraction find what the long way finds', () => {
  it('a name inside any of many URLs of a note is no mention; the same name between them is', () => {
    const matcher = new LexiconMatcher(lexiconOf('concepts:\n  - { name: Ceph, kind: project }\n'));
    const links = Array.from({ length: 40 }, (_, index) => `https://ceph.example/${index}`);
    const text = [...links.slice(0, 20), 'Ceph stores objects', ...links.slice(20)].join(' ');
    const hits = matcher.match(text);
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['Ceph']);
    expect(hits[0]!.start).toBe(text.indexOf('Ceph stores'));
  });

  it('overlap with sorted URL ranges: every position agrees with a scan of all ranges', () => {
    const text = 'see http://a.b/x and https://c.d/y, then ftp://e.f/z';
    const ranges = urlRanges(text);
    for (let start = 0; start < text.length; start += 1) {
      for (const end of [start + 1, start + 5]) {
        expect(insideRanges(ranges, start, end)).toBe(ranges.some(([from, to]) => start < to && end > from));
      }
    }
  });

  it('concepts of one note alone make no co-occurrence edge, while pairs shared by two notes still do', () => {
    const oneLongNote = computeCoOccurrence([Array.from({ length: 300 }, (_, index) => `c${index}`)], []);
    expect(oneLongNote).toEqual([]);
    const shared = computeCoOccurrence([['kafka', 'zookeeper', 'once'], ['kafka', 'zookeeper'], ['redis']], [['kafka', 'zookeeper', 'once']]);
    expect(shared.map((edge) => [edge.source, edge.target, edge.notes, edge.weight])).toEqual([['kafka', 'zookeeper', 2, 3]]);
  });

  it('alias patterns with a required cue find the same statements as the bare patterns', () => {
    const patterns = languagePacks.flatMap((pack) => pack.extraction.aliasPatterns);
    const bare = patterns.map((pattern) => (typeof pattern === 'string' ? pattern : pattern.pattern));
    const layout = layoutOf(
      [
        'Write-ahead logging, also called WAL, makes writes durable (see the docs).',
        'Replication Controller -- RC keeps pods running (and restarts them).',
        'ReplicationController（简称RC）保证副本数；Placement Group（归置组）是 Ceph 的概念。',
        '块存储又称 Block Storage，协程（Coroutine）不是线程 (thread)。',
      ].join('\n'),
    );
    const found = aliasStatements(layout, compileAliasPatterns(patterns));
    expect(found).toEqual(aliasStatements(layout, compileAliasPatterns(bare)));
    expect(found.length).toBeGreaterThanOrEqual(5);
  });
});
