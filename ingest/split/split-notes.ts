import { dropImages } from '../markdown/images.js';
import { markRegions, type TextRegion } from '../regions.js';
import type { Diagnostic, NoteDraft, PageInfo, SourceFormat } from '../types.js';
import { splitLines } from './lines.js';
import { looksLikeAnnotations, splitAnnotations } from './split-annotations.js';
import { looksLikeArticle, splitArticle } from './split-article.js';
import { splitMarkdown } from './split-markdown.js';
import { splitNotebook } from './split-notebook.js';

export function detectFormat(path: string, lines: string[]): SourceFormat {
  if (/\.md$/i.test(path)) return 'markdown';
  if (looksLikeAnnotations(lines)) return 'annotations';
  if (looksLikeArticle(lines)) return 'article';
  return 'notebook';
}

/**
 * The notes folder's own README (`README.md`, `readme.txt`, … directly in the folder) describes the folder,
 * not a subject: it is read (its Source is kept, so staleness checks see it) but cut into no notes. A README in
 * a sub-folder is an ordinary page.
 */
export function isFolderReadme(path: string): boolean {
  return /^readme(?:\.(?:md|markdown|txt))?$/i.test(path);
}

export interface SplitResult {
  format: SourceFormat;
  notes: NoteDraft[];
  diagnostics: Diagnostic[];
  /** Markdown files are pages: title, aliases, tags. */
  page?: PageInfo;
}

/**
 * Split stage: picks a splitter by detected format and cuts the file into notes with line ranges. Images
 * (data: URIs included) are removed first, keeping line numbers, so no later stage sees them. `regionsOf` computes
 * a text's regions (the pipeline passes one that keeps them, so a note whose text is its whole page reuses them).
 */
export function splitNotes(path: string, text: string, regionsOf: (text: string) => TextRegion[] = markRegions): SplitResult {
  const lines = splitLines(dropImages(text));
  const format = detectFormat(path, lines);
  const diagnostics: Diagnostic[] = [];
  if (isFolderReadme(path)) {
    diagnostics.push({ file: path, stage: 'split', message: "the notes folder's README describes the folder: not ingested as notes" });
    return { format, notes: [], diagnostics };
  }
  if (format === 'markdown') {
    const { notes, page } = splitMarkdown(path, lines, diagnostics, regionsOf);
    if (notes.length === 0) diagnostics.push({ file: path, stage: 'split', message: page.tags.length > 0 ? 'only tags, no text: not a note' : 'no notes found (format markdown)' });
    return { format, notes, diagnostics, page };
  }
  const notes = format === 'annotations' ? splitAnnotations(path, lines) : format === 'article' ? splitArticle(path, lines) : splitNotebook(path, lines);
  if (notes.length === 0) diagnostics.push({ file: path, stage: 'split', message: `no notes found (format ${format})` });
  return { format, notes, diagnostics };
}
