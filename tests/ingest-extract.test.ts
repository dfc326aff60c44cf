import { describe, expect, it } from 'vitest';
import { decodeNoteFile } from '../ingest/decode.js';
import { dedupeNotes } from '../ingest/dedupe.js';
import { parseLexicon } from '../ingest/lexicon.js';
import { LexiconMatcher } from '../ingest/lexicon-matcher.js';
import { splitNotes } from '../ingest/split/split-notes.js';
import { splitLines } from '../ingest/split/lines.js';
import type { NoteDraft } from '../ingest/types.js';

const lexicon = parseLexicon(
  'test',
  `concepts:
  - { name: Nova API, kind: component, aliases: [nova-api, nova api] }
  - { name: Nova, kind: project, aliases: [nova] }
  - { name: Ceph, kind: project }
  - { name: placement group, kind: concept, aliases: [归置组], contextAliases: [pg], context: [ceph] }
  - { name: RADOS Block Device, kind: component, exact: [RBD] }
  - { name: rbd, kind: command, exact: [rbd], commandOf: rados-block-device }
`,
).lexicon;
const matcher = new LexiconMatcher(lexicon);
const ids = (text: string) => matcher.match(text).map((hit) => `${hit.conceptId}@${text.slice(hit.start, hit.end)}`);

describe('lexicon matching', () => {
  it.each(['Nova API', 'nova-api', 'nova api', 'Nova API服务器'])('folds %s into Nova API', (text) => {
    expect(ids(text)).toEqual([`nova-api@${text.replace('服务器', '')}`]);
  });

  it('uses ASCII-aware boundaries: Chinese neighbours are fine, Latin ones are not', () => {
    expect(ids('启动nova服务')).toEqual(['nova@nova']);
    expect(ids('supernova and nova_conf')).toEqual([]);
  });

  it('reads PG as placement group only in Ceph context', () => {
    expect(ids('ceph pg repair 3.7b')).toEqual(['ceph@ceph', 'placement-group@pg']);
    expect(ids('sudo pg repair')).toEqual([]);
  });

  it('tells the rbd command from the RBD device by case', () => {
    expect(ids('rbd snap create; RBD 镜像')).toEqual(['rbd@rbd', 'rados-block-device@RBD']);
  });
});

describe('decoding', () => {
  it('decodes UTF-8 with a BOM and GBK, and rejects empty, binary and invalid bytes', () => {
    expect(decodeNoteFile('a', Buffer.from('\ufeffCeph')).ok).toBe(true);
    const gbk = decodeNoteFile('b', Buffer.from([0xc4, 0xe3, 0xba, 0xc3]));
    expect(gbk.ok && gbk.text).toBe('你好');
    expect(decodeNoteFile('c', Buffer.alloc(0)).ok).toBe(false);
    expect(decodeNoteFile('d', Buffer.from([0, 1, 2, 3])).ok).toBe(false);
    expect(decodeNoteFile('e', Buffer.from([0x41, 0xff, 0xfe, 0x80])).ok).toBe(false);
  });
});

describe('splitting', () => {
  it('cuts a web-annotation export into one dated note per annotation and drops empty labels', () => {
    const text = '2 Matching Annotations\n  1. Sep 2022\n    1. Supervisord\n\n      sonic 用的就是 supervisord\n\n    Tags\n\n    URL\n\n  2. Aug 2019\n    1. Rook turns storage\n\n      Rook 是存储\n';
    const { format, notes } = splitNotes('a.txt', text);
    expect(format).toBe('annotations');
    expect(notes.map((note) => [note.title, note.date, note.lineStart, note.lineEnd])).toEqual([
      ['Supervisord', '2022-09-01', 3, 5],
      ['Rook turns storage', '2019-08-01', 12, 14],
    ]);
    expect(notes.some((note) => /Tags|URL/.test(note.text))).toBe(false);
  });

  it('keeps a notebook title line with the commands under it', () => {
    const { notes } = splitNotes('n.txt', '添加网桥：\n\tovs-vsctl add-br br0\n\n删除网桥：\n\tovs-vsctl del-br br0\n');
    expect(notes.map((note) => note.title)).toEqual(['添加网桥', '删除网桥']);
  });

  it('cuts an article at numbered headings and drops its footer', () => {
    const text = 'Title\n\n目录\n\n1. First\n\nbody one\n\n2. Second\n\nbody two\n\n时间: 2024-09-21 12:25:27\n\nOther post的相关文章\n\nOther post\n';
    const { format, notes } = splitNotes('art.txt', text);
    expect(format).toBe('article');
    expect(notes.map((note) => note.title)).toEqual(['Title', 'First', 'Second']);
    expect(notes.some((note) => note.text.includes('Other post'))).toBe(false);
  });

  it('splits Markdown at headings and applies front-matter tags', () => {
    const { notes } = splitNotes('m.md', '---\ntags: [ceph, ops]\n---\n# One\ntext\n## Two\nmore\n');
    expect(notes.map((note) => [note.title, note.tags])).toEqual([['One', ['ceph', 'ops']], ['Two', ['ceph', 'ops']]]);
  });

  it('numbers lines from 1 whatever the line endings', () => {
    expect(splitLines('a\r\nb\nc')).toEqual(['a', 'b', 'c']);
  });
});

describe('deduplication', () => {
  const draft = (sourcePath: string, text: string, lineStart: number): NoteDraft => ({
    sourcePath, title: text.split('\n')[0]!, text, lineStart, lineEnd: lineStart + 1, date: null, url: null, tags: [],
  });

  it('collapses identical notes (whitespace and full-width punctuation aside) and damaged copies, keeping every place', () => {
    const { notes, duplicatesCollapsed } = dedupeNotes([
      draft('a.txt', 'Supervisord\nsonic 用的就是 supervisord，来管理进程', 1),
      draft('b.txt', 'Supervisord\nsonic  用的就是 supervisord,来管理进程', 7),
      draft('b.txt', 'Supervisord\nsonic 用的就是 supervisord', 20),
      draft('b.txt', 'Other note', 30),
    ]);
    expect(duplicatesCollapsed).toBe(2);
    expect(notes).toHaveLength(2);
    expect(notes[0]!.occurrences.map((place) => `${place.path}:${place.lineStart}`)).toEqual(['a.txt:1', 'b.txt:7', 'b.txt:20']);
  });
});
