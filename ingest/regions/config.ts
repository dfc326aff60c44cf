import { hasCjk, indentOf, isBlank, isProseLike, type Line, type LineBlock } from './lines.js';
import type { BlockDetector } from './output.js';

/**
 * Configuration pasted into notes: JSON, XML, INI (`[section]`, `key = value`), env files and YAML. The line
 * between config and prose is drawn by structure, not by the colon: "Note: this matters." is a sentence, and
 * `Keystone: 认证服务` over `Nova: 计算服务` is a definition list (its values are words), while `image: nginx:1.25`
 * under `containers:` is YAML (nested keys, values that are scalars).
 */

const maxJsonLines = 5000;

/** Index of the line where the brackets opened on `index` balance, skipping strings; undefined if they never do. */
function balancedEnd(lines: readonly Line[], index: number, free: (index: number) => boolean): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let row = index; row < lines.length && row < index + maxJsonLines && free(row); row += 1) {
    const text = lines[row]!.text;
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i]!;
      if (quote) {
        if (char === '\\') i += 1;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || (char === "'" && depth > 0)) quote = char;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        depth -= 1;
        if (depth === 0) return text.slice(i + 1).trim().replace(/^[,;]$/, '') === '' ? row : undefined;
      }
    }
    quote = undefined;
  }
  return undefined;
}

/** A JSON (or Python-dict) value that starts a line: `{` or `[{`, balanced, with quoted keys. */
export const jsonBlock: BlockDetector = (lines, index, free) => {
  const text = lines[index]!.text.trim();
  if (!/^(?:\{|\[\s*(?:\{|"|\d|$|\[))/.test(text) || text.startsWith('[[')) return undefined;
  const last = balancedEnd(lines, index, free);
  if (last === undefined) return undefined;
  const body = lines.slice(index, last + 1).map((line) => line.text).join('\n');
  if (!/["'][^"'\n]+["']\s*:/.test(body) && !isJson(body)) return undefined;
  return { first: index, last, label: 'json' };
};

function isJson(body: string): boolean {
  if (body.length > 1_000_000) return false;
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

// Tags that format prose in Markdown notes (<font>, <span>, <b>) are not XML configuration.
const inlineHtml = /^<\/?(?:font|span|b|i|u|a|em|strong|mark|sup|sub|small|big|br|kbd|code|del|s|ins|center|p|div|img|details|summary|blockquote|table|tr|td|th|thead|tbody|ul|ol|li|h[1-6]|hr|pre|iframe|video|audio|source|figure|figcaption|style|script)\b/i;
const tagLine = /^\s*<(?:\?xml|!--|!\[CDATA\[|\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>)/;

/** Text a line of markup carries outside its tags, as words: prose wrapped in tags is still prose. */
function proseInsideMarkup(text: string): boolean {
  const words = text.replace(/<[^>]*>/g, ' ').trim();
  return hasCjk(words) ? words.replace(/\s+/g, '').length >= 4 : words.split(/\s+/).filter((word) => /^\p{L}{2,}/u.test(word)).length >= 3;
}

/** XML: lines of tags (`<domain type='kvm'>`, `  <name>vm1</name>`), not HTML that formats prose. */
export const xmlBlock: BlockDetector = (lines, index, free) => {
  const text = lines[index]!.text;
  if (!tagLine.test(text) || inlineHtml.test(text.trim()) || proseInsideMarkup(text)) return undefined;
  let last = index;
  let tagLines = 1;
  while (free(last + 1) && !isBlank(lines[last + 1]!.text)) {
    const next = lines[last + 1]!.text;
    if (tagLine.test(next) && !proseInsideMarkup(next)) tagLines += 1;
    else if (isProseLike(next) || indentOf(next) === 0) break;
    last += 1;
  }
  const closes = lines.slice(index, last + 1).some((line) => /<\/|\/>|\?>/.test(line.text));
  if (!text.trim().startsWith('<?xml') && (tagLines < 2 || !closes)) return undefined;
  return { first: index, last, label: 'xml' };
};

const iniSection = /^\s*\[(?![\[\s])[^\]@\n]{1,60}\]\s*$/;
// `my_ip = 10.0.0.11`, `key=value`, and ceph.conf's spaced keys (`osd max attr size = 655360`, spaces around `=`);
// not `radosgw-admin bucket list --uid=37` (a command's flag) nor `type=float,` (a call's keyword argument).
const iniKey = /^\s*(?:[A-Za-z_][\w.\-$]*\s*=|[A-Za-z_][\w.\-$]*(?: [A-Za-z_][\w.\-$]*){1,6} =)\s*\S.*$/;
const codeValue = /[,({[]\s*$/;
const iniComment = /^\s*[;#]/;
const envLine = /^\s*(?:export\s+)?[A-Z_][A-Z0-9_]*=\S*\s*$/;

/** INI: a `[section]` with `key = value` lines under it (and following sections), or two `key = value` lines. */
// Module-level rather than closures of the detector: it runs on every free line, and creating closures there cost more than its tests.
function isIniKey(lines: readonly Line[], free: (row: number) => boolean, row: number): boolean {
  return free(row) && iniKey.test(lines[row]?.text ?? '') && !codeValue.test(lines[row]!.text) && !hasCjk(lines[row]!.text.split('=')[0] ?? '');
}

function isIniLine(lines: readonly Line[], free: (row: number) => boolean, row: number): boolean {
  return free(row) && (iniSection.test(lines[row]?.text ?? '') || isIniKey(lines, free, row) || iniComment.test(lines[row]?.text ?? ''));
}

export const iniBlock: BlockDetector = (lines, index, free) => {
  const text = lines[index]!.text;
  if (iniSection.test(text) && !/^\s*\[[ xX]\]/.test(text) && !/^\s*\[\d+\]/.test(text)) {
    if (!isIniKey(lines, free, index + 1) && !(iniComment.test(lines[index + 1]?.text ?? '') && isIniKey(lines, free, index + 2))) return undefined;
  } else if (!(isIniKey(lines, free, index) && isIniKey(lines, free, index + 1))) {
    return undefined;
  }
  let last = index;
  for (;;) {
    if (isIniLine(lines, free, last + 1)) last += 1;
    else if (isBlank(lines[last + 1]?.text ?? 'x') && free(last + 1) && iniSection.test(lines[last + 2]?.text ?? '') && isIniKey(lines, free, last + 3)) last += 2;
    else break;
  }
  return { first: index, last, label: 'ini' };
};

/** An env file: two or more `NAME=value` lines. */
export const envBlock: BlockDetector = (lines, index, free) => {
  if (!envLine.test(lines[index]!.text) || !free(index + 1) || !envLine.test(lines[index + 1]?.text ?? '')) return undefined;
  let last = index + 1;
  while (free(last + 1) && envLine.test(lines[last + 1]!.text)) last += 1;
  return { first: index, last, label: 'env' };
};

export { yamlBlock } from './yaml-shape.js';
export type { LineBlock };
