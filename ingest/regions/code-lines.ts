import { cjkShare, isProseLike, withoutTrailingComment } from './lines.js';

/**
 * A line written in a programming language, by its syntax — statement ends, declarations, calls,
 * assignments — never by the words it contains.
 */
const statementEnd = /(?:;|\{|\}|\)\s*:|\)\s*\{|=>\s*\{?)\s*$/;
const declarationStart =
  /^\s*(?:#include\b|#define\b|#ifn?def\b|#endif\b|#pragma\b|import\s+[\w.{*]|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(|class\s+\w+|func\s+\w*\s*\(|fn\s+\w+|package\s+[\w.]+\s*;?$|(?:public|private|protected|static|final|virtual)\s|return\b|(?:var|let|const)\s+\w+\s*=|(?:if|for|while|switch|catch)\s*\(|try\s*[:{]|@\w+(?:\(.*\))?$|\}\s*(?:else|catch|finally)\b)/;
const pythonBlock = /^\s*(?:for|if|elif|else|while|with|try|except|finally|def|class|async\s+def)\b[^。：]*:\s*$/;
const callStatement = /^\s*[\w.$]+(?:->[\w.$]+|::[\w.$]+)*\(.*\)\s*;?\s*$/;
const functionSignature = /^\s*[\w:<>*&]+(?:\s+[\w:<>*&]+)*\s+[*&]*\w[\w:]*\s*\((?:void|\s*|[\w:<>*&]+\s+[*&]*\w+(?:\[\])?(?:\s*,\s*[\w:<>*&]+\s+[*&]*\w+(?:\[\])?)*)\)\s*(?:const\s*)?\{?\s*$/;
const assignment = /^\s*[\w.$[\]'"]+\s*[+\-*/|&]?=\s*(?!=)\S/;

/** A line written in a programming language (prose in a trailing comment aside). */
// Every syntax below needs one of these characters or opens with a keyword: most prose lines are ruled out at once.
const syntaxChars = /[;{}()=:@#]/;
const keywordStart = /^\s*(?:import|from|return|package|class|def|func|fn|var|let|const|try|public|private|protected|static|final|virtual)\b/;

export function isCodeLine(text: string): boolean {
  if (!syntaxChars.test(text) && !keywordStart.test(text)) return false;
  const code = withoutTrailingComment(text).replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const syntax =
    statementEnd.test(code) || declarationStart.test(code) || pythonBlock.test(code) || callStatement.test(code) || functionSignature.test(code) || (assignment.test(code) && !/\s[a-z]+\s[a-z]+\s[a-z]+\s/.test(code));
  return syntax && code.trim() !== '' && cjkShare(code) < 0.2 && !isProseLike(code);
}

/** A declaration or block statement of a programming language (`from x import y`, `except E as e:`): never a shell command. */
export function isDeclarationLine(text: string): boolean {
  const code = withoutTrailingComment(text);
  return declarationStart.test(code) || pythonBlock.test(code) || functionSignature.test(code);
}
