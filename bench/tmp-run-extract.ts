import { extractGraphSteps } from '../ingest/extract-graph.js';
import { loadLexicon } from '../ingest/lexicon.js';
import { readNoteFiles } from '../ingest/read-files.js';
const dir = process.argv[2] ?? 'notes';
const read = await readNoteFiles(dir, 1 << 30);
const { lexicon } = await loadLexicon(dir, { bundled: process.argv[3] !== 'nolex' });
for (let run = 0; run < 2; run++) {
  let t = performance.now();
  const steps = extractGraphSteps({ files: read.files, lexicon });
  const times: string[] = [];
  for (;;) { const s = steps.next(); const now = performance.now(); if (s.done) { times.push(`end ${(now-t).toFixed(0)}`); console.log(times.join(' | '), s.value.graph.concepts.length); break; } times.push(`${s.value} ${(now-t).toFixed(0)}`); t = now; }
}
