import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../ingest/run-ingest.js';
import type { Database } from '../queries/database.js';
import { connectTestDatabase } from './support/test-database.js';

let db: Database;
let dir: string;

const good = 'Ceph 存储：\nceph osd tree 查看 OSD 状态\n\nCRUSH 算法把对象映射到归置组，再映射到 OSD。\n';
// "你好，Ceph 归置组" in GBK.
const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0x43, 0x65, 0x70, 0x68, 0x20, 0xb9, 0xe9, 0xd6, 0xc3, 0xd7, 0xe9, 0x0a]);

beforeAll(() => {
  db = connectTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'notegraph-bad-inputs-'));
  writeFileSync(path.join(dir, 'good.txt'), good);
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0xff]));
  writeFileSync(path.join(dir, 'invalid-utf8.txt'), Buffer.concat([Buffer.from('valid start '), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x41])]));
  writeFileSync(path.join(dir, 'gbk.txt'), gbk);
  writeFileSync(path.join(dir, 'oversize.md'), `# big\n${'x'.repeat(4096)}\n`);
  writeFileSync(path.join(dir, 'bom.md'), `\ufeff# Open vSwitch\novs-vsctl add-br br0\n`);
});

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingesting a folder with bad files', () => {
  it('reports empty, binary, invalid UTF-8 and oversize files, decodes GBK and BOM files, and ingests the rest', async () => {
    const { summary, graph } = await runIngest({ notesDir: dir, db, reset: true, maxFileBytes: 1024 });
    const messages = (file: string) => summary.diagnostics.filter((d) => d.file === file).map((d) => `${d.stage}: ${d.message}`);
    expect(messages('empty.txt')).toEqual([expect.stringMatching(/^decode: empty/)]);
    expect(messages('binary.txt')).toEqual([expect.stringMatching(/^decode: binary/)]);
    expect(messages('invalid-utf8.txt')).toEqual([expect.stringMatching(/^decode: invalid UTF-8/)]);
    expect(messages('oversize.md')).toEqual([expect.stringMatching(/^read: .*over the 1024-byte limit/)]);
    expect(messages('gbk.txt')).toEqual([expect.stringMatching(/GB18030/)]);
    expect(summary.files).toBe(3);
    expect(summary.filesSkipped).toBe(4);
    expect(graph.notes.some((note) => note.text.includes('你好，Ceph 归置组'))).toBe(true);
    expect(graph.concepts.map((concept) => concept.id)).toEqual(expect.arrayContaining(['ceph', 'osd', 'crush', 'placement-group', 'ovs-vsctl']));
    const sources = await db.read(async (tx) => (await tx.run('MATCH (s:Source) RETURN s.path AS path ORDER BY path')).records.map((r) => r.get('path')));
    expect(sources).toEqual(['bom.md', 'gbk.txt', 'good.txt']);
  });

  it('reports a file deleted between runs by removing its notes, and still ingests the rest', async () => {
    unlinkSync(path.join(dir, 'gbk.txt'));
    const { summary } = await runIngest({ notesDir: dir, db, maxFileBytes: 1024 });
    expect(summary.files).toBe(2);
    const texts = await db.read(async (tx) => (await tx.run('MATCH (n:Note) RETURN n.text AS text')).records.map((r) => r.get('text') as string));
    expect(texts.some((text) => text.includes('你好'))).toBe(false);
    expect(texts.some((text) => text.includes('CRUSH'))).toBe(true);
  });
});
