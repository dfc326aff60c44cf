/**
 * `npm run bench:ingest`: extraction throughput (no database) and end-to-end ingest time into a local Neo4j,
 * on the bundled notes and on a synthetic corpus 100× their size, with the peak RSS of this process.
 * Prints figures; asserts nothing. `--copies N` changes the synthetic size, `--skip-db` measures extraction only,
 * `--scale-only` prints only the single-file (1/2/4/8 MB) and English-prose figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractGraph } from '../ingest/extract-graph.js';
import { loadLexicon } from '../ingest/lexicon.js';
import { readNoteFiles } from '../ingest/read-files.js';
import { runIngest, type IngestSummary } from '../ingest/run-ingest.js';
import { Database } from '../queries/database.js';
import { startLocalNeo4j } from '../tools/neo4j/local-neo4j.js';
import { measureEnglishProse, measureSingleFiles } from './ingest-bench-scale.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

const args = process.argv.slice(2);
const copies = Number(args[args.indexOf('--copies') + 1] ?? 100) || 100;
const skipDb = args.includes('--skip-db');
const scaleOnly = args.includes('--scale-only');
const notesDir = path.resolve('notes');

const mb = (bytes: number) => bytes / (1024 * 1024);
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function measureExtraction(dir: string, label: string, runs: number): Promise<void> {
  const read = await readNoteFiles(dir, 1024 * 1024 * 1024);
  const { lexicon } = await loadLexicon(dir);
  const bytes = read.files.reduce((sum, file) => sum + file.bytes.length, 0);
  const times: number[] = [];
  let summary = '';
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const { graph, duplicatesCollapsed } = extractGraph({ files: read.files, lexicon });
    times.push((performance.now() - started) / 1000);
    summary = `${graph.notes.length} notes (${duplicatesCollapsed} duplicates), ${graph.concepts.length} concepts, ${graph.mentions.length} mentions, ${graph.relations.length} relations, ${graph.cooccurrences.length} co-occurrences`;
  }
  if (runs > 1) {
    const { graph } = extractGraph({ files: read.files, lexicon });
    const top = [...graph.concepts].sort((a, b) => b.rank - a.rank || b.mentions - a.mentions).slice(0, 50);
    console.log(`top 50 concepts by rank (${label}): ${top.map((concept) => concept.name).join(', ')}`);
  }
  const first = times[0]!;
  const best = Math.min(...times);
  console.log(`extract ${label}: ${mb(bytes).toFixed(2)} MB, first run ${first.toFixed(2)} s (${(mb(bytes) / first).toFixed(2)} MB/s), best of ${runs} ${best.toFixed(2)} s (${(mb(bytes) / best).toFixed(2)} MB/s); ${summary}; peak RSS ${peakRssMb().toFixed(0)} MB`);
}

function formatTimings(summary: IngestSummary): string {
  const { extractMs, schemaMs, stateMs, write } = summary.timings;
  const stages = write?.stages.map((stage) => `${stage.stage} ${stage.statements}× ${stage.rows} rows ${stage.ms} ms`).join(', ');
  return `read+extract ${extractMs} ms ∥ schema ${schemaMs ?? 0} ms + stored state ${stateMs ?? 0} ms; write (${write?.mode}): ${stages}`;
}

async function measureIngest(db: Database, dir: string, label: string): Promise<void> {
  const started = performance.now();
  const { summary } = await runIngest({ notesDir: dir, db, reset: true, maxFileBytes: 1024 * 1024 * 1024 });
  const cold = (performance.now() - started) / 1000;
  const againStarted = performance.now();
  const again = await runIngest({ notesDir: dir, db, maxFileBytes: 1024 * 1024 * 1024 });
  const againSeconds = (performance.now() - againStarted) / 1000;
  console.log(`ingest ${label}: ${cold.toFixed(2)} s from an empty graph, ${againSeconds.toFixed(2)} s re-run unchanged; ${summary.notes} notes, ${summary.concepts} concepts; peak RSS ${peakRssMb().toFixed(0)} MB`);
  console.log(`  empty graph: ${formatTimings(summary)}`);
  console.log(`  re-run:      ${formatTimings(again.summary)}`);
}

console.log(`load average ${(await import('node:os')).loadavg().map((value) => value.toFixed(2)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
{
  const { lexicon } = await loadLexicon(notesDir);
  measureSingleFiles(notesDir, lexicon, [1, 2, 4, 8]);
  measureEnglishProse(path.resolve('eval/corpora'), lexicon, 2);
}
const syntheticDir = mkdtempSync(path.join(tmpdir(), 'notegraph-synthetic-'));
if (scaleOnly) process.exit(0);
try {
  const corpus = writeSyntheticCorpus(notesDir, syntheticDir, copies);
  console.log(`synthetic corpus: ${copies}× = ${corpus.files} files, ${mb(corpus.bytes).toFixed(1)} MB (deterministic)`);
  await measureExtraction(notesDir, '1× bundled notes', 3);
  if (!skipDb) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'notegraph-bench-neo4j-'));
    const neo4j = await startLocalNeo4j({ dataDir, port: 0, heapMb: 1024, pageCacheMb: 512 });
    const db = new Database({ uri: neo4j.uri });
    try {
      // The first ingest into a just-started Neo4j: what `npm start` on a new data folder pays.
      await measureIngest(db, notesDir, '1× bundled notes, freshly started Neo4j');
      await measureIngest(db, notesDir, '1× bundled notes, warm Neo4j');
      await measureExtraction(syntheticDir, `${copies}× synthetic`, 1);
      await measureIngest(db, syntheticDir, `${copies}× synthetic`);
    } finally {
      await db.close();
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  } else {
    await measureExtraction(syntheticDir, `${copies}× synthetic`, 1);
  }
} finally {
  rmSync(syntheticDir, { recursive: true, force: true });
}
