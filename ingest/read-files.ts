import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, RawFile } from './types.js';

export const noteExtensions = ['.txt', '.md'];

export interface ReadResult {
  files: RawFile[];
  diagnostics: Diagnostic[];
  /** Files listed but not read (too large, vanished, unreadable). */
  skipped: number;
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

async function listNoteFiles(root: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      diagnostics.push({ file: relative(root, dir) || '.', stage: 'read', message: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? 'error'}` });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && noteExtensions.includes(path.extname(entry.name).toLowerCase())) found.push(full);
    }
  };
  await walk(root);
  return found;
}

/**
 * The read edge: walks the notes folder for .txt and .md files and reads their bytes. A file that is too large,
 * vanishes between listing and reading, or cannot be read becomes a diagnostic; the walk goes on.
 */
export async function readNoteFiles(root: string, maxFileBytes: number): Promise<ReadResult> {
  const diagnostics: Diagnostic[] = [];
  const files: RawFile[] = [];
  let skipped = 0;
  for (const full of await listNoteFiles(root, diagnostics)) {
    const file = relative(root, full);
    try {
      const info = await stat(full);
      if (info.size > maxFileBytes) {
        diagnostics.push({ file, stage: 'read', message: `file is ${info.size} bytes, over the ${maxFileBytes}-byte limit: skipped` });
        skipped += 1;
        continue;
      }
      files.push({ path: file, bytes: await readFile(full), modifiedAt: info.mtime.toISOString() });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      diagnostics.push({ file, stage: 'read', message: code === 'ENOENT' ? 'file disappeared before it could be read: skipped' : `cannot read file (${code}): skipped` });
      skipped += 1;
    }
  }
  return { files, diagnostics, skipped };
}
