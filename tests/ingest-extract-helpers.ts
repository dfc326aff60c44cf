import { layoutNote, type NoteLayout } from '../ingest/discover-layout.js';
import { discoverConcepts } from '../ingest/discover.js';
import { conceptEntries, conceptHitsOf, conceptInfoOf, type SenseContext } from '../ingest/extract-concepts.js';
import { extractGraph } from '../ingest/extract-graph.js';
import { languagePacks } from '../ingest/languages/index.js';
import { parseLexicon, type Lexicon } from '../ingest/lexicon.js';
import { LexiconMatcher } from '../ingest/lexicon-matcher.js';
import { extractRelations, relationRules } from '../ingest/relations.js';
import type { ExtractedGraph, Note } from '../ingest/types.js';

/** Small builders for extraction tests: notes from plain text, the stages run as the pipeline runs them. */
export const emptyLexicon: Lexicon = { entries: [], stopwords: new Set() };

export function lexiconOf(yaml: string): Lexicon {
  return parseLexicon('test', yaml).lexicon;
}

export function note(text: string, id = 'n1'): Note {
  return { id, title: '', text, lineStart: 1, lineEnd: 1, date: null, url: null, sha256: '', lang: 'mixed', tags: [], occurrences: [{ path: 'a.txt', lineStart: 1, lineEnd: 1 }] };
}

const functionWords = new Set(languagePacks.flatMap((pack) => pack.extraction.functionWords));
const maskPatterns = languagePacks.flatMap((pack) => pack.extraction.maskPatterns).map((source) => new RegExp(source, 'g'));

export function layoutOf(text: string): NoteLayout {
  return layoutNote(text, { maskPatterns });
}

const rules = relationRules(languagePacks);

/** Typed relations of one note, "source TYPE target", with concepts from the lexicon only (no discovery). */
export function relationsOf(text: string, lexicon: Lexicon): string[] {
  const layout = layoutOf(text);
  const context: SenseContext = { packs: languagePacks, functionWords, lexiconEntries: new Map(lexicon.entries.map((entry) => [entry.id, entry])) };
  const hits = conceptHitsOf(layout, new LexiconMatcher(lexicon), context);
  return extractRelations(note(text), hits, layout, rules).map((relation) => `${relation.source} ${relation.type} ${relation.target}`);
}

/** Concept names discovery finds in these notes (each text one note), with no lexicon unless given. */
export function discoveredNames(texts: string[], lexicon: Lexicon = emptyLexicon): string[] {
  const notes = texts.map((text, index) => note(text, `n${index}`));
  const layouts = new Map(notes.map((item) => [item.id, layoutOf(item.text)]));
  const discovery = discoverConcepts({ notes, layouts, lexicon, packs: languagePacks });
  return [...conceptInfoOf(conceptEntries(lexicon, discovery)).values()].filter((info) => discovery.entries.some((entry) => entry.id === info.id)).map((info) => info.name).sort();
}

/** Termhood score of each concept discovery finds in these notes (each text one note), by name. */
export function discoveredScores(texts: string[]): Map<string, number> {
  const notes = texts.map((text, index) => note(text, `n${index}`));
  const layouts = new Map(notes.map((item) => [item.id, layoutOf(item.text)]));
  const discovery = discoverConcepts({ notes, layouts, lexicon: emptyLexicon, packs: languagePacks });
  const names = conceptInfoOf(conceptEntries(emptyLexicon, discovery));
  return new Map([...discovery.scores].map(([id, score]) => [names.get(id)?.name ?? id, score]));
}

/** The whole pipeline over in-memory files: path → text. */
export function graphOf(files: Record<string, string>, lexicon: Lexicon = emptyLexicon): ExtractedGraph {
  return extractGraph({ files: Object.entries(files).map(([path, text]) => ({ path, bytes: Buffer.from(text) })), lexicon }).graph;
}
