import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveNotesDir } from './live-services.js';
import { isWatchedFile } from './notes-watcher.js';

describe('which changes in the notes folder count', () => {
  it.each(['notes.md', 'deep/folder/Daily 2024.txt', 'NOTES.MD', 'notegraph-lexicon.yaml', 'notegraph-relations.yaml'])('follows %s', (file) => {
    expect(isWatchedFile(file)).toBe(true);
  });

  it.each([
    ['an image', 'pics/diagram.png'],
    ['a vim swap file', '.notes.md.swp'],
    ['a vim backup', 'notes.md~'],
    ["vim's write test", '4913'],
    ['an emacs lock', '.#notes.md'],
    ['an emacs auto-save', '#notes.md#'],
    ['a temporary save', 'notes.md.tmp'],
    ['a file in a hidden folder', '.obsidian/workspace.md'],
    ['our own temporary decision file', '.notegraph-lexicon.yaml.ab12cd.tmp'],
    ['another YAML file', 'config.yaml'],
  ])('ignores %s', (_label, file) => {
    expect(isWatchedFile(file)).toBe(false);
  });
});

describe('the notes folder of npm start', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'notegraph-root-'));
  mkdirSync(path.join(root, 'notes'));
  mkdirSync(path.join(root, 'other'));

  it('is NOTES_DIR, relative to the repository, when no folder is given', () => {
    expect(resolveNotesDir([], './notes', root)).toBe(path.join(root, 'notes'));
  });

  it('is the positional folder when one is given', () => {
    expect(resolveNotesDir([path.join(root, 'other')], './notes', root)).toBe(path.join(root, 'other'));
  });

  it('expands ~ to the home folder', () => {
    expect(() => resolveNotesDir(['~/surely-not-a-folder-of-notes-xyz'], './notes', root)).toThrow(path.join(homedir(), 'surely-not-a-folder-of-notes-xyz'));
  });

  it('fails clearly when the folder does not exist', () => {
    expect(() => resolveNotesDir([path.join(root, 'missing')], './notes', root)).toThrow(/does not exist/);
    rmSync(root, { recursive: true, force: true });
  });
});
