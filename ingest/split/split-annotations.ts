import type { NoteDraft } from '../types.js';
import { dedent, isBlank, titleFromLine, trimRange } from './lines.js';

const months: Record<string, string> = {
  Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06',
  Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12',
};
const monthHeading = /^ {0,3}\d+\.\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})\s*$/;
const annotationStart = /^ {4,5}(\d+)\.\s+(.*)$/;
const label = /^ {2,5}(Tags|Annotators|URL)\s*$/;
const header = /^\s*\d+\s+Matching Annotations\s*$/;

export function looksLikeAnnotations(lines: string[]): boolean {
  if (header.test(lines[0] ?? '')) return true;
  return lines.filter((line) => monthHeading.test(line)).length >= 2;
}

interface Open {
  start: number;
  date: string | null;
}

/**
 * The web-annotation export: month headings give the date; each numbered annotation (the quoted passage and
 * the reader's comment under it) is one note. Empty Tags/Annotators/URL labels are dropped; a label with a
 * value attaches it to the annotation before it.
 */
export function splitAnnotations(sourcePath: string, lines: string[]): NoteDraft[] {
  const notes: NoteDraft[] = [];
  let date: string | null = null;
  let open: Open | undefined;
  let pendingLabel: 'Tags' | 'URL' | 'Annotators' | undefined;

  const close = (endExclusive: number) => {
    if (!open) return;
    const range = trimRange(lines, open.start, endExclusive - 1);
    if (range) notes.push(draft(sourcePath, lines, range, open.date));
    open = undefined;
  };

  lines.forEach((line, index) => {
    const month = monthHeading.exec(line);
    const start = annotationStart.exec(line);
    const labelMatch = label.exec(line);
    if (header.test(line)) return;
    if (month) {
      close(index);
      date = `${month[2]}-${months[month[1]!]}-01`;
      pendingLabel = undefined;
    } else if (start) {
      close(index);
      open = { start: index, date };
      pendingLabel = undefined;
    } else if (labelMatch) {
      close(index);
      pendingLabel = labelMatch[1] as typeof pendingLabel;
    } else if (pendingLabel && !isBlank(line)) {
      attachLabelValue(notes.at(-1), pendingLabel, line.trim());
    }
  });
  close(lines.length);
  return notes;
}

function attachLabelValue(note: NoteDraft | undefined, name: string, value: string): void {
  if (!note) return;
  if (name === 'URL' && /^https?:\/\//.test(value)) note.url ??= value;
  if (name === 'Tags') note.tags.push(...value.split(/[,，\s]+/).filter(Boolean));
}

function draft(sourcePath: string, lines: string[], range: { start: number; end: number }, date: string | null): NoteDraft {
  const body = lines.slice(range.start, range.end + 1);
  const first = (body[0] ?? '').replace(annotationStart, '$2');
  const text = [first.trim(), ...dedent(body.slice(1))].join('\n');
  return {
    sourcePath,
    title: titleFromLine(first),
    text,
    lineStart: range.start + 1,
    lineEnd: range.end + 1,
    date,
    url: null,
    tags: [],
  };
}
