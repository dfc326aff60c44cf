import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractGraph } from '../ingest/extract-graph.js';
import { loadLexicon } from '../ingest/lexicon.js';
import { readNoteFiles } from '../ingest/read-files.js';
import type { ExtractedGraph } from '../ingest/types.js';
import { loadGold } from './gold.js';
import { scoreExtraction, type ExtractionScore } from './score.js';

export const corporaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpora');

export interface CorpusEvaluation {
  corpus: string;
  lexicon: boolean;
  bytes: number;
  seconds: number;
  graph: ExtractedGraph;
  score: ExtractionScore;
}

/** Extracts and scores every corpus (or one), with and without the bundled lexicon. */
export async function evaluateAll(options: { only?: string } = {}): Promise<CorpusEvaluation[]> {
  const names = (await readdir(corporaDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const results: CorpusEvaluation[] = [];
  for (const name of names) {
    if (options.only && name !== options.only) continue;
    const gold = await loadGold(path.join(corporaDir, name, 'gold.yaml'));
    const read = await readNoteFiles(gold.notesDir, 64 * 1024 * 1024);
    const bytes = read.files.reduce((sum, file) => sum + file.bytes.length, 0);
    for (const bundled of [true, false]) {
      const { lexicon } = await loadLexicon(gold.notesDir, { bundled });
      const started = performance.now();
      const { graph } = extractGraph({ files: read.files, lexicon });
      const seconds = (performance.now() - started) / 1000;
      results.push({ corpus: name, lexicon: bundled, bytes, seconds, graph, score: scoreExtraction(graph, gold) });
    }
  }
  return results;
}

const percent = (value: number) => value.toFixed(2);

export function formatTable(results: readonly CorpusEvaluation[]): string {
  const header = ['corpus', 'lexicon', 'KB', 's', 'concepts', 'R@100', 'R@300', 'P@100 (right/wrong/unjudged)', 'split', 'sg/pl', 'rel linked', 'rel typed', 'typed rels'];
  const rows = results.map(({ corpus, lexicon, bytes, seconds, score }) => [
    corpus,
    lexicon ? 'with' : 'without',
    String(Math.round(bytes / 1024)),
    seconds.toFixed(2),
    String(score.concepts),
    percent(score.recallAt100),
    percent(score.recallAt300),
    `${percent(score.top100.right / Math.max(1, score.top100.right + score.top100.wrong))} (${score.top100.right}/${score.top100.wrong}/${score.top100.unjudged})`,
    String(score.splitGold.length),
    String(score.pluralPairs.length),
    percent(score.relationsLinked),
    percent(score.relationsTyped),
    String(score.typedRelations),
  ]);
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
