import { describe, expect, it } from 'vitest';
import { discoveredNames, discoveredScores, graphOf, lexiconOf } from './ingest-extract-helpers.js';

/** Concept discovery without a lexicon, on small notes written for these tests. */
const names = (files: Record<string, string>) => graphOf(files).concepts.map((concept) => concept.name);

describe('discovering concepts without a lexicon', () => {
  it('makes a single-word product name that recurs in English prose a concept', () => {
    const found = discoveredNames([
      'Our billing service publishes invoices to Kafka, and the reporting job reads them back.',
      'When Kafka falls behind, consumers lag and the dashboard shows stale numbers.',
      'We moved the audit trail to Kafka last spring because replay was the feature we needed.',
    ]);
    expect(found).toContain('Kafka');
  });

  it('makes a product name that recurs in Chinese prose a concept, and a Chinese term the segmenter finds', () => {
    const found = discoveredNames([
      '我们用 Flink 处理订单流，检查点每分钟做一次。',
      '作业失败以后，Flink 从最近的检查点恢复状态。',
      '检查点太大的时候，Flink 的恢复会很慢，要把状态放到 RocksDB 里。',
    ]);
    expect(found).toEqual(expect.arrayContaining(['Flink', '检查点']));
  });

  it('does not make a fence label or the column headers of pasted output concepts', () => {
    const note = (n: number) => [
      `# Containers on host ${n}`,
      '',
      // Each note says it in its own words: a line copied word for word into many notes is boilerplate.
      `The registry keeps every image we deploy to host ${n}; the registry also scans images for known problems.`,
      '',
      '```bash',
      'docker ps',
      '```',
      '',
      '```',
      'CONTAINER ID   IMAGE          COMMAND       STATUS         NAMES',
      `3f2a1b9c0d1e   shop:${n}       "bin/start"   Up 2 minutes   shop-web-${n}`,
      '```',
    ].join('\n');
    const found = names({ 'a.md': note(1), 'b.md': note(2), 'c.md': note(3) }).map((name) => name.toLowerCase());
    expect(found).toContain('registry');
    for (const word of ['bash', 'shell script', 'status', 'names', 'image', 'command', 'container id']) expect(found).not.toContain(word);
  });

  it('folds singular and plural into one concept', () => {
    const graph = graphOf({
      'a.md': '# Rust\n\nA smart pointer owns the value it points to.\n\nSmart pointers implement Deref.',
      'b.md': '# More Rust\n\nBox and Rc are smart pointers; each smart pointer frees its value when dropped.',
    });
    const pointers = graph.concepts.filter((concept) => /smart pointer/i.test(concept.name));
    expect(pointers.map((concept) => concept.name)).toEqual(['smart pointer']);
    expect(pointers[0]!.aliases).toContain('smart pointers');
  });

  it('folds the names a note says are one concept: X（Y） and X, also called Y', () => {
    const graph = graphOf({
      'a.md': '# 并发\n\n协程（Coroutine）比线程轻。协程由运行时调度。\n\nCoroutine 在 Python 里叫 async 函数。',
      'b.md': '# More\n\n协程的切换不进入内核。一个线程里可以跑很多协程。Coroutine 是用户态的。',
    });
    const coroutine = graph.concepts.filter((concept) => concept.name === 'Coroutine' || concept.name === '协程');
    expect(coroutine).toHaveLength(1);
    expect(coroutine[0]!.aliases).toContain('协程');
  });

  it('never makes a word that is only seen in code a concept, but counts a command in a code block as a use of its tool', () => {
    const note = (n: number) =>
      `# Deploy ${n}\n\nWe deploy with kubectl from CI.\n\n\`\`\`bash\nkubectl apply -f deploy-${n}.yaml\n\`\`\`\n\n\`\`\`python\nretry_budget = compute_budget(${n})\nwidgets.frobnicate(retry_budget)\n\`\`\``;
    const graph = graphOf({ 'a.md': note(1), 'b.md': note(2), 'c.md': note(3) });
    const found = graph.concepts.map((concept) => concept.name);
    for (const word of ['retry_budget', 'compute_budget', 'widgets', 'frobnicate', 'python']) expect(found).not.toContain(word);
    const kubectl = graph.concepts.find((concept) => concept.name === 'kubectl');
    expect(kubectl?.mentions).toBe(6);
  });

  it('weighs a term the author writes in bold, in prose or a table cell, like one in backticks', () => {
    const notes = [
      '# Rings\n\n| Cue | Notes |\n| --- | --- |\n| What is **consistent hashing**, and what problem does it solve? | |',
      '# Moving keys\n\nWith **consistent hashing**, adding a node moves only a few keys; plain hashing moves most of them.',
    ];
    const bold = discoveredScores(notes).get('consistent hashing') ?? 0;
    const plain = discoveredScores(notes.map((text) => text.replaceAll('**', ''))).get('consistent hashing') ?? 0;
    expect(plain).toBeGreaterThan(0);
    expect(bold).toBeGreaterThan(plain);
  });

  it('does not take a bold label or a bold clause for a marked term', () => {
    const notes = [
      '# Snapshots\n\n**Snapshot:** a copy of the volume. **Restore the snapshot before the upgrade.**',
      '# More snapshots\n\n**Snapshot:** taken hourly. **Delete each snapshot after a week.**',
    ];
    expect(discoveredScores(notes).get('snapshot')).toBe(discoveredScores(notes.map((text) => text.replaceAll('**', ''))).get('snapshot'));
  });

  it('reads a verb form after a determiner as a noun: "the offset" is a term', () => {
    const found = discoveredNames([
      '# Kafka\n\nThe consumer stores the offset of each partition. Commit the offset after processing.',
      '# Replay\n\nResetting the offset replays a topic; each offset is a position in the log.',
    ]);
    expect(found).toContain('offset');
  });

  it('keeps index and primary key: SQL words are concepts on database notes', () => {
    const found = discoveredNames([
      'A primary key is always backed by a unique index in PostgreSQL. The index is a B-tree.',
      'Adding an index on the foreign key column made the delete fast: without the index every delete scans.',
      'The planner ignored the index because the primary key lookup was cheaper than the index scan.',
      'A partial index covers only some rows; such an index is smaller than a full index.',
    ]);
    expect(found).toEqual(expect.arrayContaining(['index', 'primary key']));
  });
});

describe('telling senses apart', () => {
  const seeds = lexiconOf(`concepts:
  - { name: Go, kind: language, aliases: [golang], exact: [Go] }
  - { name: PasteDeploy, kind: component, aliases: [pastedeploy], contextAliases: [paste], context: [wsgi] }
  - { name: WSGI, kind: protocol, aliases: [wsgi] }
  - { name: Ceph, kind: project, aliases: [ceph] }
  - { name: Ceph Monitor, kind: component, aliases: [ceph monitor], contextAliases: [mon], context: [ceph] }
  - { name: RADOS Block Device, kind: component, aliases: [rados block device], exact: [RBD] }
  - { name: block device, kind: concept, aliases: [块设备] }
  - { name: Linux kernel, kind: component, aliases: [linux kernel], contextAliases: [kernel, 内核], context: [linux] }
  - { name: Linux, kind: project, aliases: [linux] }
`);
  const mentioned = (text: string) => graphOf({ 'a.txt': text }, seeds).concepts.map((concept) => concept.id);

  it.each([
    ['"Go to" opening a sentence is the verb', 'Setup\nGo to the settings page. Then Go and Rust are compared.', 'go', 1],
    ['"paste" is the verb without WSGI around', 'Setup\nPaste the key into the form and save.', 'pastedeploy', 0],
    ['mon in a date is Monday', 'Ceph 集群日志\nMon Sep 16 15:51:14 CST 2015 ceph 集群启动', 'ceph-monitor', 0],
    ['块设备 is any block device, not RBD', '磁盘\n块设备是按块读写的设备，块设备可以分区。', 'rados-block-device', 0],
    ['Kernel capitalised mid-sentence is another thing\'s name', 'Elixir\nIn Elixir the Kernel module is imported by default, and Linux is irrelevant.', 'linux-kernel', 0],
  ])('%s', (_sense, text, id, count) => {
    expect(mentioned(text).filter((found) => found === id)).toHaveLength(count);
  });

  it('still reads the lexicon senses where the note gives them', () => {
    expect(mentioned('WSGI\nPasteDeploy loads apps; paste reads api-paste.ini for WSGI.')).toContain('pastedeploy');
    expect(mentioned('Ceph\nceph mon stat 查看 mon 的状态')).toContain('ceph-monitor');
    expect(mentioned('磁盘\n块设备是按块读写的设备')).toContain('block-device');
  });
});
