import type { NoteDraft } from '../types.js';
import { firstMeaningfulTitle, isBlank } from './lines.js';

interface Block {
  start: number;
  end: number;
}

function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  lines.forEach((line, index) => {
    if (isBlank(line)) {
      if (start >= 0) blocks.push({ start, end: index - 1 });
      start = -1;
    } else if (start < 0) {
      start = index;
    }
  });
  if (start >= 0) blocks.push({ start, end: lines.length - 1 });
  return blocks;
}

/** A lone title line ("添加网桥：", "Steps:") belongs with the commands in the block after it. */
function isLoneTitle(lines: string[], block: Block): boolean {
  return block.start === block.end && /[：:]\s*$/.test(lines[block.start] ?? '') && (lines[block.start]?.trim().length ?? 0) <= 60;
}

/**
 * Blank-line separated notebooks: each block (a title line with the commands under it) is one note; a long
 * block stays one note; a lone title line is joined to the block that follows it.
 */
export function splitNotebook(sourcePath: string, lines: string[]): NoteDraft[] {
  const merged: Block[] = [];
  let carry: Block | undefined;
  for (const block of blocksOf(lines)) {
    const current: Block = carry ? { start: carry.start, end: block.end } : block;
    carry = undefined;
    if (isLoneTitle(lines, block) && current === block) carry = block;
    else merged.push(current);
  }
  if (carry) merged.push(carry);
  return merged.map((block) => {
    const body = lines.slice(block.start, block.end + 1);
    return {
      sourcePath,
      title: firstMeaningfulTitle(body),
      text: body.join('\n'),
      lineStart: block.start + 1,
      lineEnd: block.end + 1,
      date: null,
      url: null,
      tags: [],
    };
  });
}
