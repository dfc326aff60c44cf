import { loadLexicon } from '../ingest/lexicon.js';
import { measureEnglishProse, measureSingleFiles } from './ingest-bench-scale.js';
const { lexicon } = await loadLexicon('notes');
const sizes = process.argv.slice(2).map(Number);
measureEnglishProse('eval/corpora', lexicon, 2);
measureSingleFiles('notes', lexicon, sizes.length ? sizes : [1, 2]);
