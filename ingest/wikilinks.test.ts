import { describe, expect, it } from 'vitest';
import { findMarkdownPageLinks, findPageLinks, findWikiLinks } from './wikilinks.js';

describe('wikilinks', () => {
  it('reads page, heading, alias and embed', () => {
    expect(findWikiLinks('see [[Raft#Election|leader election]] and ![[diagram.png]]')).toMatchObject([
      { target: 'Raft', heading: 'Election', alias: 'leader election', embed: false },
      { target: 'diagram.png', embed: true },
    ]);
  });

  it('points the visible name at the shown text, else at the page name', () => {
    const text = 'A [[Kafka]] topic, [[ZooKeeper|a ZooKeeper ensemble]], [[ Raft ]].';
    expect(findWikiLinks(text).map((link) => text.slice(link.nameStart, link.nameEnd))).toEqual(['Kafka', 'a ZooKeeper ensemble', 'Raft']);
  });

  it('reads a link whose pipe is escaped inside a table', () => {
    expect(findWikiLinks('| [[Kafka\\|the log]] | 1 |')).toMatchObject([{ target: 'Kafka', alias: 'the log' }]);
  });

  it('ignores links to a heading of the same page', () => {
    expect(findWikiLinks('Back to [[#Setup]].')).toEqual([]);
  });

  it('reads Markdown links to local pages, decoded, and not links to web pages', () => {
    const text = 'See [borrowing](borrowing.md), [the plan](<Query Plans.md#costs>), [spaces](Two%20Words.md) and [docs](https://example.com/guide.md).';
    expect(findMarkdownPageLinks(text).map((link) => [link.target, link.alias])).toEqual([
      ['borrowing', 'borrowing'],
      ['Query Plans', 'the plan'],
      ['Two Words', 'spaces'],
    ]);
  });

  it('finds no link inside code: a bash test or a nested list in Python is not a wikilink', () => {
    const text = 'Check [[Kafka]] first.\n```bash\nif [[ -f server.properties ]]; then echo ok; fi\n```\nAnd `[[0, 1]]` is a matrix.';
    expect(findPageLinks(text).map((link) => link.target)).toEqual(['Kafka']);
  });

  it('finds no link between two code spans: "`[[` and `]]` are motions"', () => {
    expect(findPageLinks('In Vim, `[[` and `]]` are motions between sections.')).toEqual([]);
  });
});
