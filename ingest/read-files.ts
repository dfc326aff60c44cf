import type { Dirent, Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeFileName } from './decode.js';
import type { Diagnostic, RawFile } from './types.js';

export const noteExtensions = ['.txt', '.md'];

export interface ReadResult {
  files: RawFile[];
  diagnostics: Diagnostic[];
  /** Files listed but not read (too large, vanished, unreadable, not a regular file). */
  skipped: number;
}

/** A note file found by the walk: its path for the file system (bytes: names need not be UTF-8) and for people. */
interface ListedFile {
  full: Buffer;
  file: string;
}

const separator = Buffer.from(path.sep);

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

/** Identity of a file or folder across links: the same dev:ino reached twice is read once. */
const identity = (info: Stats) => `${info.dev}:${info.ino}`;

/**
 * Walks the notes folder. Names are read as bytes so a name that is not UTF-8 is still found (and shown decoded,
 * see decodeFileName). Symbolic links are followed after the real tree is walked, so a file keeps its real path
 * when a link also points at it; each folder and file is visited once, so a link loop or a second name for the
 * same file is reported instead of read again. Hidden entries are skipped.
 */
async function listNoteFiles(root: string, diagnostics: Diagnostic[]): Promise<ListedFile[]> {
  const found: ListedFile[] = [];
  const seen = new Map<string, string>();
  const links: ListedFile[] = [];
  const report = (file: string, message: string) => diagnostics.push({ file, stage: 'read', message });

  const visit = async ({ full, file }: ListedFile, isLink: boolean): Promise<void> => {
    let info: Stats;
    try {
      info = await stat(full);
    } catch (error) {
      const code = errorCode(error);
      report(file, code === 'ENOENT' && isLink ? 'broken symbolic link: skipped' : code === 'ELOOP' ? 'symbolic link loop: skipped' : `cannot read (${code}): skipped`);
      return;
    }
    if (!info.isDirectory() && !noteExtensions.includes(path.extname(file).toLowerCase())) return;
    const firstSeenAs = seen.get(identity(info));
    if (firstSeenAs !== undefined) {
      const loop = info.isDirectory() && (firstSeenAs === '' || file.startsWith(`${firstSeenAs}/`));
      report(file, loop ? `link loop (points back to ${firstSeenAs || 'the notes folder'}): skipped` : `same ${info.isDirectory() ? 'folder' : 'file'} as ${firstSeenAs}: read once`);
      return;
    }
    seen.set(identity(info), file);
    if (info.isDirectory()) await walk(full, file);
    else if (info.isFile()) found.push({ full, file });
    else report(file, 'not a regular file: skipped');
  };

  const walk = async (dir: Buffer, prefix: string): Promise<void> => {
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      report(prefix || '.', `cannot list folder: ${errorCode(error)}`);
      return;
    }
    const named = entries.map((entry) => ({ entry, decoded: decodeFileName(entry.name) })).sort((a, b) => a.decoded.name.localeCompare(b.decoded.name));
    for (const { entry, decoded } of named) {
      if (decoded.name.startsWith('.')) continue;
      const listed = { full: Buffer.concat([dir, separator, entry.name]), file: prefix ? `${prefix}/${decoded.name}` : decoded.name };
      if (decoded.encoding !== 'utf-8') report(listed.file, `file name is not UTF-8 (read as ${decoded.encoding === 'gb18030' ? 'GBK' : 'UTF-8 with %XX for the odd bytes'})`);
      if (entry.isSymbolicLink()) links.push(listed);
      else await visit(listed, false);
    }
  };

  const rootInfo = await stat(root).catch(() => undefined);
  if (rootInfo) seen.set(identity(rootInfo), '');
  await walk(Buffer.from(path.resolve(root)), '');
  // Following a link may walk a folder with more links: the queue grows until every link is followed once.
  for (let next = links.shift(); next; next = links.shift()) await visit(next, true);
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
  for (const { full, file } of await listNoteFiles(root, diagnostics)) {
    try {
      const info = await stat(full);
      if (info.size > maxFileBytes) {
        diagnostics.push({ file, stage: 'read', message: `file is ${info.size} bytes, over the ${maxFileBytes}-byte limit: skipped` });
        skipped += 1;
        continue;
      }
      files.push({ path: file, bytes: await readFile(full), modifiedAt: info.mtime.toISOString() });
    } catch (error) {
      const code = errorCode(error);
      diagnostics.push({ file, stage: 'read', message: code === 'ENOENT' ? 'file disappeared before it could be read: skipped' : `cannot read file (${code}): skipped` });
      skipped += 1;
    }
  }
  return { files, diagnostics, skipped };
}
