import { slugify } from '../hash.js';

/**
 * The title of a Markdown page and whether it names a thing. Obsidian's rule: a page is called by its file name
 * (`Kafka Streams.md` → "Kafka Streams"), unless its front matter gives a `title`. A file name whose first
 * heading spells the same words (`use-explain-analyze.md` under `# Use EXPLAIN ANALYZE`, `borrowing.md` under
 * `# Borrowing`) takes the heading's spelling. An ordering number in front (`06-replication.md` under
 * `# 6. Replication`) is no part of the title: "Replication".
 */
export function fileStem(filePath: string): string {
  const name = filePath.split('/').at(-1) ?? filePath;
  return name.replace(/\.(?:md|markdown|txt)$/i, '');
}

// An ordering number in front of a title ("06-replication", "6. Replication", "12_stream-processing"): it sorts the
// files, it is not part of the name. A date is not one ("2024-03-18" keeps its year).
const ordinal = /^\d{1,3}(?:\.\d{1,2})*[.)]?[-_\s.]+(?=\p{L})/u;
const withoutOrdinal = (title: string) => title.replace(ordinal, '');

export function pageTitle(filePath: string, frontTitle: string | null, firstHeading: string | undefined): string {
  if (frontTitle) return frontTitle;
  const stem = withoutOrdinal(fileStem(filePath));
  const heading = firstHeading === undefined ? undefined : withoutOrdinal(firstHeading);
  if (heading && slugify(stem) === slugify(heading)) return heading;
  return stem;
}

/**
 * Titles that name the page's role or its day, not a subject: housekeeping names (README, Index, Untitled,
 * Tags, Home, Inbox, Todo, Templates…), dates and times (daily notes, `Drawing 2024-05-26 09.22.05`), bare
 * numbers. A page with such a title is not a concept. The list is file-system vocabulary of note tools, the
 * same in every language a vault is written in; Chinese equivalents are listed alongside.
 */
const housekeeping = new Set([
  'readme', 'index', 'untitled', 'tags', 'tag', 'home', 'inbox', 'todo', 'todos', 'to do', 'notes', 'note', 'draft', 'drafts',
  'scratch', 'scratchpad', 'template', 'templates', 'dashboard', 'welcome', 'start here', 'moc', 'archive', 'attachments',
  'daily', 'journal', 'log', 'changelog', 'license', 'contributing', 'summary', 'overview', 'misc', 'temp', 'tmp',
  '未命名', '无标题', '索引', '目录', '标签', '草稿', '待办', '日记', '笔记', '首页', '说明',
]);
const dateLike = /\d{4}[-_./年]\d{1,2}(?:[-_./月]\d{1,2})?|\d{1,2}[-_./]\d{1,2}[-_./]\d{4}/;
const timeLike = /\d{1,2}[:.]\d{2}(?:[:.]\d{2})?/g;

export function isGenericTitle(title: string): boolean {
  const lower = title.trim().toLowerCase();
  const plain = lower.replace(/[\s_-]+\d+$/, '').replace(/[\s_-]+/g, ' ').trim();
  if (plain === '' || housekeeping.has(plain) || /^[\p{N}\p{P}\s]+$/u.test(plain)) return true;
  // A date with at most two words around it ("Drawing 2024-05-26 09.22.05", "2024-01-05 Friday") is a day's page.
  if (!dateLike.test(lower)) return false;
  const rest = lower.replace(new RegExp(dateLike.source, 'g'), ' ').replace(timeLike, ' ').replace(/[\p{N}\p{P}\s]+/gu, ' ').trim();
  return rest.split(' ').filter(Boolean).length <= 2;
}

/** The day a daily note is about, from its title (`2024-01-05`, `2024-01-05 Friday`). */
export function dateFromTitle(title: string): string | null {
  const match = /(\d{4})[-_.](\d{2})[-_.](\d{2})/.exec(title);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
