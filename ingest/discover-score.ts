import type { TermAnalyzer } from './languages/extraction-rules.js';
import type { CorpusTally, TermTally } from './discover-tally.js';

/**
 * Termhood: how much more often a candidate occurs in these notes than in general language (the packs'
 * background word frequencies), plus structural evidence (headings, backticks and wikilinks, capitals
 * mid-sentence, command position) and recurrence across notes and contexts. A phrase is a term when its words
 * belong together (Dice association in the corpus) and one of them is technical. Pure: counts in, scores out.
 */
export interface ScoredTerm {
  term: TermTally;
  /** Termhood times evidence, per mention: how much of a term of these notes it is (not how often it occurs). */
  score: number;
  /** A common word that is a term only as a proper noun ("Go", "Rails"): matched with its capitals only. */
  caseSensitive: boolean;
  /** Mostly seen as the command word of command lines. */
  command: boolean;
}

export interface ScoreContext {
  tally: CorpusTally;
  analyzers: readonly TermAnalyzer[];
  /** Stopwords of every pack and of the user's lexicon, lower-case. */
  stopwords: ReadonlySet<string>;
}

/** A word this common in general language (per million) is a term only written as a proper noun. */
const commonWordPerMillion = 25;
const veryCommonPerMillion = 100;
const minPhraseWeirdness = 3.5;
/** A phrase is a unit when at least this share of its rarer word's uses are inside it ("foreign key", "Kafka Connect"). */
const minPhraseCohesion = 0.2;
/** Capped so that one unknown word seen twice does not outrank a topic seen in a hundred notes. */
const maxWeirdness = 12;

/**
 * A corpus is counted as at least this many words: in a dozen short notes any word used twice looks a hundred
 * times commoner than in general language; termhood needs absolute evidence too.
 */
const minCorpusWords = 50_000;

export function corpusWords(context: ScoreContext, pack: number): number {
  return Math.max(context.tally.totals[pack] ?? 0, minCorpusWords);
}

export function wordWeirdness(context: ScoreContext, pack: number, word: string, occurrences?: number): number {
  const total = corpusWords(context, pack);
  const count = occurrences ?? context.tally.words[pack]!.get(word) ?? 0;
  const corpusPerMillion = (count / total) * 1e6;
  const background = context.analyzers[pack]!.backgroundPerMillion(word);
  return Math.log2((corpusPerMillion + 1) / (background + 1));
}

/** The highest general-language frequency among a term's written forms ("Rails" and "rails" are one word). */
function backgroundOf(context: ScoreContext, term: TermTally): number {
  const analyzer = context.analyzers[term.pack]!;
  let highest = 0;
  for (const surface of term.surfaces.keys()) highest = Math.max(highest, analyzer.backgroundPerMillion(surface.toLowerCase()));
  return highest;
}

/**
 * How much a phrase's words belong together: the share of its rarer word's uses that are inside the phrase,
 * f(phrase) / min(f(first), f(last)). Unlike Dice it does not punish a phrase whose head is the topic of the notes
 * ("unique index" among hundreds of "index", "Kafka Connect" among a thousand "Kafka").
 */
export function phraseCohesion(context: ScoreContext, term: TermTally): number {
  const words = context.tally.words[term.pack]!;
  const first = words.get(term.words[0]!) ?? term.occurrences;
  const last = words.get(term.words.at(-1)!) ?? term.occurrences;
  return Math.min(1, term.occurrences / Math.max(1, Math.min(first, last)));
}

/** Dice coefficient of a phrase's first and last word: 2·f(phrase) / (f(first) + f(last)). */
export function phraseDice(context: ScoreContext, term: TermTally): number {
  const words = context.tally.words[term.pack]!;
  const first = words.get(term.words[0]!) ?? term.occurrences;
  const last = words.get(term.words.at(-1)!) ?? term.occurrences;
  return (2 * term.occurrences) / Math.max(1, first + last);
}

function isStopTerm(context: ScoreContext, term: TermTally): boolean {
  const { stopwords } = context;
  if (stopwords.has(term.key) || [...term.surfaces.keys()].some((surface) => stopwords.has(surface.toLowerCase()))) return true;
  if (term.words.length === 1) return false;
  // "value receiver", "user space" are terms; "different versions", "new cluster" are not — unless written as a
  // name ("Open vSwitch", "Single Sign-On" mid-sentence).
  const first = context.analyzers[term.pack]!.segment(term.words[0]!)[0];
  const asName = term.capitalMid > term.lowerMid;
  if (stopwords.has(term.words[0]!) && (first?.tag === 'adj' || first?.tag === 'participle') && !asName) return true;
  return term.words.every((word) => stopwords.has(word));
}

/** Instance names come in families that differ by a number: eth0/eth1, ceph-node2/ceph-node3, vnet5. */
export function instanceFamilies(keys: Iterable<string>): Set<string> {
  const numbersByStem = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = /^(.*?[a-z])(\d+)$/.exec(key);
    if (!match) continue;
    const numbers = numbersByStem.get(match[1]!) ?? new Set<string>();
    numbers.add(match[2]!);
    numbersByStem.set(match[1]!, numbers);
  }
  return new Set([...numbersByStem].filter(([, numbers]) => numbers.size >= 2).map(([stem]) => stem));
}

// Dotted and slashed words are mostly code: attribute access (request.GET), source files (urls.py), MIME types
// (text/html). Product names (node.js, ASP.NET), configuration files (nova.conf) and short pairs (HTTP/2,
// TCP/IP) are terms.
const termDotted = /^[a-z][\w-]*\.(?:js|net|io|ts|conf|ini|xml|ya?ml|json|cfg|toml|properties)$/i;
const termSlashed = /^[^/]{1,4}\/[^/]{1,3}$|^[^/]{1,3}\/[^/]{1,4}$/;

// Host and instance names (ceph-node2, web-01) and placeholders in commands (pool-name, vm-id).
const instanceName = /[-_]\w*\d+$/;
const placeholder = /-(?:name|id|ip|host|hostname|path|dir|file|port|num|number|size|uuid|xxx)$/i;

export function isCodeShaped(surface: string): boolean {
  if (surface.includes(' ')) return false;
  if (instanceName.test(surface) || placeholder.test(surface)) return true;
  if (surface.includes('.') && !termDotted.test(surface)) return true;
  return surface.includes('/') && !termSlashed.test(surface);
}

/**
 * Seen in enough notes and contexts, or marked by the author in a heading, backticks or a wikilink, or a name
 * no general-language list knows, used twice in different sentences of one note (voltha, supervisord).
 */
function recurs(term: TermTally): boolean {
  if (term.commandNotes >= 2) return true;
  // Twice in different sentences (one passage copied around is one context), in one note or in several.
  return term.occurrences >= 2 && term.contexts.size >= 2 && term.key.length >= 2;
}

function evidenceFactor(term: TermTally): number {
  let factor = 1;
  // Written like a name: capitals inside (OpenStack, HttpRequest), digits, hyphens (ceph-deploy, s3cmd).
  const surface = [...term.surfaces.keys()][0]!;
  if (/[a-z][A-Z]|[A-Z]{2}|\d|-/.test(surface) && !surface.includes(' ')) factor += 0.3;
  if (term.headingNotes > 0) factor += 0.4;
  if (term.markedNotes > 0) factor += 0.4;
  if (term.capitalMid > term.lowerMid) factor += 0.3;
  if (term.commandNotes > 0) factor += 0.3;
  return factor;
}

/**
 * The score of one candidate, or undefined when it is no term: a stopword, a fragment, an instance name, a
 * common word written in lower case, a phrase whose words do not belong together.
 */
export function scoreTerm(context: ScoreContext, term: TermTally, families: ReadonlySet<string>): ScoredTerm | undefined {
  // A word of one language inside text of another is a name there (Glance, pool, slice in Chinese notes): how
  // common it is in the general language it was borrowed from says nothing.
  // Likewise a word written as a name nearly every time mid-sentence (React, Kafka): the verb "react" is not it.
  const asName = term.capitalMid >= 2 && term.capitalMid >= 0.8 * (term.capitalMid + term.lowerMid);
  const rawBackground = backgroundOf(context, term);
  // The commonest words stay words even inside another language's text (run, call, get).
  const borrowed = term.foreign * 2 >= term.occurrences && rawBackground < veryCommonPerMillion;
  const background = borrowed || (asName && rawBackground < commonWordPerMillion) ? 0 : rawBackground;
  if (!recurs(term) || isStopTerm(context, term)) return undefined;
  const surface = [...term.surfaces.keys()][0]!;
  if (term.markedNotes === 0 && term.words.length === 1 && isCodeShaped(surface)) return undefined;
  const stem = /^(.*?[a-z])\d+$/.exec(term.key)?.[1];
  if (stem && families.has(stem)) return undefined;
  const command = term.commandNotes > 0 && term.commandNotes >= term.notes - term.commandNotes;
  // A name written mostly in code (environ, req, func) is an identifier of a program, not a term of the notes.
  const inCode = term.words.length === 1 ? (context.tally.codeWords.get(term.words[0]!) ?? 0) : 0;
  if (inCode > 3 * term.occurrences && term.markedNotes + term.commandNotes + term.capitalMid === 0) return undefined;
  let weirdness: number;
  let caseSensitive = false;
  if (term.words.length === 1) {
    weirdness = Math.log2(((Math.max(term.occurrences, term.commandNotes) / corpusWords(context, term.pack)) * 1e6 + 1) / (background + 1));
    if (background >= commonWordPerMillion) {
      // "go", "still", "rails": a word of everyday language is a term here only as a proper noun (Go, Rails), or
      // as a name inside text of another language (crush算法, 创建 pool).
      const named = term.capitalMid + (background < veryCommonPerMillion ? term.foreign : 0);
      const proper = named >= 2 && named >= 0.7 * (term.capitalMid + term.lowerMid);
      if (!proper) return undefined;
      caseSensitive = term.foreign < term.capitalMid;
      weirdness = Math.max(weirdness, context.analyzers[term.pack]!.minWordWeirdness);
    }
    if (weirdness < context.analyzers[term.pack]!.minWordWeirdness && !(command && term.commandNotes >= 2)) return undefined;
  } else {
    // "ceph osd pool", "rbd snap create": a command with its arguments, not a term (unless written as a name).
    const firstWord = context.tally.terms.get(term.words[0]!);
    if (firstWord && firstWord.commandNotes * 2 >= firstWord.notes && term.capitalMid <= term.lowerMid) return undefined;
    const cohesion = phraseCohesion(context, term);
    if (cohesion < minPhraseCohesion && term.markedNotes === 0) return undefined;
    // A phrase is rarer in general language than its words (two everyday words make "central office"): its own
    // corpus rate counts half, the most technical of its words the other half, and how much they belong together.
    const ownRate = Math.log2((term.occurrences / corpusWords(context, term.pack)) * 1e6 + 1);
    const wordRate = Math.max(...term.words.map((word) => wordWeirdness(context, term.pack, word)));
    weirdness = (ownRate + wordRate) / 2 + Math.log2(1 + 2 * cohesion);
    if (weirdness < minPhraseWeirdness) return undefined;
  }
  const score = Math.min(weirdness, maxWeirdness) * evidenceFactor(term);
  return { term, score, caseSensitive, command };
}
