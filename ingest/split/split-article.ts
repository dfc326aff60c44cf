import type { NoteDraft } from '../types.js';
import { firstMeaningfulTitle, isBlank, titleFromLine, trimRange } from './lines.js';

const numberedHeading = /^(\d{1,2})\.\s+\S.{0,78}$/;
// A footer starts at the page's own timestamp line or at the "related articles" list; all of it is dropped.
const footerStart = /^(?:时间|发布时间|发表于|Posted on)\s*[:：]\s*\d{4}-\d{2}-\d{2}|的相关文章\s*$|^相关文章|^Related (?:articles|posts)/;

/** Numbered headings stand alone (blank line before and after) and count up from 1. */
export function findHeadings(lines: string[]): number[] {
  const headings: number[] = [];
  let expected = 1;
  lines.forEach((line, index) => {
    const match = numberedHeading.exec(line);
    if (!match || Number(match[1]) !== expected) return;
    if (!isBlank(lines[index - 1] ?? '') || !isBlank(lines[index + 1] ?? '')) return;
    headings.push(index);
    expected += 1;
  });
  return headings;
}

export function looksLikeArticle(lines: string[]): boolean {
  const top = lines.slice(0, 30).map((line) => line.trim());
  return findHeadings(lines).length >= 2 && (top.includes('目录') || top.includes('Contents') || lines.some((line) => footerStart.test(line.trim())));
}

function findFooter(lines: string[]): { index: number; date: string | null } {
  const index = lines.findIndex((line) => footerStart.test(line.trim()));
  if (index < 0) return { index: lines.length, date: null };
  const date = /(\d{4}-\d{2}-\d{2})/.exec(lines[index] ?? '')?.[1] ?? null;
  return { index, date };
}

/** Articles with numbered headings: one note per section, the intro before the first heading as its own note. */
export function splitArticle(sourcePath: string, lines: string[]): NoteDraft[] {
  const footer = findFooter(lines);
  const body = lines.slice(0, footer.index);
  const headings = findHeadings(body);
  const starts = [0, ...headings.filter((index) => index > 0)];
  const notes: NoteDraft[] = [];
  starts.forEach((start, position) => {
    const end = (starts[position + 1] ?? body.length) - 1;
    const range = trimRange(body, start, end);
    if (!range) return;
    const section = body.slice(range.start, range.end + 1);
    const isHeading = headings.includes(range.start);
    notes.push({
      sourcePath,
      title: isHeading ? titleFromLine(section[0] ?? '') : firstMeaningfulTitle(section),
      text: section.join('\n'),
      lineStart: range.start + 1,
      lineEnd: range.end + 1,
      date: footer.date,
      url: null,
      tags: [],
    });
  });
  return notes;
}
