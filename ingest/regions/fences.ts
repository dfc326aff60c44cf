import type { Line } from './lines.js';

/** A fenced block: the fence lines and the body between them (an unclosed fence runs to the end of the text). */
export interface Fence {
  open: number;
  /** Index of the closing fence line; undefined when the fence is never closed. */
  close: number | undefined;
  /** Lowercased first word of the info string (```` ```Bash title="x" ```` → "bash"); '' when there is none. */
  label: string;
  /** `</pre>` ended the last line of code (`close`): that line is the last of the body, only the tag is markup. */
  closeInline?: boolean;
}

const fenceOpen = /^[ \t]*(`{3,}|~{3,})[ \t]*\{?\.?([^\s`{}]*)[^\n]*$/;
// HTML preformatted blocks, as blog exports and many Chinese notes write code: `<pre>` and `</pre>` on lines of their own.
const preOpen = /^[ \t]*<pre(?:\s[^>]*)?>[ \t]*$/i;
// The closing tag may end the last line of code (`ping host</pre>`).
const preClose = /<\/pre>[ \t]*$/i;

/** Fenced blocks: ``` and ~~~ fences (Markdown), and `<pre>` … `</pre>` blocks (HTML, unlabelled). */
export function findFences(lines: readonly Line[]): Fence[] {
  const fences: Fence[] = [];
  let open: { index: number; marker: string; label: string } | undefined;
  lines.forEach((line, index) => {
    if (open?.marker === '<pre>') {
      if (preClose.test(line.text)) {
        // `code</pre>`: the line is code and closes the block; the fence has no line of its own.
        const own = /^[ \t]*<\/pre>[ \t]*$/i.test(line.text);
        fences.push(own ? { open: open.index, close: index, label: '' } : { open: open.index, close: index, label: '', closeInline: true });
        open = undefined;
      }
      return;
    }
    if (!open) {
      if (preOpen.test(line.text)) {
        open = { index, marker: '<pre>', label: '' };
        return;
      }
      const match = fenceOpen.exec(line.text);
      // A backtick fence's info string may not contain backticks (```` ```a` ```` is inline code).
      if (match && !(match[1]!.startsWith('`') && line.text.trim().slice(match[1]!.length).includes('`'))) {
        open = { index, marker: match[1]!, label: match[2]!.toLowerCase() };
      }
      return;
    }
    const trimmed = line.text.trim();
    if (trimmed.startsWith(open.marker) && /^(`+|~+)$/.test(trimmed) && trimmed[0] === open.marker[0]) {
      fences.push({ open: open.index, close: index, label: open.label });
      open = undefined;
    }
  });
  if (open) fences.push({ open: open.index, close: undefined, label: open.label });
  return fences;
}

/** How a fence label classifies its body. Labels are file formats and languages, not words of a language. */
const configLabels = new Set(['yaml', 'yml', 'json', 'jsonc', 'json5', 'toml', 'ini', 'cfg', 'conf', 'config', 'properties', 'env', 'dotenv', 'xml', 'plist', 'hcl', 'tf', 'nginx', 'apache', 'apacheconf', 'systemd', 'csv', 'tsv']);
const outputLabels = new Set(['output', 'log', 'logs', 'stdout', 'stderr', 'out', 'result', 'results']);
/** Shell scripts: every line is a command, `#` starts a comment. */
export const scriptLabels = new Set(['bash', 'sh', 'shell', 'zsh', 'fish', 'ksh', 'powershell', 'ps1', 'pwsh', 'ps', 'cmd', 'bat', 'batch', 'dockerfile']);
/** Terminal transcripts (and blocks with no label): `# ` may be a root prompt there rather than a comment. */
export const terminalLabels = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'console', 'terminal', 'shell-session', 'sh-session', 'session', 'term']);
/** Bodies worth looking into for prompts, commands, output tables and logs. */
const sessionLabels = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'console', 'terminal', 'shell-session', 'sh-session', 'session', 'term', 'pycon', 'python', 'py', 'sql', 'mysql', 'psql', 'postgresql', 'redis']);

export type FenceKind = 'code' | 'config' | 'output';

export function fenceKind(label: string): FenceKind {
  if (configLabels.has(label)) return 'config';
  if (outputLabels.has(label)) return 'output';
  return 'code';
}

/** True when the body of a fence with this label may hold prompts, command lines, output tables or logs. */
export function inspectsBody(label: string): boolean {
  return scriptLabels.has(label) || sessionLabels.has(label) || outputLabels.has(label);
}
