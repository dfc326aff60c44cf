import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import type { CoarseTag, TermAnalyzer, TermToken } from './extraction-rules.js';

/**
 * Chinese words for the term engines: jieba (@node-rs/jieba) segments and tags Han runs with its own dictionary
 * and HMM, and the same dictionary's word frequencies are the general language. Loaded on first use (~0.2 s).
 */
const require = createRequire(import.meta.url);

let jieba: Jieba | undefined;
const segmenter = (): Jieba => {
  if (jieba) return jieba;
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  return (jieba = JiebaClass.withDict(dictionary()));
};
const dictionary = (): Uint8Array => (require('@node-rs/jieba/dict') as { dict: Uint8Array }).dict;

/**
 * General-language frequency of the words asked for, read from jieba's dictionary ("word frequency tag" per
 * line). Building a map of all 349k entries costs a third of a second; scanning for the words needed does not.
 */
const frequency = new Map<string, number>();
let dictionaryTotal = 0;
let dictionaryText: string | undefined;

function preload(words: Iterable<string>): void {
  const wanted = new Set<string>();
  for (const word of words) if (!frequency.has(word) && /\p{Script=Han}/u.test(word)) wanted.add(word);
  if (wanted.size === 0) return;
  const text = (dictionaryText ??= Buffer.from(dictionary()).toString('utf8'));
  let total = 0;
  for (let at = 0; at < text.length; ) {
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const space = text.indexOf(' ', at);
    if (space > at && space < end) {
      let count = 0;
      for (let i = space + 1; i < end; i += 1) {
        const digit = text.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) break;
        count = count * 10 + digit;
      }
      total += count;
      if (wanted.has(text.slice(at, space))) frequency.set(text.slice(at, space), count);
    }
    at = end + 1;
  }
  dictionaryTotal = total;
  for (const word of wanted) if (!frequency.has(word)) frequency.set(word, 0);
}

// jieba's tag set (ICTCLAS style) folded to the coarse tags every pack shares. 区别词 (b: 虚拟, 主要) modify
// nouns; verbal and adjectival nouns (vn, an) are nouns; particles, pronouns, prepositions, conjunctions are
// function words; direction words (f: 上, 中) close a place phrase.
const coarse: Record<string, CoarseTag> = {
  n: 'noun', nz: 'noun', ng: 'noun', nt: 'noun', ns: 'noun', nr: 'noun', nrt: 'noun', nrfg: 'noun', vn: 'verbal', an: 'verbal',
  j: 'noun', eng: 'noun', l: 'other', i: 'other',
  b: 'adj', a: 'adj', ad: 'adj', ag: 'adj', z: 'adj',
  v: 'verb', vd: 'verb', vg: 'verb', vi: 'verb', vq: 'verb',
  d: 'adv', df: 'adv', dg: 'adv',
  m: 'num', mq: 'num', q: 'num', t: 'num',
  r: 'function', rr: 'function', rz: 'function', p: 'function', c: 'function', u: 'function', uj: 'function', ul: 'function',
  uz: 'function', ud: 'function', ug: 'function', uv: 'function', y: 'function', e: 'function', o: 'function', f: 'function',
};

// Segmenting is the costliest step for Chinese text and notes repeat their passages: remember runs (bounded).
const cache = new Map<string, TermToken[]>();

function segment(run: string): TermToken[] {
  const cached = cache.get(run);
  if (cached) return cached;
  if (cache.size >= 100_000) cache.clear();
  const tokens: TermToken[] = [];
  let index = 0;
  for (const { word, tag } of segmenter().tag(run, true)) {
    // 区别词 of three characters and more are names of things (虚拟机, 主机板), shorter ones modify (虚拟, 主要).
    // Words the dictionary lacks come out of the HMM tagged x: of two characters and more, new terms (协程).
    const unknownWord = tag === 'x' && word.length >= 2 && /^\p{Script=Han}+$/u.test(word);
    const coarseTag = (tag === 'b' && word.length >= 3) || unknownWord ? 'noun' : (coarse[tag] ?? 'other');
    tokens.push({ text: word, index, tag: coarseTag });
    index += word.length;
  }
  cache.set(run, tokens);
  return tokens;
}

export const chineseTerms: TermAnalyzer = {
  run: /\p{Script=Han}+/gu,
  segment,
  backgroundPerMillion: (word) => {
    if (!/\p{Script=Han}/u.test(word)) return 0;
    // Callers preload what they will ask; a word asked for afterwards costs one scan of the dictionary.
    if (!frequency.has(word)) preload([word]);
    return ((frequency.get(word) ?? 0) / Math.max(1, dictionaryTotal)) * 1e6;
  },
  preload,
  foldWord: (word) => word,
  termModifiers: ['noun', 'verbal', 'adj', 'verb'],
  termHeads: ['noun', 'verbal', 'verb'],
  suffixTags: ['noun', 'num', 'other', 'verbal'],
  // 管理, 存储, 调用 alone are actions; 存储池, 对象存储 are things.
  wordTags: ['noun'],
  minWordWeirdness: 4,
  joiner: '',
  minWordLength: 2,
};
