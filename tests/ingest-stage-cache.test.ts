import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractGraph, type ExtractResult } from '../ingest/extract-graph.js';
import { parseLexicon } from '../ingest/lexicon.js';
import { StageCache } from '../ingest/stage-cache.js';

/**
 * A running server keeps per-file and per-note extraction results between re-ingests (ingest/stage-cache.ts).
 * Whatever changed in between — a note edited, a file renamed or deleted, the lexicon, the decisions, a line
 * becoming boilerplate — a run with the cache must give exactly what a run without it gives.
 */
const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'curation-notes');
const fixtureNotes = Object.fromEntries(readdirSync(fixture).filter((name) => name.endsWith('.md')).map((name) => [name, readFileSync(path.join(fixture, name), 'utf8')]));
const fixtureLexicon = readFileSync(path.join(fixture, 'notegraph-lexicon.yaml'), 'utf8');

const boilerplate = 'Maintained by the Helix Forge team with Quorra Deploy, reviewed every quarter.';
const ops = {
  'runbook.md': `# Runbook\n\n${boilerplate}\n\nCeph stores the images. The admin password: Hunter2-Secret-77 is rotated monthly.\n`,
  'upgrades.md': `# Upgrades\n\n${boilerplate}\n\nNova API is upgraded after Placement. 升级 Nova 之前先备份数据库。\n`,
};

interface Corpus {
  files: Record<string, string>;
  lexicon: string;
}

/** Each step changes the corpus of the one before. */
const steps: [string, (corpus: Corpus) => Corpus][] = [
  ['a paragraph appended to a note', (c) => ({ ...c, files: { ...c.files, 'compute.md': `${c.files['compute.md']}\n## Jobs\n\nThe scheduler hands long jobs to Zephyr Queue.\n` } })],
  ['a file renamed', (c) => {
    const { 'storage.md': storage, ...rest } = c.files;
    return { ...c, files: { ...rest, 'archive/storage.md': storage! } };
  }],
  ['a line becoming boilerplate (a third note repeats it)', (c) => ({ ...c, files: { ...c.files, 'backups.md': `# Backups\n\n${boilerplate}\n\nRADOS keeps the backups.\n` } })],
  ['the secret allow-listed in the lexicon', (c) => ({ ...c, lexicon: `${c.lexicon}notSecret:\n  - Hunter2-Secret-77\n` })],
  ['a concept and a stopword added to the lexicon', (c) => ({ ...c, lexicon: c.lexicon.replace('concepts:\n', 'concepts:\n  - { name: Runbook, kind: concept }\n') + 'stopwords:\n  - quarter\n' })],
  ['curation decisions added', (c) => ({ ...c, lexicon: `${c.lexicon}decisions:\n  rename:\n    nova-api: Nova API service\n  merge:\n    placement: nova\n` })],
  ['a file deleted', (c) => {
    const { 'archive/storage.md': _gone, ...rest } = c.files;
    return { ...c, files: rest };
  }],
];

function extract(corpus: Corpus, cache?: StageCache): ExtractResult {
  const files = Object.entries(corpus.files).map(([file, text]) => ({ path: file, bytes: Buffer.from(text), modifiedAt: '2026-01-02T03:04:05.000Z' }));
  const { lexicon } = parseLexicon('notegraph-lexicon.yaml', corpus.lexicon);
  try {
    return extractGraph({ files, lexicon, cache });
  } finally {
    cache?.endRun();
  }
}

describe('the extraction cache of a running server', () => {
  it('gives the graph an uncached run gives, after every kind of change', () => {
    const cache = new StageCache();
    let corpus: Corpus = { files: { ...fixtureNotes, ...ops }, lexicon: fixtureLexicon };
    expect(extract(corpus, cache)).toEqual(extract(corpus));
    for (const [change, apply] of steps) {
      corpus = apply(corpus);
      expect(extract(corpus, cache), change).toEqual(extract(corpus));
    }
  });

  it('computes again only what changed', () => {
    const cache = new StageCache();
    const corpus: Corpus = { files: { ...fixtureNotes, ...ops }, lexicon: fixtureLexicon };
    extract(corpus, cache);
    const files = { ...corpus.files, 'compute.md': `${corpus.files['compute.md']}\n## Jobs\n\nThe scheduler hands long jobs to Zephyr Queue.\n` };
    const { lexicon } = parseLexicon('notegraph-lexicon.yaml', corpus.lexicon);
    extractGraph({ files: Object.entries(files).map(([file, text]) => ({ path: file, bytes: Buffer.from(text) })), lexicon, cache });
    const stats = cache.stats();
    // One file redacted again; of the notes, only the new one is laid out again.
    expect(stats.redact).toEqual({ hits: 3, misses: 1 });
    expect(stats.layout?.misses).toBe(1);
    expect(stats.layout?.hits).toBeGreaterThan(3);
  });
});
