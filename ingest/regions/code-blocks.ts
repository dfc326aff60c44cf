import { isCodeLine } from './code-lines.js';
import { indentOf, isBlank, isProseLike, type Line, type LineBlock } from './lines.js';
import type { BlockDetector } from './output.js';
import { looksLikeCommand, promptOf } from './shell.js';

/**
 * Code without fences: Markdown's indented code blocks and the unfenced snippets of plain-text notebooks
 * (`int main(int argc, char *argv[])`, `p->push_back(x);`). A line is code by its syntax — statement ends,
 * declarations, calls, assignments — never by the words it contains.
 */

const braceOnly = /^\s*[{}()[\];,]+\s*$/;
const commentOnly = /^\s*(?:\/\/|\/\*|\*\/?|#(?!\w))/;

/** A line that belongs to a code run without being code on its own: braces, comments. */
function isBridge(text: string): boolean {
  return braceOnly.test(text) || commentOnly.test(text);
}

/** Two or more lines of code in a row (braces and comments between them count with them). */
export const unfencedCode: BlockDetector = (lines, index, free) => {
  if (!isCodeLine(lines[index]!.text)) return undefined;
  let last = index;
  let codeLines = 1;
  for (let row = index + 1; row < lines.length && free(row); row += 1) {
    const text = lines[row]!.text;
    if (isCodeLine(text)) codeLines += 1;
    else if (isBlank(text)) {
      if (!(free(row + 1) && isCodeLine(lines[row + 1]?.text ?? ''))) break;
      continue;
    } else if (!isBridge(text) && !(indentOf(text) > indentOf(lines[index]!.text) && !isProseLike(text))) break;
    last = row;
  }
  return codeLines >= 2 ? { first: index, last } : undefined;
};

/**
 * One line of code between prose lines, as plain-text notebooks paste them (`class FruitPlatter {`,
 * `x = HttpRequest(path)`): code by its syntax alone. Runs after command lines are marked, which keep their program.
 */
export const singleCodeLine: BlockDetector = (lines, index) => (isCodeLine(lines[index]!.text) ? { first: index, last: index } : undefined);

/** A line that reads as code, a command, or a prompt: what an indented block must mostly hold. */
function codeish(text: string): boolean {
  return isCodeLine(text) || looksLikeCommand(text) || promptOf(text, { inCode: true, hashComments: false }) !== undefined || isBridge(text) || /^\s*[\w.-]+\s*[=:]\s*\S+\s*$/.test(text);
}

function leadsIn(text: string | undefined): boolean {
  return text === undefined || isBlank(text) || /[:：]\s*$/.test(text);
}

/**
 * An indented block (four spaces or a tab) after a blank line or a lead-in line ("添加网桥：", "Run:") that
 * mostly holds code or commands. Indented prose (a list item's continuation, a quoted passage) is not code.
 */
export const indentedCode: BlockDetector = (lines: readonly Line[], index: number, free: (index: number) => boolean): LineBlock | undefined => {
  const text = lines[index]!.text;
  if (indentOf(text) < 4 || isBlank(text) || !leadsIn(lines[index - 1]?.text)) return undefined;
  const previous = lines[index - 1]?.text;
  if (previous !== undefined && /^\s*(?:[-*+]|\d+[.)])\s/.test(previous)) return undefined;
  let last = index;
  while (free(last + 1) && (indentOf(lines[last + 1]!.text) >= 4 || (isBlank(lines[last + 1]!.text) && indentOf(lines[last + 2]?.text ?? '') >= 4))) last += 1;
  const body = lines.slice(index, last + 1).filter((line) => !isBlank(line.text));
  // A prompt makes a terminal session of the block: what follows it is output, whatever its shape.
  const session = body.some((line) => promptOf(line.text, { inCode: true, hashComments: false }) !== undefined);
  const code = body.filter((line) => codeish(line.text)).length;
  const prose = body.filter((line) => isProseLike(line.text)).length;
  if (prose / body.length > 0.25 || (!session && code / body.length < 0.6)) return undefined;
  return { first: index, last, label: 'indented' };
};
