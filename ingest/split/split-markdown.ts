import { parse as parseYaml } from 'yaml';
import type { Diagnostic, NoteDraft } from '../types.js';
import { firstMeaningfulTitle, trimRange } from './lines.js';

interface FrontMatter {
  tags: string[];
  date: string | null;
  title: string | null;
  bodyStart: number;
}

function readFrontMatter(sourcePath: string, lines: string[], diagnostics: Diagnostic[]): FrontMatter {
  const empty: FrontMatter = { tags: [], date: null, title: null, bodyStart: 0 };
  if (lines[0]?.trim() !== '---') return empty;
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (close < 0) return empty;
  try {
    const data: unknown = parseYaml(lines.slice(1, close).join('\n'));
    const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const rawTags = record.tags;
    const tags = Array.isArray(rawTags) ? rawTags.map(String) : typeof rawTags === 'string' ? rawTags.split(/[,\s]+/).filter(Boolean) : [];
    const rawDate = record.date instanceof Date ? record.date.toISOString() : typeof record.date === 'string' ? record.date : '';
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(rawDate)?.[1] ?? null;
    return { tags, date, title: typeof record.title === 'string' ? record.title : null, bodyStart: close + 1 };
  } catch {
    diagnostics.push({ file: sourcePath, stage: 'split', line: 1, message: 'front matter is not valid YAML: ignored' });
    return { ...empty, bodyStart: close + 1 };
  }
}

/** Markdown: one note per heading section; front-matter tags and date apply to every note of the file. */
export function splitMarkdown(sourcePath: string, lines: string[], diagnostics: Diagnostic[]): NoteDraft[] {
  const front = readFrontMatter(sourcePath, lines, diagnostics);
  const headingIndexes: number[] = [];
  let inFence = false;
  lines.forEach((line, index) => {
    if (index < front.bodyStart) return;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && /^#{1,6}\s+\S/.test(line)) headingIndexes.push(index);
  });
  const starts = [front.bodyStart, ...headingIndexes.filter((index) => index > front.bodyStart)];
  const notes: NoteDraft[] = [];
  starts.forEach((start, position) => {
    const range = trimRange(lines, start, (starts[position + 1] ?? lines.length) - 1);
    if (!range) return;
    const section = lines.slice(range.start, range.end + 1);
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(section[0] ?? '')?.[1];
    notes.push({
      sourcePath,
      title: heading ?? (position === 0 && front.title ? front.title : firstMeaningfulTitle(section)),
      text: section.join('\n'),
      lineStart: range.start + 1,
      lineEnd: range.end + 1,
      date: front.date,
      url: null,
      tags: [...front.tags],
    });
  });
  return notes;
}
