import { readNoteFiles } from '../ingest/read-files.js';
import { languagePacks } from '../ingest/languages/index.js';
import { layoutNote } from '../ingest/discover-layout.js';
import { noteCandidates, packWords } from '../ingest/discover-candidates.js';
import { addNote, emptyTally, foldKey, foldPlurals } from '../ingest/discover-tally.js';
import { instanceFamilies, scoreTerm, phraseDice, wordWeirdness } from '../ingest/discover-score.js';
import { splitNotes } from '../ingest/split/split-notes.js';
import { dedupeNotes } from '../ingest/dedupe.js';
import { cleanText } from '../ingest/clean.js';
const dir = process.argv[2]!;
const read = await readNoteFiles(dir, 1 << 30);
const drafts = read.files.flatMap((f) => splitNotes(f.path, f.bytes.toString('utf8')).notes.map((d) => ({ ...d, text: cleanText(d.text) })));
const { notes } = dedupeNotes(drafts);
const packs = languagePacks.map((p) => packWords(p.extraction));
const functionWords = new Set(languagePacks.flatMap((p) => p.extraction.functionWords));
const tally = emptyTally(packs.length);
for (const n of notes) addNote(tally, noteCandidates(layoutNote(n.text, { functionWords, maskPatterns: [] }), packs));
foldPlurals(tally, languagePacks.map((p) => p.extraction.terms));
const stopwords = new Set(packs.flatMap((p) => [...p.stopwords]));
const ctx = { tally, analyzers: languagePacks.map((p) => p.extraction.terms), stopwords };
const fam = instanceFamilies(tally.terms.keys());
for (const w of process.argv.slice(3)) {
  const key = foldKey([w]);
  const t = tally.terms.get(key);
  if (!t) { console.log(w, 'no tally; code count', tally.codeWords.get(w.toLowerCase())); continue; }
  const { contexts, surfaces, ...rest } = t;
  console.log(w, "occ", t.occurrences, "notes", t.notes, "ctx", t.contexts.size, "cap", t.capitalMid, "low", t.lowerMid, "for", t.foreign, "code", tally.codeWords.get(t.words[0]!), "dice", t.words.length > 1 ? phraseDice(ctx, t).toFixed(2) : "-", "w", t.words.map((x) => wordWeirdness(ctx, t.pack, x).toFixed(1)).join("/"), "bg", ctx.analyzers[t.pack]!.backgroundPerMillion(t.words[0]!).toFixed(1), "→", scoreTerm(ctx, t, fam)?.score?.toFixed(1));
}
