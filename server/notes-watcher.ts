import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../common/logger.js';
import { lexiconFileName, relationsFileName } from '../ingest/curation/decisions.js';
import { noteExtensions } from '../ingest/read-files.js';

/**
 * Watches the notes folder while the server runs (chokidar: inotify on Linux, FSEvents on macOS). Every note
 * file saved, added, renamed or deleted — and every edit to the two decision files — is reported with its
 * path relative to the folder. Editors save in many ways (write in place; write a temporary file and rename it
 * over the note; keep `~` backups and swap files): chokidar's `atomic` option folds delete-then-recreate into
 * one change, and temporary and hidden files are ignored. Debouncing is the caller's (GraphRefresher).
 */
const decisionFiles = new Set([lexiconFileName, relationsFileName]);
// vim's write test file, swap and backup files, emacs lock and auto-save files, JetBrains/VS Code temporaries.
const temporaryName = /(?:^4913$|~$|\.sw[a-p]$|\.tmp$|\.temp$|\.bak$|\.crswap$|^#.*#$|^\.#)/i;

/** True for a path (relative to the notes folder) whose changes the graph should follow. */
export function isWatchedFile(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  if (parts.some((part) => part.startsWith('.') && part !== '.' && part !== '..')) return false;
  const name = parts.at(-1) ?? '';
  if (temporaryName.test(name)) return false;
  return decisionFiles.has(name) || noteExtensions.includes(path.extname(name).toLowerCase());
}

export interface NotesWatcherOptions {
  notesDir: string;
  /** Called for every relevant change, with the path relative to the notes folder (forward slashes). */
  onChange: (file: string) => void;
  /** True when the file now holds what this server wrote itself (curation), which needs no re-ingest. */
  isOwnWrite?: (absolutePath: string, text: string | undefined) => boolean;
  logger: Logger;
}

export class NotesWatcher {
  private watcher: FSWatcher | undefined;
  private readonly root: string;

  constructor(private readonly options: NotesWatcherOptions) {
    this.root = path.resolve(options.notesDir);
  }

  /** Starts watching; resolves once the initial scan is done, so later changes are all seen. */
  start(): Promise<void> {
    const relative = (file: string) => path.relative(this.root, path.resolve(this.root, file)).split(path.sep).join('/');
    const watcher = watch(this.root, {
      ignoreInitial: true,
      atomic: true,
      // Hidden folders (.git, .obsidian, .trash) are not watched at all; other files are filtered as they change.
      ignored: (file) => file !== this.root && relative(file).split('/').some((part) => part.startsWith('.')),
    });
    this.watcher = watcher;
    for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (file: string) => void this.report(relative(file), path.resolve(this.root, file)));
    watcher.on('error', (error) => this.options.logger.warn({ err: error }, 'watching the notes folder failed for a file'));
    return new Promise((resolve) => watcher.once('ready', () => resolve()));
  }

  async stop(): Promise<void> {
    await this.watcher?.close();
    this.watcher = undefined;
  }

  private async report(file: string, absolute: string): Promise<void> {
    if (!isWatchedFile(file)) return;
    if (decisionFiles.has(path.basename(file)) && this.options.isOwnWrite) {
      const text = await readFile(absolute, 'utf8').catch(() => undefined);
      if (this.options.isOwnWrite(absolute, text)) return;
    }
    this.options.onChange(file);
  }
}
