import { readFrontMatter } from '../markdown/front-matter.js';
import { dateFromTitle, fileStem, isGenericTitle, pageTitle } from '../markdown/page-title.js';
import { findInlineTags, isTagHeading, readTagLines, tagContext } from '../markdown/tags.js';
import { indexRegions, type RegionIndex } from '../regions/region-index.js';
import { markRegions, type TextRegion } from '../regions.js';
import { findFences } from '../regions/fences.js';
import { setextHeading } from '../regions/headings.js';
import { indexLines } from '../regions/lines.js';
import type { Diagnostic, NoteDraft, PageInfo } from '../types.js';
import { findWikiLinks } from '../wikilinks.js';
import { firstMeaningfulTitle, trimRange } from './lines.js';

interface Section {
  /** Line index of the heading (or the first body line when the section has no heading). */
  start: number;
  end: number;
  heading?: string;
}

/** Heading text without its markup: `## **Setup** #` → "Setup", `[[Raft|consensus]]` → "consensus", `<font>` tags gone. */
export function headingText(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, '$2')
    .replace(/\[\[([^\]#|]+)(?:#[^\]]*)?\]\]/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .trim();
}

// In a Markdown file `# x` outside a fence is a heading whatever follows (that is how every viewer shows it);
// regions, which know no format, may still read `# yum install -y x` in a note's text as a root prompt.
const atxLine = /^ {0,3}#{1,6}[ \t]+\S/;

/** Heading lines outside fenced code, after the front matter: ATX and setext. */
function sections(lines: readonly string[], bodyStart: number): Section[] {
  const indexed = indexLines(lines.join('\n'));
  const fenced = new Uint8Array(lines.length);
  for (const fence of findFences(indexed)) fenced.fill(1, fence.open, (fence.close ?? lines.length - 1) + 1);
  const free = (row: number) => row >= bodyStart && row < lines.length && fenced[row] === 0;
  const starts: Section[] = [{ start: bodyStart, end: lines.length - 1 }];
  for (let row = bodyStart; row < lines.length; row += 1) {
    if (!free(row)) continue;
    const heading = atxLine.test(lines[row]!) ? { last: row } : setextHeading(indexed, row, free);
    if (!heading) continue;
    const section = { start: row, end: lines.length - 1, heading: headingText(lines[row]!) };
    if (row === bodyStart) starts[0] = section;
    else starts.push(section);
    row = heading.last;
  }
  return starts.map((section, position) => ({ ...section, end: (starts[position + 1]?.start ?? lines.length) - 1 }));
}

/** Lines of a section after its heading line(s). */
function bodyStart(lines: readonly string[], section: Section): number {
  if (section.heading === undefined) return section.start;
  const setext = /^\s*(?:=+|-{2,})\s*$/.test(lines[section.start + 1] ?? '') && !/^\s*#/.test(lines[section.start]!);
  return section.start + (setext ? 2 : 1);
}

function bodyOf(lines: readonly string[], section: Section): string[] {
  return lines.slice(bodyStart(lines, section), section.end + 1);
}

/**
 * The title of a note on a page whose title names no subject: a daily note keeps its date; a README, Index or
 * Untitled page is titled by its first line that says something (links shown as their names, tags left out).
 */
function fallbackTitle(pageTitle: string, text: readonly string[]): string {
  if (dateFromTitle(pageTitle)) return pageTitle;
  const lines = text.filter((line) => readTagLines([line]).tags.length === 0).map((line) => headingText(line).replace(/(?<=^|\s)#[\p{L}\p{N}_/-]+/gu, '').trim());
  return firstMeaningfulTitle(lines) || pageTitle;
}

interface KeptSection {
  section: Section;
  text: string[];
  range: { start: number; end: number };
  /** The note begins at the top of the page (a "Tags:" list of links joined it): it is titled by the page. */
  opensPage: boolean;
}

/**
 * The regions of the whole page, computed once and only when asked (most sections have no tag line): every
 * section and note of the page reads them through its own offset.
 */
class PageRegions {
  private index: RegionIndex | undefined;
  private readonly lineStarts: number[] = [];

  constructor(
    private readonly lines: readonly string[],
    private readonly regionsOf: (text: string) => TextRegion[],
  ) {
    let at = 0;
    for (const line of lines) {
      this.lineStarts.push(at);
      at += line.length + 1;
    }
  }

  /** The regions of the text that starts at line `row` (its lines joined with newlines, as the page's are). */
  from(row: number): RegionIndex {
    const base = this.lineStarts[row] ?? 0;
    return { inside: (start, end, kinds) => (this.index ??= indexRegions(this.regionsOf(this.lines.join('\n')))).inside(start + base, end + base, kinds) };
  }

  /** Whether line `row` is inside code or output. */
  lineInCode(row: number): boolean {
    const start = this.lineStarts[row]!;
    return this.from(0).inside(start, Math.max(start, start + this.lines[row]!.length), tagContext);
  }
}

/** Tags of a section's body lines, outside code; under a "## Tags" heading the list reads as after a "Tags:" label. */
function sectionTags(section: Section, bodyLines: readonly string[], firstRow: number, regions: PageRegions): { tags: string[]; onlyTags: boolean; links: boolean } {
  const bodyText = bodyLines.join('\n');
  const inCode = (row: number) => regions.lineInCode(firstRow + row);
  const read = isTagHeading(section.heading) ? readTagLines(['Tags:', ...bodyLines], (row) => row > 0 && inCode(row - 1)) : readTagLines(bodyLines, inCode);
  return { ...read, links: findWikiLinks(bodyText).length > 0 };
}

/**
 * The sections that become notes. A heading over nothing introduces the next section, and so does a "Tags:"
 * list of [[links]] at the top of a page: its links are edges the author drew, so they join the next note.
 * Sections of tags alone only tag the page.
 */
function keptSections(lines: readonly string[], found: readonly Section[], regions: PageRegions): { kept: KeptSection[]; tags: string[] } {
  const tags: string[] = [];
  const kept: KeptSection[] = [];
  let pendingStart: number | undefined;
  let opensPage = false;
  for (const section of found) {
    const body = sectionTags(section, bodyOf(lines, section), bodyStart(lines, section), regions);
    tags.push(...body.tags);
    if (body.onlyTags) {
      const introduces = section.heading !== undefined ? body.tags.length === 0 : body.links;
      if (introduces && pendingStart === undefined) {
        pendingStart = section.start;
        opensPage = section.heading === undefined;
      }
      continue;
    }
    const range = trimRange(lines, pendingStart ?? section.start, section.end);
    if (range) kept.push({ section, text: lines.slice(range.start, range.end + 1), range, opensPage });
    pendingStart = undefined;
    opensPage = false;
  }
  return { kept, tags };
}

export interface MarkdownSplit {
  notes: NoteDraft[];
  page: PageInfo;
}

/**
 * Markdown pages (plain Markdown or an Obsidian vault): one note per heading section, each with its true line
 * range. The page's title is its file name (or front-matter `title`); its aliases and tags come from the front
 * matter, and tags also from "Tags:" lines and `#tags`. A section whose only content is tags is not a note
 * (its tags go to the page); a heading with no text under it joins the section that follows it.
 */
export function splitMarkdown(sourcePath: string, lines: string[], diagnostics: Diagnostic[], regionsOf: (text: string) => TextRegion[] = markRegions): MarkdownSplit {
  const front = readFrontMatter(lines);
  if (front.invalid) diagnostics.push({ file: sourcePath, stage: 'split', line: 1, message: 'front matter is not valid YAML: ignored' });
  const found = sections(lines, front.bodyStart);
  const title = pageTitle(sourcePath, front.title, found[0]?.start === front.bodyStart ? found[0]?.heading : undefined);
  const generic = isGenericTitle(title);
  const regions = new PageRegions(lines, regionsOf);
  const { kept, tags } = keptSections(lines, found, regions);
  const pageTags = new Set([...front.tags, ...tags]);
  const date = front.date ?? dateFromTitle(fileStem(sourcePath));
  const notes = kept.map(({ section, text, range, opensPage }): NoteDraft => {
    const body = text.join('\n');
    return {
      sourcePath,
      title: (!opensPage && section.heading) || (generic ? fallbackTitle(title, text) : title),
      text: body,
      lineStart: range.start + 1,
      lineEnd: range.end + 1,
      date,
      url: null,
      tags: [...new Set([...pageTags, ...findInlineTags(body, regions.from(range.start)).map((tag) => tag.tag)])],
    };
  });
  return { notes, page: { title, aliases: front.aliases.filter((alias) => alias !== title), tags: [...pageTags], generic } };
}
