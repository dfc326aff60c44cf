/**
 * Links between pages in note text: Obsidian's `[[Page]]`, `[[Page|shown text]]`, `[[Page#Heading]]`,
 * `![[embed]]`, and Markdown links to a local page (`[text](Other%20Page.md)`). Pure. A link is a relation the
 * author drew by hand: the pipeline turns a link from a note of page X to page Y into
 * (X)-[:LINKS_TO {evidence}]->(Y) (issue "Ingest 2", item 3).
 */
import { indexRegions, type RegionIndex } from './regions/region-index.js';
import { markRegions, nonProseKinds, type RegionKind } from './regions.js';

export interface WikiLink {
  /** The linked page's name or path as written (before `#` and `|`), `.md` and URL escapes removed. */
  target: string;
  heading?: string;
  /** The text shown instead of the page name (`[[Page|text]]`, `[text](page.md)`). */
  alias?: string;
  embed: boolean;
  /** A Markdown link (`[text](page.md)`): its target is a path relative to the linking file. */
  markdown?: boolean;
  /** Offsets of the whole link (with `!` for embeds) in the note text, end exclusive. */
  start: number;
  end: number;
  /** Offsets of what a reader sees as the link: the shown text, else the page name. */
  nameStart: number;
  nameEnd: number;
}

const wikiLink = /(!?)\[\[([^\][\n|#]+)(?:#([^\][\n|]*))?(?:\\?\|([^\][\n]*))?\]\]/g;

export function findWikiLinks(text: string): WikiLink[] {
  const links: WikiLink[] = [];
  for (const match of text.matchAll(wikiLink)) {
    // Inside a table the pipe is escaped: `[[Page\|text]]`.
    const target = match[2]!.replace(/\\$/, '').trim();
    if (target === '') continue;
    const bodyStart = match.index + match[1]!.length + 2;
    const alias = match[4]?.trim();
    const nameStart = alias ? match.index + match[0].length - 2 - match[4]!.length + (match[4]!.length - match[4]!.trimStart().length) : bodyStart + (match[2]!.length - match[2]!.trimStart().length);
    links.push({
      target,
      ...(match[3]?.trim() ? { heading: match[3].trim() } : {}),
      ...(alias ? { alias } : {}),
      embed: match[1] === '!',
      start: match.index,
      end: match.index + match[0].length,
      nameStart,
      nameEnd: nameStart + (alias ?? target).length,
    });
  }
  return links;
}

// [text](target.md) or [text](<target with spaces.md>), optionally #heading; no scheme, so not a web page.
const markdownLink = /(?<!!)\[([^\]\n]+)\]\((?:<([^>\n]+?\.md)(?:#[^>\n]*)?>|((?![a-z][\w+.-]*:)[^)\s]+?\.md)(?:#[^)\s]*)?)(?:\s+"[^"\n]*")?\)/gi;

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Markdown links to a local `.md` page. */
export function findMarkdownPageLinks(text: string): WikiLink[] {
  if (!text.includes('.md')) return [];
  return [...text.matchAll(markdownLink)].map((match) => ({
    target: decode(match[2] ?? match[3]!).replace(/\.md$/i, ''),
    alias: match[1]!,
    embed: false,
    markdown: true,
    start: match.index,
    end: match.index + match[0].length,
    nameStart: match.index + 1,
    nameEnd: match.index + 1 + match[1]!.length,
  }));
}

const codeKinds: readonly RegionKind[] = [...nonProseKinds, 'inline-code'];

/** Every page link of a note that is not inside code or output (`if [[ -f x ]]` in a shell block is no link); `given`: the text's regions, if already computed. */
export function findPageLinks(text: string, given?: RegionIndex): WikiLink[] {
  if (!text.includes('[[') && !text.includes('.md')) return [];
  const regions = given ?? indexRegions(markRegions(text));
  return [...findWikiLinks(text), ...findMarkdownPageLinks(text)]
    // Either bracket inside code is enough: "`[[` and `]]` are motions" holds no link.
    .filter((link) => !regions.inside(link.start, link.start + 1, codeKinds) && !regions.inside(link.end - 1, link.end, codeKinds) && !link.target.includes('`'))
    .sort((a, b) => a.start - b.start);
}
