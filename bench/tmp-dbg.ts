import { readFileSync } from 'node:fs';
import { extractGraph } from '../ingest/extract-graph.js';
import { loadLexicon } from '../ingest/lexicon.js';
const { lexicon } = await loadLexicon('notes');
const files = ['nova-api-walkthrough.txt'].map((p) => ({ path: p, bytes: readFileSync('notes/' + p) }));
const { graph } = extractGraph({ files, lexicon });
for (const n of graph.notes) {
  const i = n.text.indexOf('PasteDeploy 将');
  if (i < 0) continue;
  const ms = graph.mentions.filter((m) => m.noteId === n.id);
  const spans = ms.flatMap((m) => { const out = []; for (let k = 0; k < m.spans.length; k += 2) out.push([m.spans[k]!, m.spans[k + 1]!, m.conceptId] as const); return out; }).filter(([s]) => s >= i - 5 && s < i + 60).sort((a, b) => a[0] - b[0]);
  console.log(spans.map(([s, e, c]) => `${c}@${n.text.slice(s, e)}`).join(' '));
}
console.log(graph.relations.filter((r) => r.source === 'pastedeploy'));
