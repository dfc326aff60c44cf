/** Helpers shared by the splitters. Line numbers are 1-based and inclusive. */

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

const maxTitleLength = 80;

/** A readable title from a line: list numbering, shell prompts, comment markers and trailing colons removed. */
export function titleFromLine(line: string): string {
  const title = line
    .trim()
    .replace(/^(?:#+|\/\/+|\*+|•|-{1,2}|>)\s*/, '')
    .replace(/^(?:\d+[.、:：)]|[（(]\d+[)）]|[一二三四五六七八九十]+[、.])\s*/, '')
    .replace(/[：:]\s*$/, '')
    .trim();
  return title.length > maxTitleLength ? `${title.slice(0, maxTitleLength - 1)}…` : title;
}

/** The first line that says something (not a separator or a lone number), as a title. */
export function firstMeaningfulTitle(lines: string[]): string {
  for (const line of lines) {
    const title = titleFromLine(line);
    if (/[\p{L}\p{N}]{2,}/u.test(title)) return title;
  }
  return titleFromLine(lines.find((line) => !isBlank(line)) ?? '') || '(untitled)';
}

/** Removes the common leading indentation of a block of lines. */
export function dedent(lines: string[]): string[] {
  const indents = lines.filter((line) => !isBlank(line)).map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(Math.min(common, /^[ \t]*/.exec(line)?.[0].length ?? 0)));
}

/** Trims blank lines at both ends of a range; returns undefined when nothing is left. */
export function trimRange(lines: readonly string[], start: number, end: number): { start: number; end: number } | undefined {
  let first = start;
  let last = end;
  while (first <= last && isBlank(lines[first] ?? '')) first += 1;
  while (last >= first && isBlank(lines[last] ?? '')) last -= 1;
  return first > last ? undefined : { start: first, end: last };
}
