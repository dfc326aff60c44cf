import type { SecretLabel } from '../languages/redaction-rules.js';
import type { CompiledLabels, CompiledRules } from './rules.js';

/**
 * Where labels occur in a line. A Latin label counts only as whole parts of a key: `db_password`,
 * `ADMIN_TOKEN`, `X-Auth-Token`, `secretKey`, `$cfg['passwd']` — not `passport`, `bypass` or `keystone` — and
 * not when a later part says the key names something else (`secretName`, `token_type`, `password_file`).
 * A Han label counts anywhere: Chinese glues words together (`数据库密码`, `root密码`).
 */
export interface LabelHit {
  label: SecretLabel;
  /** Offsets in the line: where the label starts, and where the key it belongs to ends. */
  start: number;
  end: number;
}

const isLatinStart = (text: string) => /^[A-Za-z]/.test(text);
const alnum = /[A-Za-z0-9]/;

function groupIndex(match: RegExpExecArray): number {
  for (let group = 1; group < match.length; group += 1) if (match[group] !== undefined) return group - 1;
  return 0;
}

/** A label part starts after a non-alphanumeric character, or at a camel-case step (`dbPassword`). */
function startsPart(line: string, index: number): boolean {
  const before = line[index - 1];
  if (before === undefined || !alnum.test(before)) return true;
  return /[a-z0-9]/.test(before) && /[A-Z]/.test(line[index]!);
}

/** The rest of the key after the label (`_key`, `2`, `Name`), or undefined when the label runs on into a word. */
function keySuffix(line: string, end: number): string | undefined {
  const next = line[end];
  if (next !== undefined && /[a-z]/i.test(next) && !(/[a-z]/.test(line[end - 1]!) && /[A-Z]/.test(next))) return undefined;
  return /^[A-Za-z0-9_-]*/.exec(line.slice(end))![0];
}

function suffixParts(suffix: string): string[] {
  return suffix
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.toLowerCase());
}

export function findLabelHits(line: string, labels: CompiledLabels, rules: CompiledRules): LabelHit[] {
  const hits: LabelHit[] = [];
  // The compiled pattern is shared (global, so it carries lastIndex): redaction is synchronous, one line at a time.
  const pattern = labels.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    const start = match.index;
    const end = start + match[0].length;
    pattern.lastIndex = start + 1;
    if (match[0].length === 0) continue;
    const label = labels.labels[groupIndex(match)]!;
    if (!isLatinStart(match[0])) {
      hits.push({ label, start, end });
      pattern.lastIndex = end;
      continue;
    }
    if (!startsPart(line, start)) continue;
    const suffix = keySuffix(line, end);
    if (suffix === undefined || suffixParts(suffix).some((part) => rules.labelSuffixes.has(part))) continue;
    hits.push({ label, start, end: end + suffix.length });
    pattern.lastIndex = end + suffix.length;
  }
  return hits;
}
