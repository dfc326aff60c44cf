import type { Diagnostic, NoteDraft, SourceFormat } from '../types.js';
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

export interface SplitResult {
  format: SourceFormat;
  notes: NoteDraft[];
  diagnostics: Diagnostic[];
}

/** Split stage: picks a splitter by detected format and cuts the file into notes with line ranges. */
export function splitNotes(path: string, text: string): SplitResult {
  const lines = splitLines(text);
  const format = detectFormat(path, lines);
  const diagnostics: Diagnostic[] = [];
  const notes =
    format === 'annotations'
      ? splitAnnotations(path, lines)
      : format === 'article'
        ? splitArticle(path, lines)
        : format === 'markdown'
          ? splitMarkdown(path, lines, diagnostics)
          : splitNotebook(path, lines);
  if (notes.length === 0) diagnostics.push({ file: path, stage: 'split', message: `no notes found (format ${format})` });
  return { format, notes, diagnostics };
}
