import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A deterministic synthetic corpus `copies` times the bundled notes: copy k of every file gets a small marker
 * appended to each content line, so notes stay distinct across copies (dedupe cannot fold them away) while
 * formats, structure, concepts and credentials stay those of the real notes.
 */
const structural = /^\s*(?:\d+\s+Matching Annotations|\d+\.\s|Tags\s*$|Annotators\s*$|URL\s*$|目录\s*$|时间\s*[:：]|---\s*$|#)/;

export function variantOf(text: string, copy: number): string {
  if (copy === 0) return text;
  return text
    .split('\n')
    .map((line) => (line.trim().length >= 8 && !structural.test(line) ? `${line} 〔v${copy}〕` : line))
    .join('\n');
}

export function writeSyntheticCorpus(sourceDir: string, targetDir: string, copies: number): { files: number; bytes: number } {
  const names = readdirSync(sourceDir).filter((name) => /\.(txt|md)$/i.test(name)).sort();
  const originals = names.map((name) => [name, readFileSync(path.join(sourceDir, name), 'utf8')] as const);
  let files = 0;
  let bytes = 0;
  for (let copy = 0; copy < copies; copy += 1) {
    const dir = path.join(targetDir, `copy-${String(copy).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of originals) {
      const variant = variantOf(text, copy);
      writeFileSync(path.join(dir, name), variant);
      files += 1;
      bytes += Buffer.byteLength(variant);
    }
  }
  return { files, bytes };
}
