/**
 * Obsidian-style links in note text: `[[Page]]`, `[[Page|shown text]]`, `[[Page#Heading]]`, `![[embed]]`.
 * Pure. A wikilink is a relation the author drew by hand: the pipeline turns a link from a note of page X to
 * page Y into (X)-[:LINKS_TO {evidence}]->(Y) (issue "Ingest 2", item 3).
 */
export interface WikiLink {
  /** The linked page's name as written (before `#` and `|`). */
  target: string;
  heading?: string;
  /** The text shown instead of the page name (`[[Page|text]]`). */
  alias?: string;
  embed: boolean;
  /** Offsets of the whole `[[…]]` (with `!` for embeds) in the note text, end exclusive. */
  start: number;
  end: number;
}

const wikiLink = /(!?)\[\[([^\][\n|#]+)(?:#([^\][\n|]*))?(?:\|([^\][\n]*))?\]\]/g;

export function findWikiLinks(text: string): WikiLink[] {
  const links: WikiLink[] = [];
  for (const match of text.matchAll(wikiLink)) {
    const target = match[2]!.trim();
    if (target === '') continue;
    links.push({
      target,
      ...(match[3]?.trim() ? { heading: match[3].trim() } : {}),
      ...(match[4]?.trim() ? { alias: match[4].trim() } : {}),
      embed: match[1] === '!',
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return links;
}
