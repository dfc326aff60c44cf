import { parse as parseYaml } from 'yaml';
import { normaliseTag } from './tags.js';

/** What a Markdown page declares about itself in its YAML front matter (Obsidian's properties). */
export interface FrontMatter {
  title: string | null;
  aliases: string[];
  tags: string[];
  date: string | null;
  /** Index of the first line after the front matter (0 when there is none). */
  bodyStart: number;
  /** Set when the block is there but is not valid YAML: it is skipped and the rest of the page still counts. */
  invalid: boolean;
}

const none: FrontMatter = { title: null, aliases: [], tags: [], date: null, bodyStart: 0, invalid: false };

/** Keys are matched case-insensitively, singular or plural (`tag`, `Tags`, `alias`). */
function field(record: Record<string, unknown>, ...names: string[]): unknown {
  const key = Object.keys(record).find((candidate) => names.includes(candidate.toLowerCase()));
  return key === undefined ? undefined : record[key];
}

/** A list written as a YAML list or as one string ("a, b"; tags also "a b"). */
function listOf(value: unknown, separator: RegExp): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' || typeof value === 'number' ? String(value).split(separator) : [];
  return items.filter((item) => typeof item === 'string' || typeof item === 'number').map((item) => String(item).trim()).filter(Boolean);
}

function dateOf(value: unknown): string | null {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '';
  return /^(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? null;
}

export function readFrontMatter(lines: readonly string[]): FrontMatter {
  if (lines[0]?.trim() !== '---') return none;
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close < 0) return none;
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, close).join('\n'));
  } catch {
    return { ...none, bodyStart: close + 1, invalid: true };
  }
  const record = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  const title = field(record, 'title');
  return {
    title: typeof title === 'string' && title.trim() !== '' ? title.trim() : null,
    aliases: [...new Set(listOf(field(record, 'aliases', 'alias'), /\s*,\s*/))],
    tags: [...new Set(listOf(field(record, 'tags', 'tag'), /[\s,]+/).map(normaliseTag).filter((tag): tag is string => tag !== undefined))],
    date: dateOf(field(record, 'date', 'created')),
    bodyStart: close + 1,
    invalid: false,
  };
}
