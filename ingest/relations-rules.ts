import type { LanguagePack } from './languages/index.js';
import type { CoarseTag, RelationCue, TermAnalyzer } from './languages/extraction-rules.js';

/**
 * The relation rules of every language pack, compiled once: cue expressions, and the word classes that decide
 * whether the text between a cue and a mention is filler ("also", "了", "the", "将自己的状态") or says more.
 * Text between is segmented with the packs' own analyzers, so the check is the same for every language.
 */
export interface CompiledCue {
  cue: RelationCue;
  /** Global, for scanning a text. */
  pattern: RegExp;
  /** Sticky, for testing the cue at one position. */
  at: RegExp;
  /** An arrow ("->"): pipelines, never in headings or code. */
  arrow: boolean;
}

export interface RelationRules {
  cues: CompiledCue[];
  /**
   * Any cue of a pack, with the script it is written in and the pack's cues: one scan of a sentence finds the
   * positions where some cue starts; only there are the cues tried one by one.
   */
  anyCue: { script: RegExp; pattern: RegExp; cues: CompiledCue[] }[];
  analyzers: { terms: TermAnalyzer; run: RegExp }[];
  subjectFiller: ReadonlySet<string>;
  objectFiller: ReadonlySet<string>;
  functionWords: ReadonlySet<string>;
  negations: readonly string[];
  /** Any negation of any pack, as one expression. */
  negation: RegExp;
  clauseBreakers: ReadonlySet<string>;
  copulas: readonly string[];
  objectMarkers: readonly string[];
  prepositions: ReadonlySet<string>;
  /** Verbs whose object does the next verb ("使用Libvirt管理KVM"): instrument and causative verbs. */
  instrumentVerbs: ReadonlySet<string>;
  /** Every pack's list-parent words, longest first. */
  listParentWords: readonly string[];
}

const arrowSource = /->|→/;

export function relationRules(packs: readonly LanguagePack[]): RelationRules {
  const all = <K extends keyof LanguagePack['extraction']>(key: K) => packs.flatMap((pack) => pack.extraction[key] as readonly string[]);
  const compile = (cue: RelationCue): CompiledCue => ({ cue, pattern: new RegExp(cue.pattern, 'gi'), at: new RegExp(cue.pattern, 'iy'), arrow: arrowSource.test(cue.pattern) });
  // Without the u flag V8 runs a union of many alternatives much faster; the cues need none of its features.
  const anyCue = packs.map((pack) => ({
    script: pack.extraction.relationCues.some((cue) => arrowSource.test(cue.pattern)) ? /[\s\S]/ : new RegExp(pack.script.source, pack.script.flags.replace('g', '')),
    pattern: new RegExp(pack.extraction.relationCues.map((cue) => `(?:${cue.pattern})`).join('|') || '(?!)', 'gi'),
    cues: pack.extraction.relationCues.map(compile),
  }));
  return {
    cues: anyCue.flatMap((pack) => pack.cues),
    anyCue,
    analyzers: packs.map((pack) => ({ terms: pack.extraction.terms, run: new RegExp(pack.extraction.terms.run.source, 'gu') })),
    subjectFiller: new Set(all('subjectFiller')),
    objectFiller: new Set(all('objectFiller')),
    functionWords: new Set(all('functionWords')),
    negations: all('negations'),
    negation: negationPattern(all('negations')),
    clauseBreakers: new Set(all('clauseBreakers')),
    copulas: all('copulas'),
    objectMarkers: all('objectMarkers'),
    prepositions: new Set(all('prepositions')),
    listParentWords: [...all('listParentWords')].sort((a, b) => b.length - a.length),
    instrumentVerbs: new Set(all('instrumentVerbs')),
  };
}

export interface WordOf {
  text: string;
  tag: CoarseTag;
}

// Characters that may sit between words without saying anything: quotes, backticks, emphasis, brackets of links.
const quiet = /^[\s`'"“”‘’*_~[\]]*$/;

/** The words of a short text, by the packs' segmenters; undefined when it holds punctuation that says something. */
export function wordsBetween(rules: RelationRules, text: string): WordOf[] | undefined {
  const found: { at: number; word: WordOf; length: number }[] = [];
  for (const { terms, run } of rules.analyzers) {
    run.lastIndex = 0;
    for (const match of text.matchAll(run)) {
      for (const token of terms.segment(match[0])) found.push({ at: match.index + token.index, word: { text: token.text, tag: token.tag }, length: token.text.length });
    }
  }
  found.sort((a, b) => a.at - b.at);
  let reached = 0;
  for (const { at, length } of found) {
    if (!quiet.test(text.slice(reached, at))) return undefined;
    reached = Math.max(reached, at + length);
  }
  if (!quiet.test(text.slice(reached))) return undefined;
  return found.map(({ word }) => word);
}

export type Role = 'subject' | 'object';

/**
 * How many content words a short noun phrase between an end and the cue may hold. Before the cue none: the
 * head of a subject is its last noun ("Redis event loop uses" is said of the event loop, "crush算法设置列表包括"
 * of the list). After it two: modifiers of the object ("uses a custom epoll loop").
 */
const maxContentWords: Record<Role, number> = { subject: 0, object: 2 };

/**
 * Whether the text between a mention and a cue is filler for that role: function words, adverbs, numbers and
 * measure words, the packs' filler words, and at most a short noun phrase; no verb, no negation, no clause word.
 */
export function isFiller(rules: RelationRules, text: string, role: Role): boolean {
  if (text.length > 60) return false;
  const words = wordsBetween(rules, text);
  if (!words) return false;
  // "string by using …": a bare preposition before the cue puts the cue inside a phrase of its own.
  const bare = (word: WordOf) => word.tag === 'function' && !rules.subjectFiller.has(word.text.toLowerCase()) && !rules.copulas.includes(word.text.toLowerCase());
  if (role === 'subject' && words.some(bare) && words.every((word) => bare(word) || word.tag === 'adv')) return false;
  // "X 是 <something> 使用 …": a copula before the cue gives the clause another predicate.
  if (role === 'subject' && words.length > 1 && words.some((word) => rules.copulas.includes(word.text.toLowerCase())) && words.some((word) => word.tag === 'noun' || word.tag === 'propn')) return false;
  const filler = role === 'subject' ? rules.subjectFiller : rules.objectFiller;
  let content = 0;
  // Before the cue, what follows a preposition is an adverbial ("Redis 在 Linux 上使用", "Redis on Linux uses").
  let adverbial = false;
  for (const { text: word, tag } of words) {
    const lower = word.toLowerCase();
    if (rules.negations.includes(lower) || rules.clauseBreakers.has(lower)) return false;
    if (filler.has(lower) || tag === 'adv' || tag === 'num') continue;
    if (tag === 'function') {
      adverbial ||= role === 'subject' && !rules.copulas.includes(lower);
      continue;
    }
    if (adverbial && tag !== 'verb' && tag !== 'verbal') continue;
    if (tag === 'verb' || tag === 'verbal' || tag === 'other') return false;
    if (tag === 'adj' && role === 'subject') continue;
    content += 1;
    if (content > maxContentWords[role]) return false;
  }
  return true;
}

function negationPattern(negations: readonly string[]): RegExp {
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = negations.map((word) => (/^[a-z' ]+$/i.test(word) ? `\\b${escape(word)}\\b` : escape(word)));
  return new RegExp(parts.join('|') || '(?!)', 'i');
}

/** Whether a negation of any pack stands in the text. */
export function isNegated(rules: RelationRules, text: string): boolean {
  return rules.negation.test(text);
}
