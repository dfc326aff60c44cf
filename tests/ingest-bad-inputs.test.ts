import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFileName, decodeNoteFile } from '../ingest/decode.js';
import { extractGraph } from '../ingest/extract-graph.js';
import { parseLexicon } from '../ingest/lexicon.js';
import { readNoteFiles } from '../ingest/read-files.js';

const ok = (result: ReturnType<typeof decodeNoteFile>) => {
  if (!result.ok) throw new Error(`expected text, got ${JSON.stringify(result.diagnostics)}`);
  return result;
};

/** A command-notebook-like file: numbered blocks separated by blank lines, Chinese and English. */
function notebook(blocks: number): string {
  return Array.from({ length: blocks }, (_, i) => `第 ${i} 步：ceph osd pool create pool${i} 128\nCheck the pool ${i} with ceph df.\n`).join('\n');
}

/** The text as UTF-8 with one raw byte inserted before the first occurrence of `marker`. */
function withByteAt(text: string, marker: string, byte: number): Buffer {
  const at = text.indexOf(marker);
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([byte]), Buffer.from(text.slice(at))]);
}

describe('decoding a UTF-8 file with an undecodable byte', () => {
  const text = notebook(1000);

  it('drops only the line holding the byte, reports its number, and keeps every other line where it was', () => {
    const bytes = withByteAt(text, 'pool500 128', 0xff);
    expect(bytes.length).toBeGreaterThan(60_000);
    const result = ok(decodeNoteFile('ops.txt', bytes));
    expect(result.encoding).toBe('utf-8');
    const lines = result.text.split('\n');
    const original = text.split('\n');
    expect(lines).toHaveLength(original.length);
    const badLine = original.findIndex((line) => line.includes('pool500 128')) + 1;
    expect(lines[badLine - 1]).toBe('');
    expect(lines.filter((line, i) => line !== original[i])).toEqual(['']);
    expect(result.diagnostics).toEqual([{ file: 'ops.txt', stage: 'decode', line: badLine, message: expect.stringMatching(/not valid UTF-8: dropped/) }]);
  });

  it('keeps all other notes of the file when it is ingested', () => {
    const lexicon = parseLexicon('test', 'concepts:\n  - { name: Ceph, kind: project }\n').lexicon;
    const clean = extractGraph({ files: [{ path: 'ops.txt', bytes: Buffer.from(text) }], lexicon }).graph;
    const damaged = extractGraph({ files: [{ path: 'ops.txt', bytes: withByteAt(text, 'pool500 128', 0xc3) }], lexicon }).graph;
    expect(clean.notes.length).toBeGreaterThan(900);
    expect(damaged.notes.length).toBeGreaterThanOrEqual(clean.notes.length - 1);
    expect(damaged.notes.some((note) => note.text.includes('Check the pool 500 with'))).toBe(true);
    expect(damaged.notes.some((note) => note.text.includes('ceph osd pool create pool500'))).toBe(false);
  });

  it('stays UTF-8 for Chinese text with one bad byte instead of being read as GBK', () => {
    const chinese = '存储池用 CRUSH 规则放置数据。\n'.repeat(200);
    const result = ok(decodeNoteFile('zh.txt', withByteAt(chinese, 'CRUSH', 0x80)));
    expect(result.encoding).toBe('utf-8');
    expect(result.text.split('\n').filter((line) => line.startsWith('存储池用'))).toHaveLength(199);
  });

  it('keeps an English file whose only non-ASCII byte is a stray one', () => {
    const english = 'Nova uses RabbitMQ.\n'.repeat(50);
    const result = ok(decodeNoteFile('en.txt', withByteAt(english, 'RabbitMQ', 0xff)));
    expect(result.text.split('\n').filter((line) => line === 'Nova uses RabbitMQ.')).toHaveLength(49);
    expect(result.diagnostics).toHaveLength(1);
  });

  it('reports the first 20 dropped lines one by one and sums up the rest', () => {
    const good = '好'.repeat(10);
    const lines = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? Buffer.from([0x41, 0xff, 0x0a]) : Buffer.from(`${good}\n`)));
    const result = ok(decodeNoteFile('many.txt', Buffer.concat(lines)));
    expect(result.diagnostics.filter((d) => d.line !== undefined)).toHaveLength(20);
    expect(result.diagnostics.at(-1)?.message).toBe('30 more lines are not valid UTF-8: dropped');
  });
});

describe('decoding other encodings and non-text', () => {
  it('still reads a GBK file as GBK', () => {
    // "你好，Ceph 归置组" in GBK, twice.
    const line = [0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0x43, 0x65, 0x70, 0x68, 0x20, 0xb9, 0xe9, 0xd6, 0xc3, 0xd7, 0xe9, 0x0a];
    const result = ok(decodeNoteFile('gbk.txt', Buffer.from([...line, ...line])));
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toBe('你好，Ceph 归置组\n你好，Ceph 归置组\n');
  });

  it.each([
    ['garbage on every line', Buffer.from([0x41, 0xff, 0xfe, 0x0a, 0x80, 0x81, 0x0a]), /invalid UTF-8 and not GB18030/],
    ['empty', Buffer.alloc(0), /empty file/],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), /binary file/],
  ])('skips a file of %s, saying why', (_label, bytes, message) => {
    const result = decodeNoteFile('x.txt', bytes);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(message)]);
  });
});

describe('file names that are not UTF-8', () => {
  it.each([
    ['UTF-8', Buffer.from('笔记.md'), { name: '笔记.md', encoding: 'utf-8' }],
    ['GBK', Buffer.from([0xb1, 0xca, 0xbc, 0xc7, 0x2e, 0x6d, 0x64]), { name: '笔记.md', encoding: 'gb18030' }],
    ['Latin-1', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]), { name: 'caf%E9.txt', encoding: 'escaped' }],
    ['UTF-8 with one odd byte', Buffer.concat([Buffer.from('归置组'), Buffer.from([0xff]), Buffer.from('.md')]), { name: '归置组%FF.md', encoding: 'escaped' }],
  ])('reads a %s name', (_label, bytes, expected) => {
    expect(decodeFileName(bytes)).toEqual(expected);
  });
});

describe('reading a notes folder with odd names and links', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'notegraph-read-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const at = (...parts: string[]) => path.join(root, ...parts);
  const raw = (...parts: (string | Buffer)[]) => Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from(path.sep), Buffer.from(part)])));

  it('ingests or reports every entry: odd names read, links followed once, loops and broken links reported', async () => {
    writeFileSync(at('real.md'), '# Real\nNova uses RabbitMQ.\n');
    writeFileSync(raw(root, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74])), 'Latin-1 name\n');
    writeFileSync(raw(root, Buffer.from([0xb1, 0xca, 0xbc, 0xc7, 0x2e, 0x6d, 0x64])), 'GBK name\n');
    mkdirSync(at('vault', 'deep'), { recursive: true });
    writeFileSync(at('vault', 'deep', 'ceph.md'), 'Ceph\n');
    symlinkSync(at('real.md'), at('alias.md'));
    symlinkSync(at('vault'), at('vault-link'));
    symlinkSync(root, at('vault', 'deep', 'up'));
    symlinkSync(at('missing.md'), at('broken.md'));
    const outside = mkdtempSync(path.join(tmpdir(), 'notegraph-outside-'));
    writeFileSync(path.join(outside, 'shared.md'), 'Shared note\n');
    symlinkSync(outside, at('shared'));
    spawnSync('mkfifo', [at('pipe.md')]);

    const read = await readNoteFiles(root, 1024 * 1024);
    rmSync(outside, { recursive: true, force: true });
    expect(read.files.map((file) => file.path).sort()).toEqual(['caf%E9.txt', 'real.md', 'shared/shared.md', 'vault/deep/ceph.md', '笔记.md']);
    expect(read.files.find((file) => file.path === 'caf%E9.txt')?.bytes.toString()).toBe('Latin-1 name\n');
    const messages = Object.fromEntries(read.diagnostics.map((d) => [d.file, d.message]));
    expect(messages).toEqual({
      'caf%E9.txt': 'file name is not UTF-8 (read as UTF-8 with %XX for the odd bytes)',
      '笔记.md': 'file name is not UTF-8 (read as GBK)',
      'alias.md': 'same file as real.md: read once',
      'broken.md': 'broken symbolic link: skipped',
      'pipe.md': 'not a regular file: skipped',
      'vault-link': 'same folder as vault: read once',
      'vault/deep/up': 'link loop (points back to the notes folder): skipped',
    });
  });
});
