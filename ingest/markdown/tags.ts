import { indexRegions, type RegionIndex } from '../regions/region-index.js';
import { markRegions, nonProseKinds, type RegionKind } from '../regions.js';

/**
 * Tags of Markdown pages, Obsidian's way: inline `#tag` and `#nested/tag` (letters, digits, `_`, `-`, `/`, at
 * least one non-digit), at the start of a line or after whitespace — so not a heading (`# Title`), not a URL
 * fragment (`page#part`), not an issue number (`#123`), not a colour (`#ff0`), not a C directive (`#include`),
 * and never inside code or output. Tags are case-insensitive: they are stored lower-cased.
 * A "Tags:" line (`Tags: [[Python]], #web`, `tags:: a, b`, or the label over a list) tags its page too.
 */

const inlineTag = /(?<=^|\s)#([\p{L}\p{N}_/-]+)/gu;
const directive = /^(?:include|define|ifn?def|endif|pragma|if|else|elif|undef|import|region|endregion|error|warning|line)$/;
const colour = /^(?=.*\d)(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const tagLabel = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:tags?|标签|標籤)(?:\*\*|__)?\s*(?:::|[:：])(?:\*\*|__)?\s*(.*)$/i;
const wikiTarget = /\[\[([^\]|#\n]+)(?:[#|][^\]\n]*)?\]\]/g;
const listItem = /^\s*[-*+]\s+(.*)$/;
// Lines that carry nothing: rules, empty list items (an unfilled template).
const contentFree = /^\s*(?:(?:[-*_]\s*){3,}|[-*+]|\d+[.)])?\s*$/;
export const tagContext: readonly RegionKind[] = [...nonProseKinds, 'inline-code'];

/** `#Web/Frontend ` → "web/frontend"; undefined for what is not a tag name. */
export function normaliseTag(raw: string): string | undefined {
  const tag = raw.trim().replace(/^#+/, '').replace(/\/+$/, '').trim().toLowerCase();
  if (tag === '' || /^[\p{N}\p{P}\s]+$/u.test(tag)) return undefined;
  return tag;
}

export interface InlineTag {
  tag: string;
  start: number;
  end: number;
}

/** The inline `#tags` of a text, outside code and output (`regions`: the text's regions, if already computed). */
export function findInlineTags(text: string, given?: RegionIndex): InlineTag[] {
  if (!text.includes('#')) return [];
  const tags: InlineTag[] = [];
  // Regions cost more than the whole scan: computed only once a candidate tag needs them.
  let regions = given;
  for (const match of text.matchAll(inlineTag)) {
    const name = match[1]!;
    const atLineStart = match.index === 0 || text[match.index - 1] === '\n';
    if (!/[^\p{N}]/u.test(name) || colour.test(name) || (atLineStart && directive.test(name))) continue;
    regions ??= indexRegions(markRegions(text));
    if (regions.inside(match.index, match.index + match[0].length, tagContext)) continue;
    const tag = normaliseTag(name);
    if (tag) tags.push({ tag, start: match.index, end: match.index + match[0].length });
  }
  return tags;
}

/** Tag names in the value of a "Tags:" label or a list item under it: wikilinks, `#tags`, or listed words. */
function valueTags(value: string): string[] {
  const links = [...value.matchAll(wikiTarget)].map((match) => match[1]!);
  // In a tag list any separator may precede a tag (`[[数据库]]、#存储`).
  const hashes = [...value.matchAll(/#([\p{L}\p{N}_/-]+)/gu)].map((match) => match[1]!);
  const words = links.length + hashes.length > 0 ? [] : value.split(/[,，、;；]/).filter((word) => word.trim().split(/\s+/).length <= 4);
  return [...links, ...hashes, ...words].map(normaliseTag).filter((tag): tag is string => tag !== undefined);
}

/** A line made only of inline tags (`#rust #async`). */
function onlyInlineTags(text: string): string[] | undefined {
  // The first token must be a tag: a line that does not open with `#` is ruled out before it is split.
  if (!/^[\s,，]*#/.test(text)) return undefined;
  const tokens = text.trim().split(/[\s,，]+/).filter(Boolean);
  if (tokens.length === 0 || !tokens.every((token) => /^#[\p{L}\p{N}_/-]*[^\p{N}\s][\p{L}\p{N}_/-]*$/u.test(token))) return undefined;
  const tags = tokens.map(normaliseTag).filter((tag): tag is string => tag !== undefined);
  return tags.length > 0 ? tags : undefined;
}

export interface TagBlock {
  tags: string[];
  /** Last line index of the block (a label over a list spans the list). */
  last: number;
}

/** The tags stated on line `index`: a line of `#tags`, or a "Tags:" label with its value or the list under it. */
export function tagBlockAt(lines: readonly string[], index: number): TagBlock | undefined {
  const text = lines[index]!;
  const inline = onlyInlineTags(text);
  if (inline) return { tags: inline, last: index };
  const label = tagLabel.exec(text);
  if (!label) return undefined;
  if (label[1]!.trim() !== '') return { tags: valueTags(label[1]!), last: index };
  let last = index;
  const tags: string[] = [];
  while (index < lines.length - 1) {
    const item = listItem.exec(lines[last + 1] ?? '');
    if (!item && !/^\s*[-*+]\s*$/.test(lines[last + 1] ?? '')) break;
    tags.push(...valueTags(item?.[1] ?? ''));
    last += 1;
  }
  return { tags, last };
}

/** A heading that labels a tag list (`## Tags`, `### 标签`). */
export function isTagHeading(heading: string | undefined): boolean {
  return heading !== undefined && tagLabel.test(`${heading}:`);
}

/** True for a line that says nothing: blank, a rule, an empty list item. */
export function isContentFree(text: string): boolean {
  return contentFree.test(text);
}

/**
 * Reads the tag lines among `lines`: the tags they state and whether anything else is there. A file or a
 * section whose only content is tags (and rules, blank lines, empty template items) is not a note.
 */
export function readTagLines(lines: readonly string[], inCode: (index: number) => boolean = () => false): { tags: string[]; onlyTags: boolean } {
  const tags: string[] = [];
  let onlyTags = true;
  for (let index = 0; index < lines.length; index += 1) {
    // Whether the line is in code is asked only of lines that read as tags: it needs the text's regions.
    const found = tagBlockAt(lines, index);
    const block = found && !inCode(index) ? found : undefined;
    if (block) {
      tags.push(...block.tags);
      index = block.last;
    } else if (!isContentFree(lines[index]!)) {
      onlyTags = false;
    }
  }
  return { tags: [...new Set(tags)], onlyTags };
}
