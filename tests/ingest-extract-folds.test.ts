import { describe, expect, it } from 'vitest';
import { graphOf } from './ingest-extract-helpers.js';

/**
 * Discovery on real-sized notes (round 3): names written in two shapes fold by shape alone, boilerplate counts
 * once, Markdown tables are prose, general vocabulary and title case make no concepts. Notes written for these tests.
 */
const conceptsOf = (files: Record<string, string>) => graphOf(files).concepts;
const nodesFor = (files: Record<string, string>, spelling: string) =>
  conceptsOf(files).filter((concept) => [concept.name, ...concept.aliases].some((alias) => alias.toLowerCase() === spelling.toLowerCase()));

describe('folding the shapes of one name without a lexicon', () => {
  it.each([
    ['a tool prefix', 'ceph-osd', 'OSD', ['Ceph 集群里每个 OSD 守护进程管理一块磁盘。', 'ceph-osd 进程崩溃以后，Ceph 把这个 OSD 标记为 down。', '给 Ceph 扩容时先部署新的 OSD，再看 ceph-osd 的日志。']],
    ['an acronym of a phrase', 'placement group', 'PG', ['A placement group maps objects to OSDs.', 'Each pool holds many PG copies; a PG is the unit of recovery.', 'Too few placement group slots make a PG hold too much data.']],
    ['an acronym with a capital inside a word', 'Open vSwitch', 'OVS', ['Open vSwitch runs on every compute node, and OVS bridges carry the tenant traffic.', 'We debug OVS flows with the bridge tools that ship with Open vSwitch.', 'Upgrade Open vSwitch before the kernel module; OVS drops unknown packets meanwhile.']],
    ['a contraction', 'radosgw', 'rgw', ['The radosgw daemon serves S3 requests for the rados cluster.', 'Each rgw instance listens on its own port, and radosgw logs every bucket call.', 'Restart rgw after changing the rados pool layout; rgw reads it at start.']],
    ['a version glued to the name', 'sqlite3', 'SQLite', ['SQLite keeps the whole database in one file.', 'Run sqlite3 to open the file; SQLite prints its prompt.', 'The sqlite3 shell and SQLite share the same engine.']],
    ['a query-language suffix', 'PostgreSQL', 'Postgres', ['PostgreSQL stores rows in heap pages.', 'Postgres vacuums dead rows in the background.', 'Our Postgres replica lags when PostgreSQL checkpoints run long.']],
  ])('folds %s: %s and %s are one concept', (_rule, long, short, texts) => {
    const files = Object.fromEntries((texts as string[]).map((text, index) => [`n${index}.md`, text]));
    const forLong = nodesFor(files, long).map((concept) => concept.id);
    expect(forLong).toHaveLength(1);
    expect(nodesFor(files, short).map((concept) => concept.id)).toEqual(forLong);
  });

  it('keeps a word of general language apart from a name that ends in it (kube-proxy is no proxy)', () => {
    const files = {
      'a.md': 'The kube-proxy process programs iptables on each node; a proxy in front of the API is another thing.',
      'b.md': 'When kube-proxy restarts, services flap; our proxy for the dashboard stays up.',
      'c.md': 'Check kube-proxy logs first, then the proxy logs.',
    };
    expect(nodesFor(files, 'kube-proxy').some((concept) => concept.aliases.includes('proxy') || concept.name.toLowerCase() === 'proxy')).toBe(false);
  });

  it('keeps a protocol version apart from the protocol (HTTP/2 is no HTTP)', () => {
    const files = {
      'a.md': 'HTTP/2 multiplexes streams over one connection, unlike HTTP with its one request at a time.',
      'b.md': 'Browsers speak HTTP/2 only over TLS; plain HTTP still works everywhere.',
      'c.md': 'Our proxy downgrades HTTP/2 to HTTP for old backends.',
    };
    const http2 = nodesFor(files, 'HTTP/2').map((concept) => concept.id);
    expect(http2).toHaveLength(1);
    expect(nodesFor(files, 'HTTP').map((concept) => concept.id)).not.toEqual(http2);
  });
});

describe('what counts as a use of a term on real notes', () => {
  it('reads the cells of a Markdown table as prose: a term written only in tables is a concept', () => {
    const table = (n: number) => `| Question | Notes |\n| --- | --- |\n| How does a quorum of ${n + 2} replicas decide? | Raft elects a leader per term |\n| Why does Raft need a majority? | it survives ${n} failures |`;
    const names = conceptsOf({ 'a.md': table(1), 'b.md': table(2), 'c.md': table(3) }).map((concept) => concept.name);
    expect(names).toContain('Raft');
  });

  it('counts a line copied word for word into many notes once: a signature is not the topic of every note', () => {
    const files = Object.fromEntries(
      ['pg_dump writes a plain SQL file.', 'psql reads the file back.', 'vacuum frees dead rows.', 'analyze refreshes planner statistics.'].map((text, index) => [`n${index}.md`, `${text}\n\nh/t Dorothea Quibble`]),
    );
    const names = conceptsOf(files).map((concept) => concept.name.toLowerCase());
    expect(names.some((name) => name.includes('quibble') || name === 'h/t')).toBe(false);
  });

  it('makes no concept of adverbs, verbs and title-case heading words the small lexicon of compromise lacks', () => {
    const note = (n: number) => `## Execute Configured Readable Statements ${n}\n\nTypically we execute statement ${n} twice. Alternatively, execute it ${n} times with Postgres and compare.`;
    const names = conceptsOf({ 'a.md': note(1), 'b.md': note(2), 'c.md': note(3) }).map((concept) => concept.name.toLowerCase());
    for (const word of ['typically', 'alternatively', 'execute', 'configured', 'readable']) expect(names).not.toContain(word);
  });

  it('does not count an everyday word inside code as a mention of a concept it spells, but counts the program', () => {
    const files = {
      'a.md': '安装 Install 文档里写着要先装 salt。\n\n<pre>\nyum install -y salt-master\n</pre>',
      'b.md': 'Install 之前先看 salt 的版本。\n\n<pre>\nyum install -y salt-minion\n</pre>',
      'c.md': '再 Install 一次 salt 也没关系。\n\n<pre>\nyum install -y salt-api\n</pre>',
    };
    const graph = graphOf(files);
    const install = graph.concepts.find((concept) => concept.name.toLowerCase() === 'install');
    const spans = graph.mentions.filter((mention) => mention.conceptId === install?.id).flatMap((mention) => {
      const text = graph.notes.find((item) => item.id === mention.noteId)!.text;
      return mention.spans.filter((_, index) => index % 2 === 0).map((start) => text.slice(start - 4, start));
    });
    expect(spans.some((before) => before.includes('yum'))).toBe(false);
    expect(graph.concepts.some((concept) => concept.name === 'yum')).toBe(true);
  });
});
