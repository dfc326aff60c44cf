/**
 * `npm run bench:redact`: what redaction costs next to extraction, on the bundled notes and on a synthetic corpus
 * `--copies N` (default 10) times their size. Extraction is the whole pure pipeline (`extractGraph`, which
 * includes the redact stage); redaction is the redact stage alone (`redactFiles` on the decoded texts). Prints
 * the first run (cold: word list and packs load) and the median of `--runs` (default 10) warm runs, and the load
 * average, since the machine is shared. Asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { extractGraph } from '../ingest/extract-graph.js';
import { loadLexicon } from '../ingest/lexicon.js';
import { readNoteFiles } from '../ingest/read-files.js';
import { redactFiles } from '../ingest/redact/index.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args[args.indexOf(name) + 1] ?? fallback) || fallback;
const copies = option('--copies', 10);
const runs = option('--runs', 10);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Timing {
  wallMs: number;
  /** CPU time of this process (user + system): steadier than wall time while other work shares the cores. */
  cpuMs: number;
}

function timed(work: () => void): Timing {
  const started = performance.now();
  const cpu = process.cpuUsage();
  work();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function measure(dir: string, label: string): Promise<void> {
  const read = await readNoteFiles(dir, 1024 * 1024 * 1024);
  const { lexicon } = await loadLexicon(dir);
  const texts = read.files.map((file) => ({ path: file.path, text: file.bytes.toString('utf8') }));
  const megabytes = read.files.reduce((sum, file) => sum + file.bytes.length, 0) / (1024 * 1024);
  const redactRuns: Timing[] = [];
  const extractRuns: Timing[] = [];
  let redactions = 0;
  // The first run of each is the cold one; then each is measured on its own (interleaving them would bill one
  // for the other's garbage collection).
  const redact = () => (redactions = redactFiles(texts, { notSecret: lexicon.notSecret }).records.length);
  const extract = () => extractGraph({ files: read.files, lexicon });
  redactRuns.push(timed(redact));
  extractRuns.push(timed(extract));
  for (let run = 0; run < runs; run += 1) redactRuns.push(timed(redact));
  for (let run = 0; run < runs; run += 1) extractRuns.push(timed(extract));
  const [redactCold, extractCold] = [redactRuns.shift()!, extractRuns.shift()!];
  const warm = (timings: Timing[], key: keyof Timing) => median(timings.map((timing) => timing[key]));
  const share = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;
  const [redactCpu, extractCpu] = [warm(redactRuns, 'cpuMs'), warm(extractRuns, 'cpuMs')];
  const [redactWall, extractWall] = [warm(redactRuns, 'wallMs'), warm(extractRuns, 'wallMs')];
  console.log(`${label}: ${megabytes.toFixed(2)} MB, ${read.files.length} files, ${redactions} redactions`);
  console.log(`  redaction costs ${share(redactCpu, extractCpu)} of extraction: ${redactCpu.toFixed(0)} of ${extractCpu.toFixed(0)} ms CPU (medians of ${runs} warm runs; extraction includes the redact stage)`);
  console.log(`  wall: ${redactWall.toFixed(0)} of ${extractWall.toFixed(0)} ms = ${share(redactWall, extractWall)} (${(megabytes / (redactWall / 1000)).toFixed(1)} MB/s redacted)`);
  console.log(`  first run (word list and packs load): ${redactCold.cpuMs.toFixed(0)} of ${extractCold.cpuMs.toFixed(0)} ms CPU = ${share(redactCold.cpuMs, extractCold.cpuMs)}`);
}

async function main(): Promise<void> {
  console.log(`load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  await measure(path.resolve('notes'), 'bundled notes');
  const dir = mkdtempSync(path.join(tmpdir(), 'notegraph-redact-bench-'));
  try {
    writeSyntheticCorpus(path.resolve('notes'), dir, copies);
    await measure(dir, `synthetic corpus (${copies}× the bundled notes)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
}

await main();
