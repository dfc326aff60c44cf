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

export interface EvaluateOptions {
  /** A folder of corpora laid out like eval/corpora (each sub-folder with a gold.yaml); default eval/corpora. */
  corporaDir?: string;
  /** Only the corpus of this name. */
  only?: string;
  /** One gold file instead of a folder of corpora (its `notes:` names the notes, unless `notesDir` is given). */
  goldFile?: string;
  /** The notes folder scored against `goldFile`. */
  notesDir?: string;
}

/** The gold files to score: one given file, or every corpus of a folder laid out like eval/corpora. */
async function goldFiles(options: EvaluateOptions): Promise<string[]> {
  if (options.goldFile) return [path.resolve(options.goldFile)];
  const dir = options.corporaDir ?? corporaDir;
  const names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return names.filter((name) => !options.only || name === options.only).map((name) => path.join(dir, name, 'gold.yaml'));
}

/**
 * Extracts and scores every corpus (or one), with and without the bundled lexicon. Corpora other than the
 * committed ones (real notes that may not be committed) are scored the same way: `--corpora DIR`, or
 * `--corpus DIR --gold FILE`.
 */
export async function evaluateAll(options: EvaluateOptions = {}): Promise<CorpusEvaluation[]> {
  const results: CorpusEvaluation[] = [];
  for (const goldFile of await goldFiles(options)) {
    const gold = await loadGold(goldFile);
    const notesDir = options.goldFile && options.notesDir ? path.resolve(options.notesDir) : gold.notesDir;
    const read = await readNoteFiles(notesDir, 64 * 1024 * 1024);
    const bytes = read.files.reduce((sum, file) => sum + file.bytes.length, 0);
    for (const bundled of [true, false]) {
      const { lexicon } = await loadLexicon(notesDir, { bundled });
      const started = performance.now();
      const { graph } = extractGraph({ files: read.files, lexicon });
      const seconds = (performance.now() - started) / 1000;
      results.push({ corpus: gold.name, lexicon: bundled, bytes, seconds, graph, score: scoreExtraction(graph, gold) });
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
