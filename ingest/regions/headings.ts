import { indentOf, isBlank, type LineBlock } from './lines.js';
import type { BlockDetector } from './output.js';
import { promptOf } from './shell.js';

/**
 * Headings: Markdown ATX (`## Title`) and setext (a line over `===` or `---`), and the standalone numbered
 * headings of articles (`1. 概述`, `2.3 Setup`, `三、部署`) — short, alone between blank lines, not a sentence.
 */

// Chinese notes often put an ideographic space after the hashes (`##　手动构建`); viewers still show a heading.
const atx = /^ {0,3}(#{1,6})[ \t\u3000]+\S/;
const setextUnderline = /^ {0,3}(=+|-{2,})[ \t]*$/;
const numbered = /^(?:(\d{1,2}(?:\.\d{1,2})+)\.?\s+|(\d{1,2})[.、]\s*|[一二三四五六七八九十]+[、.]\s*|第[一二三四五六七八九十\d]+[章节部分篇]\s*)(\S.*)$/u;
const notParagraph = /^\s*(?:[-*+>|]|\d+[.)]\s|#|```|~~~|<)/;

const hashRun = /^\s*(#+)/;

export const atxHeading: BlockDetector = (lines, index) => {
  const text = lines[index]!.text;
  const match = atx.exec(text);
  if (!match || promptOf(text, { inCode: false, hashComments: false }) || /^\s*#+[ \t]{5,}/.test(text)) return undefined;
  // Three `#` lines in a row are a comment block of a pasted config file, not three headings — unless their
  // levels differ (`# Page`, `## Part`, `### Section` right under one another).
  const level = match[1]!.length;
  const run = [index - 2, index - 1, index + 1, index + 2].filter((row) => hashRun.exec(lines[row]?.text ?? '')?.[1]!.length === level);
  if (run.includes(index - 1) && (run.includes(index - 2) || run.includes(index + 1))) return undefined;
  if (run.includes(index + 1) && run.includes(index + 2)) return undefined;
  return { first: index, last: index, level: match[1]!.length };
};

export const setextHeading: BlockDetector = (lines, index, free) => {
  const text = lines[index]!.text;
  const underline = setextUnderline.exec(lines[index + 1]?.text ?? '');
  if (!underline || !free(index + 1) || isBlank(text) || indentOf(text) >= 4 || notParagraph.test(text)) return undefined;
  // One paragraph line under a blank line or a heading: the last line of a longer paragraph over `---` is more
  // often a rule drawn under it than a heading.
  if (index > 0 && !isBlank(lines[index - 1]!.text) && !atx.test(lines[index - 1]!.text)) return undefined;
  return { first: index, last: index + 1, level: underline[1]!.startsWith('=') ? 1 : 2 };
};

function standalone(lines: Parameters<BlockDetector>[0], index: number): boolean {
  return (index === 0 || isBlank(lines[index - 1]!.text)) && (index === lines.length - 1 || isBlank(lines[index + 1]!.text));
}

/** The nearest non-blank line above or below `index`. */
function neighbour(lines: Parameters<BlockDetector>[0], index: number, step: 1 | -1): string | undefined {
  for (let row = index + step; row >= 0 && row < lines.length; row += step) if (!isBlank(lines[row]!.text)) return lines[row]!.text;
  return undefined;
}

export const numberedHeading: BlockDetector = (lines, index) => {
  const text = lines[index]!.text;
  const match = numbered.exec(text);
  if (!match || indentOf(text) > 0 || !standalone(lines, index)) return undefined;
  const title = match[3]!.trim();
  if (title.length > 60 || /[。.;；:：,，!?！？]$/.test(title) || title.split(/\s+/).length > 8 || title.includes('://')) return undefined;
  // Items of a numbered list spaced by blank lines ("1. unclean", "2. inactive") have no body between them.
  if ([neighbour(lines, index, -1), neighbour(lines, index, 1)].some((line) => line !== undefined && numbered.test(line))) return undefined;
  // "1.Intro" without a space is a version or a file name; "1.概述" is a heading.
  if (match[2] && !/^\d{1,2}[.、]\s/.test(text) && !/\p{Script=Han}/u.test(title[0]!)) return undefined;
  return { first: index, last: index, level: match[1] ? match[1].split('.').length : 1 };
};
