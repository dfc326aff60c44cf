import { fileStem, isGenericTitle } from './markdown/page-title.js';
import type { PageInfo, SourceDoc } from './types.js';
import type { WikiLink } from './wikilinks.js';

/**
 * The pages of a notes folder and how links find them. Resolution follows Obsidian: a path (`folder/Page`),
 * else the file name anywhere in the vault (case-insensitive; on a tie the page nearest the linking file), then
 * a front-matter `title` or alias. A link that finds no page is *unresolved* — Obsidian still draws it as a node.
 */
export interface VaultPage extends PageInfo {
  path: string;
}

export interface LinkTarget {
  /** The page the link reaches, if it exists in the folder. */
  page?: VaultPage;
  /** The name the link gives: the page's title, or the unresolved target as written. */
  name: string;
}

const key = (name: string) => name.normalize('NFKC').trim().toLowerCase();
const folderOf = (path: string) => path.split('/').slice(0, -1).join('/');
const withoutExtension = (path: string) => path.replace(/\.md$/i, '');

/** Joins `target` to the folder of `from` (`../x`, `./x`), or undefined when it climbs out of the vault. */
function relativeTo(from: string, target: string): string | undefined {
  const parts = [...(folderOf(from) ? folderOf(from).split('/') : [])];
  for (const part of target.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

export class PageIndex {
  readonly pages: VaultPage[];
  private readonly byPath = new Map<string, VaultPage>();
  private readonly byStem = new Map<string, VaultPage[]>();
  private readonly byName = new Map<string, VaultPage>();

  constructor(sources: readonly SourceDoc[]) {
    this.pages = sources.filter((source) => source.page).map((source) => ({ ...source.page!, path: source.path }));
    for (const page of this.pages) {
      this.byPath.set(key(withoutExtension(page.path)), page);
      const stem = key(fileStem(page.path));
      this.byStem.set(stem, [...(this.byStem.get(stem) ?? []), page]);
    }
    for (const page of this.pages) for (const name of [page.title, ...page.aliases]) if (!this.byName.has(key(name))) this.byName.set(key(name), page);
  }

  page(path: string): VaultPage | undefined {
    return this.byPath.get(key(withoutExtension(path)));
  }

  /** The page a link from `fromPath` reaches; undefined for links to files that are not pages (`[[paper.pdf]]`). */
  resolve(link: WikiLink, fromPath: string): LinkTarget | undefined {
    const target = link.target.replace(/^\/+/, '');
    if (/\.(?!md$)[A-Za-z0-9]{1,8}$/i.test(target) && !this.byStem.has(key(target))) return undefined;
    const relative = link.markdown ? relativeTo(fromPath, target) : undefined;
    const page =
      (relative !== undefined ? this.byPath.get(key(relative)) : undefined) ??
      this.byPath.get(key(target)) ??
      this.nearest(this.byStem.get(key(target.split('/').at(-1)!)) ?? [], fromPath) ??
      this.byName.get(key(target));
    if (page) return { page, name: page.title };
    const name = target.split('/').at(-1)!.trim();
    return name === '' ? undefined : { name };
  }

  /** Of several pages with one file name, the one whose folder shares the longest prefix with the linking file's. */
  private nearest(candidates: readonly VaultPage[], fromPath: string): VaultPage | undefined {
    if (candidates.length <= 1) return candidates[0];
    const from = folderOf(fromPath).split('/');
    const shared = (page: VaultPage) => {
      const folder = folderOf(page.path).split('/');
      let count = 0;
      while (count < folder.length && folder[count] === from[count]) count += 1;
      return count;
    };
    return [...candidates].sort((a, b) => shared(b) - shared(a) || a.path.length - b.path.length)[0];
  }
}

/**
 * Whether a page title or a link target can name a concept: not a date or a housekeeping page, and shaped like
 * a name rather than an article title — at most six words (sixteen characters of CJK), no question or
 * sentence end ("Why is Kafka fast?", "Clear the screen in psql and keep the scrollback").
 */
export function isConceptName(name: string): boolean {
  if (isGenericTitle(name) || !/\p{L}/u.test(name) || /[?？!！.。]$/.test(name.trim())) return false;
  const cjk = (name.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length;
  return name.trim().split(/\s+/).length <= 6 && cjk <= 16;
}
