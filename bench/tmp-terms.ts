import { readNoteFiles } from '../ingest/read-files.js';
import { extractGraph } from '../ingest/extract-graph.js';
import { languagePacks } from '../ingest/languages/index.js';
const words = process.argv.slice(2);
for (const w of words) {
  const pack = /\p{Script=Han}/u.test(w) ? languagePacks[1]! : languagePacks[0]!;
  console.log(w, pack.extraction.terms.backgroundPerMillion(w).toFixed(2), JSON.stringify(pack.extraction.terms.segment(w)));
}
