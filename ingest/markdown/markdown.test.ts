import { describe, expect, it } from 'vitest';
import { readFrontMatter } from './front-matter.js';
import { dropImages } from './images.js';
import { isGenericTitle, pageTitle } from './page-title.js';
import { findInlineTags, readTagLines } from './tags.js';

describe('front matter', () => {
  it('reads title, aliases and tags in any of their spellings', () => {
    const front = readFrontMatter(['---', 'Title: Apache Kafka', 'alias: Kafka, 卡夫卡', 'Tags: "#Messaging streaming/logs"', 'date: 2024-03-18', '---', 'body']);
    expect(front).toMatchObject({ title: 'Apache Kafka', aliases: ['Kafka', '卡夫卡'], tags: ['messaging', 'streaming/logs'], date: '2024-03-18', bodyStart: 6, invalid: false });
  });

  it('reads YAML lists', () => {
    expect(readFrontMatter(['---', 'aliases:', '  - k8s', '  - K8S', 'tags: [ops, ops]', '---'])).toMatchObject({ aliases: ['k8s', 'K8S'], tags: ['ops'] });
  });

  it('skips a front matter that is not YAML and keeps the body after it', () => {
    expect(readFrontMatter(['---', 'tags: [unclosed', '---', 'text'])).toMatchObject({ invalid: true, bodyStart: 3, tags: [] });
  });
});

describe('inline tags', () => {
  it('reads #tags and nested #tags, lower-cased', () => {
    expect(findInlineTags('Reading #Kafka notes, filed under #messaging/Consumers.\n#运维').map((tag) => tag.tag)).toEqual(['kafka', 'messaging/consumers', '运维']);
  });

  it.each([
    ['a heading', '# Setup\n## Storage'],
    ['an issue number', 'Fixed in #123 and #4567.'],
    ['a URL fragment', 'See https://example.com/guide#install and page#part.'],
    ['a C directive', '#include <stdio.h>\n#define MAX 10'],
    ['a colour', 'Use #ff0000 or #1a2b3c for errors.'],
    ['C#', 'Written in C# and F#.'],
    ['code', '```python\n#comment-tag\nx = 1 #inline\n```\nand `#not-a-tag`'],
  ])('reads no tag in %s', (_name, text) => {
    expect(findInlineTags(text)).toEqual([]);
  });

  it('reads the tags of Tags: lines and lines of tags, and says when nothing else is there', () => {
    expect(readTagLines(['Tags:', '- [[Python]]', '- #web', '---', '', '#async #rust'])).toEqual({ tags: ['python', 'web', 'async', 'rust'], onlyTags: true });
    expect(readTagLines(['tags:: ops, 运维', 'Real text here.'])).toEqual({ tags: ['ops', '运维'], onlyTags: false });
    expect(readTagLines(['标签：[[数据库]]、#存储'])).toEqual({ tags: ['数据库', '存储'], onlyTags: true });
  });
});

describe('images', () => {
  it('drops Markdown images, image embeds, <img> and data: URIs of any length, keeping line breaks', () => {
    const payload = 'A'.repeat(400_000);
    const text = `Intro ![shot](data:image/png;base64,${payload}) end\n![[diagram.png|300]]\n<img\n src="x.png">\n[ref]: data:image/gif;base64,R0lGOD\n![[Other Page]] stays`;
    const dropped = dropImages(text);
    expect(dropped).toBe('Intro  end\n\n\n\n[ref]: \n![[Other Page]] stays');
    expect(dropped.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('leaves a "data:" that is not a URI alone', () => {
    expect(dropImages('raw_post_data: POST 的原始数据')).toBe('raw_post_data: POST 的原始数据');
  });
});

describe('page titles', () => {
  it('takes the file name, the front-matter title, or the first heading spelled like the file name', () => {
    expect(pageTitle('Streams/Kafka Streams.md', null, 'Overview')).toBe('Kafka Streams');
    expect(pageTitle('k.md', 'Apache Kafka', undefined)).toBe('Apache Kafka');
    expect(pageTitle('postgres/use-explain-analyze.md', null, 'Use EXPLAIN ANALYZE')).toBe('Use EXPLAIN ANALYZE');
  });

  it('leaves the ordering number of a chapter file out of the title, but keeps a date', () => {
    expect(pageTitle('ddia/06-replication.md', null, '6. Replication')).toBe('Replication');
    expect(pageTitle('ddia/12-stream-processing.md', null, '12. Stream Processing')).toBe('Stream Processing');
    expect(pageTitle('ddia/07-sharding.md', null, undefined)).toBe('sharding');
    expect(pageTitle('Daily/2024-03-18.md', null, undefined)).toBe('2024-03-18');
  });

  it.each(['README', 'Untitled 3', 'Index', 'Tags', '2024-03-18', '2024-03-18 Monday', 'Drawing 2025-05-26 09.22.05.excalidraw', '2023年5月'])('calls "%s" generic', (title) => {
    expect(isGenericTitle(title)).toBe(true);
  });

  it.each(['Kafka', '2 Phase Commit', 'Python 3.12', 'Consumer Groups', '分布式锁'])('calls "%s" a subject', (title) => {
    expect(isGenericTitle(title)).toBe(false);
  });
});
