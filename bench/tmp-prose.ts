import { loadLexicon } from '../ingest/lexicon.js';
import { measureEnglishProse } from './ingest-bench-scale.js';
const { lexicon } = await loadLexicon('notes');
measureEnglishProse('eval/corpora', lexicon, Number(process.argv[2] ?? 0.5));
