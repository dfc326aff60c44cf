import { mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../ingest/run-ingest.js';
import type { Database } from '../queries/database.js';
import { connectTestDatabase } from './support/test-database.js';

let db: Database;
let dir: string;
let outside: string;

const good = 'Ceph 存储：\nceph osd tree 查看 OSD 状态\n\nCRUSH 算法把对象映射到归置组，再映射到 OSD。\n';
// "你好，Ceph 归置组" in GBK.
const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0x43, 0x65, 0x70, 0x68, 0x20, 0xb9, 0xe9, 0xd6, 0xc3, 0xd7, 0xe9, 0x0a]);

beforeAll(() => {
  db = connectTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'notegraph-bad-inputs-'));
  outside = mkdtempSync(path.join(tmpdir(), 'notegraph-bad-inputs-outside-'));
  writeFileSync(path.join(outside, 'linked.md'), '# Cinder\ncinder create --size 10\n');
  writeFileSync(path.join(dir, 'good.txt'), good);
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0xff]));
  writeFileSync(path.join(dir, 'invalid-utf8.txt'), Buffer.concat([Buffer.from('valid start '), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x41])]));
  writeFileSync(path.join(dir, 'gbk.txt'), gbk);
  writeFileSync(path.join(dir, 'oversize.md'), `# big\n${'x'.repeat(4096)}\n`);
  writeFileSync(path.join(dir, 'bom.md'), `\ufeff# Open vSwitch\novs-vsctl add-br br0\n`);
  // One bad byte on line 4 of a UTF-8 file: that line goes, the notes around it stay.
  writeFileSync(path.join(dir, 'damaged.txt'), Buffer.concat([Buffer.from('Keystone 认证\nkeystone token issue\n\nbroken '), Buffer.from([0xff]), Buffer.from(' line\n\nNeutron 网络\nneutron net-list\n')]));
  // A file name in Latin-1 (not UTF-8), and a link to a file outside the folder.
  writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Glance 镜像服务\nglance image-list\n');
  symlinkSync(path.join(outside, 'linked.md'), path.join(dir, 'linked.md'));
});

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('ingesting a folder with bad files', () => {
  it('reports empty, binary, invalid UTF-8 and oversize files, decodes GBK, BOM and damaged files and odd names, and ingests the rest', async () => {
    const { summary, graph } = await runIngest({ notesDir: dir, db, reset: true, maxFileBytes: 1024 });
    const messages = (file: string) => summary.diagnostics.filter((d) => d.file === file).map((d) => `${d.stage}: ${d.message}`);
    expect(messages('empty.txt')).toEqual([expect.stringMatching(/^decode: empty/)]);
    expect(messages('binary.txt')).toEqual([expect.stringMatching(/^decode: binary/)]);
    expect(messages('invalid-utf8.txt')).toEqual([expect.stringMatching(/^decode: invalid UTF-8/)]);
    expect(messages('oversize.md')).toEqual([expect.stringMatching(/^read: .*over the 1024-byte limit/)]);
    expect(messages('gbk.txt')).toEqual([expect.stringMatching(/GB18030/)]);
    expect(summary.diagnostics.filter((d) => d.file === 'damaged.txt')).toEqual([{ file: 'damaged.txt', stage: 'decode', line: 4, message: expect.stringMatching(/not valid UTF-8: dropped/) }]);
    expect(messages('caf%E9.txt')).toEqual([expect.stringMatching(/^read: file name is not UTF-8/)]);
    expect(summary.files).toBe(6);
    expect(summary.filesSkipped).toBe(4);
    expect(graph.notes.some((note) => note.text.includes('你好，Ceph 归置组'))).toBe(true);
    expect(graph.concepts.map((concept) => concept.id)).toEqual(expect.arrayContaining(['ceph', 'osd', 'crush', 'placement-group', 'ovs-vsctl']));
    const sources = await db.read(async (tx) => (await tx.run('MATCH (s:Source) RETURN s.path AS path ORDER BY path')).records.map((r) => r.get('path')));
    expect(sources).toEqual(['bom.md', 'caf%E9.txt', 'damaged.txt', 'gbk.txt', 'good.txt', 'linked.md']);
    const texts = graph.notes.map((note) => note.text).join('\n');
    expect(texts).toContain('keystone token issue');
    expect(texts).toContain('neutron net-list');
    expect(texts).not.toContain('broken');
    expect(texts).toContain('cinder create');
  });

  it('reports a file deleted between runs by removing its notes, and still ingests the rest', async () => {
    unlinkSync(path.join(dir, 'gbk.txt'));
    const { summary } = await runIngest({ notesDir: dir, db, maxFileBytes: 1024 });
    expect(summary.files).toBe(5);
    const texts = await db.read(async (tx) => (await tx.run('MATCH (n:Note) RETURN n.text AS text')).records.map((r) => r.get('text') as string));
    expect(texts.some((text) => text.includes('你好'))).toBe(false);
    expect(texts.some((text) => text.includes('CRUSH'))).toBe(true);
  });
});
