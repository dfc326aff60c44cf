import { languagePacks } from '../languages/index.js';
import { isDeclarationLine } from './code-lines.js';
import { hasCjk, isProseLike, plainWordShare, withoutTrailingComment } from './lines.js';

/**
 * Shell prompts and command lines. A prompt (`$ `, `[root@host ~]# `, `user@host:~$ `, `PS C:\> `, `mysql> `,
 * `>>> `) is strong evidence: what follows is a command, and the lines after it, up to the next prompt, are
 * its output. Without a prompt a line is a command only when it reads like one (a program name, then flags,
 * pipes or redirections) — or, inside a shell-labelled code block, always.
 */
export interface CommandLineShape {
  /** Offset in the line where the command starts (after the prompt). */
  commandStart: number;
  prompted: boolean;
  /** A REPL prompt (mysql>, >>>): the line is a statement, not a program invocation. */
  repl: boolean;
}

const shellPrompts: readonly RegExp[] = [
  /^\s*\[[^\]\s@]+@[^\]\s]+(?:\s[^\]]*)?\][#$]\s?/, // [root@host ~]#
  /^\s*[\w.-]+@[\w.-]+:[^\s#$]*[#$]\s/, // user@host:~$
  /^\s*\([\w.-]+\)\s+(?:[\w.-]+@[\w.-]+:\S*)?[$#%]\s/, // (venv) $
  /^\s*PS [A-Za-z]:\\[^>]*>\s?/, // PS C:\>
  /^\s*[A-Za-z]:\\[^>\s]*>\s?/, // C:\Users\me>
  /^\s*[$%❯➜»]\s+/, // $ ls
];
const replPrompts: readonly RegExp[] = [
  /^\s*>>>\s/, // Python (a `... ` continuation alone is an ellipsis, not a prompt)
  /^\s*[A-Za-z][\w.-]*(?:\s?\[[^\]\n]*\])?(?:=|-)?[>#]\s/, // mysql> , MariaDB [(none)]> , postgres=#
  /^\s*\d{1,3}(?:\.\d{1,3}){3}:\d+>\s/, // 127.0.0.1:6379>
  /^\s*\w+\([\w:]*\)(?::\d+)*>\s/, // irb(main):001:0> , iex(1)>
];
// `# cmd` / `#cmd` as a root prompt (ops notebooks); a Markdown heading or a comment unless what follows is a command.
const rootPrompt = /^\s*#\s?(?=[a-z./~])/;

/**
 * Programs every shell session runs (navigation, files, processes, the shell's own builtins): a command of
 * theirs says nothing about the tools the notes are about, so it is no evidence of a concept.
 */
export const everydayPrograms: ReadonlySet<string> = new Set([
  'cd', 'ls', 'll', 'echo', 'printf', 'cat', 'less', 'more', 'head', 'tail', 'mkdir', 'rmdir', 'rm', 'cp', 'mv', 'ln', 'chmod', 'chown',
  'touch', 'pwd', 'true', 'false', 'test', 'eval', 'exec', 'alias', 'read', 'shift', 'wait', 'kill', 'killall', 'sleep', 'which',
  'whoami', 'man', 'history', 'clear', 'exit', 'logout', 'su', 'sudo', 'tee', 'wc', 'sort', 'uniq', 'cut', 'tr', 'date', 'env',
  'export', 'source', 'type', 'file', 'find', 'xargs', 'yes', 'time', 'watch', 'nohup', 'jobs', 'fg', 'bg', 'ps', 'top', 'df', 'du',
  'free', 'uname', 'hostname', 'id', 'passwd', 'reboot', 'shutdown', 'exit', 'print', 'puts', 'assert', 'return', 'pass',
]);

/** Shell syntax and wrappers that are not the program a line runs. */
const wrappers = new Set(['sudo', 'doas', 'env', 'time', 'nohup', 'nice', 'exec', 'command', 'builtin', 'watch', 'xargs']);
const shellKeywords = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select', 'in', 'return', 'local', 'export', 'set', 'unset', 'declare', 'readonly', 'alias', 'source', '.', '{', '}', '[', '[[']);
const programToken = /^(?:\.{0,2}\/|~\/)?[A-Za-z_][\w.+-]*(?:\/[\w.+-]+)*$/;
const flagToken = /^--?[A-Za-z0-9]/;
const operatorToken = /^(?:\||\|\||&&|;|>|>>|<|2>&1|&>|2>|1>)$/;

export function shellTokens(text: string): string[] {
  return text.match(/"(?:[^"\\]|\\.)*"|'[^']*'|\S+/g) ?? [];
}

/** The program a command runs: wrappers (`sudo`, `env`, `VAR=1`) skipped, a path reduced to its file name. */
export function programOf(command: string): string | undefined {
  const tokens = shellTokens(withoutTrailingComment(command));
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    if (wrappers.has(token) || /^[A-Za-z_]\w*=/.test(token)) index += 1;
    else if (index > 0 && flagToken.test(token) && wrappers.has(tokens[index - 1]!)) index += token === '-u' ? 2 : 1;
    else break;
  }
  const token = tokens[index];
  if (!token || !programToken.test(token) || shellKeywords.has(token)) return undefined;
  const name = token.split('/').at(-1)!;
  return /[A-Za-z]/.test(name) ? name : undefined;
}

/**
 * A command written without a prompt, in prose: a lowercase program name and at least one shell signal (a
 * flag, a pipe, a redirection, `&&`, `key=value`), not sentence-shaped. `kubectl get pods -n kube-system`
 * qualifies; "use -v for verbose output" does not (mostly plain words).
 */
const shellSignal = /\s-|[|<>=&;]/;

export function looksLikeBareCommand(command: string): boolean {
  if (!shellSignal.test(command)) return false;
  const text = withoutTrailingComment(command.trim());
  if (text === '' || hasCjk(text) || /[.:。：,，]$/.test(text)) return false;
  const tokens = shellTokens(text);
  if (tokens.length < 2 || tokens.length > 30) return false;
  const first = tokens.find((token, index) => index > 0 || !wrappers.has(token)) ?? tokens[0]!;
  if (!programToken.test(first) || /[A-Z]/.test(first) || shellKeywords.has(first)) return false;
  const rest = tokens.slice(1);
  if (!rest.some((token) => flagToken.test(token) || operatorToken.test(token) || /^[\w.-]+=\S/.test(token))) return false;
  // A pipe or `&&` joins commands; a lone flag among many plain words is more likely a sentence about it.
  if (rest.some((token) => operatorToken.test(token))) return true;
  const plainWords = tokens.filter((token) => /^[a-z]{2,}$/.test(token)).length;
  return !(plainWords >= 4 && plainWords / tokens.length > 0.7);
}

// Articles, prepositions, auxiliaries of every language pack: a line holding one is a sentence about a command.
const functionWords = new Set(languagePacks.flatMap((pack) => pack.extraction.functionWords));

/**
 * A command with no prompt and no flag, on a line of its own, as plain-text ops notebooks write them
 * (`ceph osd tree`, `ovs-vsctl show`, `nova list`): two to sixteen printable ASCII words, a program-shaped
 * first word, no function word of any language, no sentence end, no arrow. "memory leak in the agent" is prose
 * (a function word); "Restart nginx" is a sentence (a capital first).
 */
export function looksLikePlainCommand(command: string): boolean {
  const text = command.trim();
  if (!/^[\x20-\x7e\t]+$/.test(text) || /[.:!?]$/.test(text) || /\s(?:->|=>)\s/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 16 || !/^[a-z][a-z0-9._+-]*$/.test(words[0]!)) return false;
  if (words.some((word) => functionWords.has(word.toLowerCase())) || isDeclarationLine(text) || words[1] === '=') return false;
  return programOf(text) !== undefined;
}

/** A command inside a code block or after a prompt: a program name first, not a sentence. */
export function looksLikeCommand(command: string): boolean {
  const text = withoutTrailingComment(command.trim());
  if (text === '' || isProseLike(text) || isDeclarationLine(text)) return false;
  const tokens = shellTokens(text);
  if (tokens[1] === '=' || /[({]$/.test(tokens[0] ?? '')) return false;
  // "step 1 of the plan": five words and more, nearly all plain, and nothing shell-like is a phrase.
  if (tokens.length >= 5 && plainWordShare(text) >= 0.8 && !shellSignal.test(text)) return false;
  return programOf(text) !== undefined;
}

export interface PromptOptions {
  /** In a code block the root prompt `#` is a prompt when a command follows; in prose only a clear command. */
  inCode: boolean;
  /** In scripts and most languages (```bash, ```python, ```yaml) `#` starts a comment: no root prompt there. */
  hashComments: boolean;
}

/** The prompt of a line, if it has one and a command follows it. */
export function promptOf(text: string, options: PromptOptions): CommandLineShape | undefined {
  for (const prompt of shellPrompts) {
    const match = prompt.exec(text);
    if (match && looksLikeCommand(text.slice(match[0].length))) return { commandStart: match[0].length, prompted: true, repl: false };
  }
  for (const prompt of replPrompts) {
    const match = prompt.exec(text);
    if (match && text.slice(match[0].length).trim() !== '' && !isProseLike(text.slice(match[0].length))) {
      return { commandStart: match[0].length, prompted: true, repl: true };
    }
  }
  if (options.hashComments) return undefined;
  const root = rootPrompt.exec(text);
  if (!root || /^\s*#(?:include|define|ifn?def|endif|pragma|if|else|elif|undef|import|region|endregion)\b/.test(text)) return undefined;
  const command = text.slice(root[0].length);
  const accepted = options.inCode ? looksLikeCommand(command) : looksLikeBareCommand(command) || gluedRootCommand(text, command);
  return accepted ? { commandStart: root[0].length, prompted: true, repl: false } : undefined;
}

/**
 * `#ovs-vsctl list-br`: a root prompt glued to a command, as ops notebooks write it. Not a tag line (`#a #b`),
 * not a nested tag (`#devops/k8s notes`): the program has no slash and an argument looks like shell.
 */
function gluedRootCommand(text: string, command: string): boolean {
  if (/^\s*#\s/.test(text) || !looksLikeCommand(command)) return false;
  const [first, ...rest] = shellTokens(command);
  if (!first || first.includes('/') || rest.length === 0 || rest.some((token) => token.startsWith('#'))) return false;
  return first.includes('-') || rest.some((token) => /[-/.<>$=]/.test(token));
}

/** A line that continues the command above it (`\` at the end of the previous line). */
export function continuesCommand(previous: string): boolean {
  return /\\\s*$/.test(previous);
}
