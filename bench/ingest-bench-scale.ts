import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractGraph } from '../ingest/extract-graph.js';
import type { Lexicon } from '../ingest/lexicon.js';
import type { RawFile } from '../ingest/types.js';

/**
 * Scale figures for `npm run bench:ingest`: one note file of 1, 2, 4 and 8 MB (the time must grow linearly
 * with the size), and the throughput of English prose. Text is built from the bundled notes and the English eval
 * fixtures, every copy marked so that no two paragraphs are identical. Prints figures; asserts nothing.
 */
const mb = 1024 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:md|txt)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Paragraphs of the given files, headings dropped (so a Markdown file of them stays one note). */
function paragraphsOf(files: string[]): string[] {
  return files
    .flatMap((file) => readFileSync(file, 'utf8').split(/\n\s*\n/))
    .map((paragraph) => paragraph.replace(/^(\s*)#+/gm, '$1').replace(/^\s*(?:---|```|~~~).*$/gm, '').trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** `bytes` of text made of the paragraphs, copy k of each with a marker on every line. */
export function textOfSize(paragraphs: string[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy += 1) {
    for (const paragraph of paragraphs) {
      const marked = copy === 0 ? paragraph : paragraph.replace(/$/gm, ` 〔${copy}〕`);
      parts.push(marked);
      size += Buffer.byteLength(marked) + 2;
      if (size >= bytes) break;
    }
  }
  return parts.join('\n\n');
}

/** Wall-clock seconds, and CPU seconds of this process (the machine is shared: CPU time is what the code costs). */
function seconds(work: () => void): number {
  const started = performance.now();
  const cpu = process.cpuUsage();
  work();
  const used = process.cpuUsage(cpu);
  lastCpuSeconds = (used.user + used.system) / 1e6;
  return (performance.now() - started) / 1000;
}
let lastCpuSeconds = 0;

export function measureSingleFiles(notesDir: string, lexicon: Lexicon, sizesMb: number[]): void {
  const paragraphs = paragraphsOf(filesUnder(notesDir));
  // Warm up (segmenter, tagger and word lists load once per process) so the sizes compare work, not loading.
  extractGraph({ files: [{ path: 'warm-up.md', bytes: Buffer.from(textOfSize(paragraphs, 64 * 1024)) }], lexicon });
  const rows: string[] = [];
  let perMb: number | undefined;
  for (const size of sizesMb) {
    const file: RawFile = { path: `single-${size}mb.md`, bytes: Buffer.from(textOfSize(paragraphs, size * mb)) };
    let notes = 0;
    const time = seconds(() => {
      notes = extractGraph({ files: [file], lexicon }).graph.notes.length;
    });
    perMb ??= time / size;
    rows.push(`${size} MB: ${time.toFixed(2)} s wall, ${lastCpuSeconds.toFixed(2)} s CPU (${(time / size / perMb).toFixed(2)}× the first size's time per MB, ${notes} note${notes === 1 ? '' : 's'})`);
  }
  console.log(`single note file: ${rows.join('; ')}`);
}

export function measureEnglishProse(evalCorporaDir: string, lexicon: Lexicon, sizeMb: number): void {
  const english = ['en-til', 'vault-frontend'].flatMap((name) => filesUnder(path.join(evalCorporaDir, name, 'notes')));
  const paragraphs = paragraphsOf(english).filter((paragraph) => !paragraph.startsWith('```'));
  const text = textOfSize(paragraphs, sizeMb * mb);
  // Many notes, as an English notes folder has: one file per 20 paragraphs.
  const chunks = text.split('\n\n');
  const files: RawFile[] = [];
  for (let i = 0; i < chunks.length; i += 20) files.push({ path: `prose-${i}.md`, bytes: Buffer.from(chunks.slice(i, i + 20).join('\n\n')) });
  const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  const time = seconds(() => extractGraph({ files, lexicon }));
  console.log(`English prose: ${(bytes / mb).toFixed(2)} MB in ${files.length} files, ${time.toFixed(2)} s wall = ${(bytes / mb / time).toFixed(2)} MB/s (${lastCpuSeconds.toFixed(2)} s CPU = ${(bytes / mb / lastCpuSeconds).toFixed(2)} MB/s)`);
}
