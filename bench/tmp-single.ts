import { loadLexicon } from '../ingest/lexicon.js';
import { measureSingleFiles } from './ingest-bench-scale.js';
const { lexicon } = await loadLexicon('notes');
measureSingleFiles('notes', lexicon, process.argv.slice(2).map(Number));
