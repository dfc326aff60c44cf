/**
 * `npm run eval:extract [-- --top N] [-- --only NAME] [-- --verbose]`: extracts every corpus under eval/corpora
 * (the bundled notes and fixture corpora written for the eval) with and without the bundled lexicon and prints
 * how the graph scores against each corpus' gold file. Prints figures; asserts nothing.
 *
 * Other corpora (real notes that must not be committed, with a gold list written by a reader):
 *   `-- --corpus DIR --gold FILE`   one notes folder scored against one gold file
 *   `-- --corpora DIR`              every sub-folder of DIR that holds a gold.yaml (layout of eval/corpora)
 */
import { evaluateAll, formatTable, type CorpusEvaluation } from './evaluate.js';
import { rankedConcepts } from './score.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const top = Number(option('--top') ?? 0);
const only = option('--only');
const verbose = args.includes('--verbose');

const goldFile = option('--gold');
const notesDir = option('--corpus');
if (notesDir && !goldFile) {
  console.error('--corpus DIR needs --gold FILE: the reader\'s list of the concepts those notes are about');
  process.exit(2);
}
const results: CorpusEvaluation[] = await evaluateAll({ only, goldFile, notesDir, corporaDir: option('--corpora') });
console.log(formatTable(results));
for (const result of results) {
  if (verbose) {
    console.log(`\n${result.corpus} (${result.lexicon ? 'with' : 'without'} lexicon): missing from top 300: ${result.score.missing.join(', ') || 'none'}`);
    if (result.score.splitGold.length > 0) console.log(`  split: ${result.score.splitGold.join('; ')}`);
    if (result.score.pluralPairs.length > 0) console.log(`  singular/plural: ${result.score.pluralPairs.join('; ')}`);
  }
  if (top > 0) console.log(`\ntop ${top} of ${result.corpus} (${result.lexicon ? 'with' : 'without'} lexicon): ${rankedConcepts(result.graph).slice(0, top).map((concept) => concept.name).join(', ')}`);
}
