import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractGraph } from '../ingest/extract-graph.js';
import { parseLexicon, type Lexicon } from '../ingest/lexicon.js';
import { readNoteFiles } from '../ingest/read-files.js';
import { toJsonExport } from '../ingest/report.js';
import type { ExtractedGraph, Note, RawFile } from '../ingest/types.js';

/** Fixtures written for these tests: an Obsidian vault and a plain Markdown folder (tests/fixtures/*). */
const vaultDir = path.join(import.meta.dirname, 'fixtures', 'vault');
const markdownDir = path.join(import.meta.dirname, 'fixtures', 'markdown-notes');

// A small lexicon of its own, so these tests do not move when the bundled lexicon does.
const lexicon: Lexicon = parseLexicon('test', 'concepts:\n  - { name: RabbitMQ, kind: project, aliases: [rabbitmq] }\n').lexicon;

async function extract(dir: string, extra: RawFile[] = []): Promise<ExtractedGraph> {
  const { files } = await readNoteFiles(dir, 20 * 1024 * 1024);
  return extractGraph({ files: [...files, ...extra], lexicon }).graph;
}

const notesOf = (graph: ExtractedGraph, file: string): Note[] => graph.notes.filter((note) => note.occurrences.some((place) => place.path === file));
const linksTo = (graph: ExtractedGraph) => graph.relations.filter((relation) => relation.type === 'LINKS_TO');
const spansOf = (graph: ExtractedGraph, note: Note, conceptId: string): string[] => {
  const spans = graph.mentions.find((mention) => mention.noteId === note.id && mention.conceptId === conceptId)?.spans ?? [];
  return spans.filter((_, index) => index % 2 === 0).map((start, index) => note.text.slice(start, spans[index * 2 + 1]));
};

describe('an Obsidian vault', () => {
  let graph: ExtractedGraph;
  beforeAll(async () => {
    graph = await extract(vaultDir);
  });

  it('turns a wikilink into a LINKS_TO edge between the two pages, with the sentence around it and the note holding it', () => {
    const [edge] = linksTo(graph).filter((relation) => relation.source === 'kafka' && relation.target === 'consumer-groups');
    expect(edge?.evidence).toBe('Consumers that share a group id split the partitions of a topic between them, see [[Consumer Groups]].');
    const holder = graph.notes.find((note) => note.id === edge?.noteId);
    expect(holder?.occurrences[0]?.path).toBe('Kafka.md');
    expect(holder?.text).toContain(edge!.evidence);
  });

  it('links from Chinese prose, from a "Tags:" list, through a shown text, and to a page that does not exist yet', () => {
    const pairs = linksTo(graph).map((relation) => `${relation.source}->${relation.target}`);
    expect(pairs).toEqual(expect.arrayContaining(['zookeeper->kafka', 'rabbitmq->kafka', 'consumer-groups->kafka', 'kafka->zookeeper', 'kafka->kraft']));
    // A Markdown link between two pages that are concepts is an edge too.
    expect(pairs).toContain('zookeeper->consumer-groups');
    expect(linksTo(graph).find((relation) => relation.source === 'zookeeper')?.evidence).toMatch(/^ZooKeeper 是一个分布式协调服务，早期的 \[\[Kafka\]\] 用它/);
  });

  it('folds front-matter aliases into the page concept, in English and Chinese', () => {
    const kafka = graph.concepts.find((concept) => concept.id === 'kafka');
    expect(kafka?.aliases).toEqual(expect.arrayContaining(['Apache Kafka', '卡夫卡']));
    expect(graph.concepts.filter((concept) => /kafka|卡夫卡/i.test(concept.name))).toHaveLength(1);
    expect(spansOf(graph, notesOf(graph, 'Consumer Groups.md')[0]!, 'kafka')).toEqual(expect.arrayContaining(['Kafka', 'Apache Kafka']));
    expect(spansOf(graph, notesOf(graph, 'Streams/RabbitMQ.md')[0]!, 'kafka')).toContain('卡夫卡');
    expect(spansOf(graph, notesOf(graph, 'ZooKeeper.md')[0]!, 'zookeeper')).toContain('zk');
  });

  it('folds a page into the lexicon concept it names', () => {
    expect(graph.concepts.find((concept) => concept.id === 'rabbitmq')?.kind).toBe('project');
  });

  it('titles notes by the file name, not by their first line ("Tags:")', () => {
    expect(notesOf(graph, 'Consumer Groups.md').map((note) => note.title)).toEqual(['Consumer Groups']);
    expect(notesOf(graph, 'Kafka.md').map((note) => note.title)).toEqual(['Kafka', 'Storage', 'Commands']);
    expect(graph.sources.find((source) => source.path === 'Consumer Groups.md')?.title).toBe('Consumer Groups');
    expect(graph.notes.some((note) => note.title === 'Tags')).toBe(false);
  });

  it('keeps each note at its true lines, after the front matter and around the dropped images', () => {
    expect(notesOf(graph, 'Kafka.md').map((note) => [note.lineStart, note.lineEnd])).toEqual([[5, 6], [8, 10], [15, 19]]);
  });

  it('drops data: images and image embeds from the stored text and the JSON export', () => {
    const json = JSON.stringify(toJsonExport(graph));
    for (const needle of ['data:image', 'base64', 'iVBORw0KGgo', 'kafka-brokers.png', 'broker layout']) expect(json).not.toContain(needle);
    expect(graph.notes.some((note) => note.text.includes('!['))).toBe(false);
  });

  it('tags notes from the front matter, "Tags:" lists and inline #tags, and exports the tags', () => {
    expect(notesOf(graph, 'Kafka.md').every((note) => note.tags.includes('messaging') && note.tags.includes('streaming/logs'))).toBe(true);
    expect(notesOf(graph, 'Consumer Groups.md')[0]?.tags).toEqual(expect.arrayContaining(['kafka', 'messaging/consumers']));
    expect(notesOf(graph, 'ZooKeeper.md')[0]?.tags).toEqual(['协调服务']);
    expect(notesOf(graph, 'Daily/2024-03-18.md')[0]?.tags).toEqual(['reading']);
    const exported = toJsonExport(graph).notes.find((note) => note.source === 'Consumer Groups.md');
    expect(exported?.tags).toEqual(expect.arrayContaining(['kafka', 'messaging/consumers']));
  });

  it('makes no note of a file whose only content is tags, and says so', () => {
    expect(notesOf(graph, 'Tags/messaging.md')).toEqual([]);
    expect(graph.diagnostics).toContainEqual(expect.objectContaining({ file: 'Tags/messaging.md', stage: 'split', message: 'only tags, no text: not a note' }));
  });

  it("makes no note of the notes folder's README", () => {
    expect(notesOf(graph, 'README.md')).toEqual([]);
    expect(graph.sources.map((source) => source.path)).toContain('README.md');
  });

  it('makes no concept of a page titled by a date or "Untitled", though their links still mention their targets', () => {
    expect(graph.concepts.map((concept) => concept.id)).not.toEqual(expect.arrayContaining(['2024-03-18']));
    expect(graph.concepts.some((concept) => /untitled|2024/i.test(concept.name))).toBe(false);
    const daily = notesOf(graph, 'Daily/2024-03-18.md')[0]!;
    expect(daily).toMatchObject({ title: '2024-03-18', date: '2024-03-18' });
    expect(spansOf(graph, daily, 'kafka')).toEqual(['Kafka']);
    expect(linksTo(graph).some((relation) => relation.noteId === daily.id)).toBe(false);
    expect(graph.concepts.some((concept) => concept.name === 'Exactly-once delivery')).toBe(true);
  });

  it('reads no link in code: a bash test in a fence links nowhere', () => {
    expect(graph.concepts.some((concept) => concept.name.includes('server.properties'))).toBe(false);
    expect(linksTo(graph).every((relation) => !relation.evidence.includes('-f server.properties'))).toBe(true);
  });

  it('gives the notes of a page a mention of its concept even where the title is not in their text', () => {
    const storage = notesOf(graph, 'Kafka.md')[1]!;
    expect(graph.mentions.find((mention) => mention.noteId === storage.id && mention.conceptId === 'kafka')).toMatchObject({ count: 1, spans: [] });
  });

  it('ingests a page with pasted screenshots of hundreds of KB completely, and keeps none of their bytes', () => {
    const shot = () => randomBytes(300_000).toString('base64');
    const text = `# Broker dashboard\n\nThe dashboard after the upgrade, see [[Kafka]]:\n\n![dashboard](data:image/png;base64,${shot()})\n\n<img src="data:image/jpeg;base64,${shot()}" width="600">\n\n## Afterwards\nEvery broker reports in again.\n`;
    const withShots = extractGraph({ files: [{ path: 'Broker dashboard.md', bytes: Buffer.from(text) }], lexicon }).graph;
    expect(withShots.notes.map((note) => [note.title, note.lineStart, note.lineEnd])).toEqual([
      ['Broker dashboard', 1, 3],
      ['Afterwards', 9, 10],
    ]);
    expect(withShots.notes.every((note) => note.text.length < 200)).toBe(true);
    expect(JSON.stringify(toJsonExport(withShots))).not.toContain('base64');
  });
});

describe('a plain Markdown folder', () => {
  let graph: ExtractedGraph;
  beforeAll(async () => {
    graph = await extract(markdownDir);
  });

  it('titles pages by file name, spelled as their first heading when it says the same', () => {
    expect(graph.notes.map((note) => [note.occurrences[0]?.path, note.title]).sort()).toEqual([
      ['postgres/README.md', 'Postgres'],
      ['postgres/use-explain-analyze.md', 'Use EXPLAIN ANALYZE'],
      ['rust/borrowing.md', 'Borrowing'],
      ['rust/ownership.md', 'Ownership'],
    ]);
  });

  it("skips the folder's own README but keeps a README in a sub-folder", () => {
    expect(notesOf(graph, 'README.md')).toEqual([]);
    expect(notesOf(graph, 'postgres/README.md')).toHaveLength(1);
  });

  it('makes no concept of pages that Markdown links only cross-reference, like articles', () => {
    expect(linksTo(graph)).toEqual([]);
    // No page is a concept: no concept is named by an article title, and every mention is a place in the text
    // (a page concept would give each of its notes a mention without one). A term the text uses is a concept
    // in its own right: `EXPLAIN ANALYZE`, written in backticks, in the heading and in the code.
    const titles = graph.sources.map((source) => source.title.toLowerCase());
    expect(graph.concepts.filter((concept) => titles.includes(concept.name.toLowerCase()))).toEqual([]);
    expect(graph.mentions.filter((mention) => mention.spans.length === 0)).toEqual([]);
  });
});
