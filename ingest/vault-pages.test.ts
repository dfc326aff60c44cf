import { describe, expect, it } from 'vitest';
import type { SourceDoc } from './types.js';
import { isConceptName, PageIndex } from './vault-pages.js';
import { findWikiLinks } from './wikilinks.js';

const page = (path: string, title: string, aliases: string[] = []): SourceDoc => ({
  id: path, path, title, format: 'markdown', sha256: '', bytes: 0, text: '', page: { title, aliases, tags: [], generic: false },
});
const index = new PageIndex([page('Kafka.md', 'Kafka', ['Apache Kafka']), page('ops/Setup.md', 'Setup'), page('dev/Setup.md', 'Setup'), page('k8s/Pods.md', 'Pods')]);
const target = (text: string, from: string) => {
  const resolved = index.resolve(findWikiLinks(text)[0]!, from);
  return resolved && (resolved.page?.path ?? `unresolved:${resolved.name}`);
};

describe('resolving links to pages', () => {
  it.each([
    ['[[Kafka]]', 'x.md', 'Kafka.md'],
    ['[[kafka]]', 'x.md', 'Kafka.md'],
    ['[[k8s/Pods]]', 'x.md', 'k8s/Pods.md'],
    ['[[Setup]]', 'ops/notes.md', 'ops/Setup.md'],
    ['[[Setup]]', 'dev/deep/notes.md', 'dev/Setup.md'],
    ['[[Apache Kafka]]', 'x.md', 'Kafka.md'],
    ['[[Raft]]', 'x.md', 'unresolved:Raft'],
  ])('resolves %s from %s to %s', (text, from, expected) => {
    expect(target(text, from)).toBe(expected);
  });

  it('ignores links to files that are not pages', () => {
    expect(target('[[paper.pdf]]', 'x.md')).toBeUndefined();
  });
});

describe('names that can be concepts', () => {
  it.each(['Kafka', 'Consumer Groups', '2 Phase Commit', '分布式锁'])('accepts "%s"', (name) => expect(isConceptName(name)).toBe(true));
  it.each(['Why is Kafka fast?', 'Clear The Screen In psql And Keep History', 'README', '2024-03-18'])('rejects "%s"', (name) => expect(isConceptName(name)).toBe(false));
});
