import type { TypedRelationType } from '../../common/graph-model.js';

/**
 * The extraction part of a language pack: what the concept-discovery and relation engines need to know about
 * one language. Engines read every pack and know no language themselves (STYLE.md "Rules as data").
 * Word lists are lower-case; patterns are regular-expression source text without flags (the engine adds them).
 */
export interface ExtractionRules {
  /** Words that are never concepts on their own: general vocabulary of technical writing (file, 问题). */
  stopwords: readonly string[];
  /** Articles, prepositions, pronouns, auxiliaries, particles: never the start or end of a term. */
  functionWords: readonly string[];
  /** Heads that add nothing to a concept before them: "<concept> app" is the concept, not a new term. */
  genericHeads: readonly string[];
  /** Words that state the opposite of a cue standing after them ("does not use", "不使用"). */
  negations: readonly string[];
  /** What may stand between a subject and its cue besides function words: adverbs, auxiliaries, 将/把. */
  subjectFiller: readonly string[];
  /** What may stand between a cue and its object besides function words: measure words, "具体的", "叫做". */
  objectFiller: readonly string[];
  /** Words that end the reach of a cue inside a clause: relative pronouns, conjunctions (which, but, 但是). */
  clauseBreakers: readonly string[];
  /** Copulas, for "X 是 Y 的核心" and "X is an AMQP broker": what stands between the two ends of a suffix cue. */
  copulas: readonly string[];
  /** Markers that put the object before the verb (将, 把): "X 将 Y 路由到 Z" keeps X as the subject. */
  objectMarkers: readonly string[];
  /** Prepositions: a mention right after one is in an adverbial ("在 shell 里面可以使用"), never a subject. */
  prepositions: readonly string[];
  /**
   * Words that may stand between a list's heading concept and its colon and still make the items its parts
   * ("OpenStack components:", "openstack基础组件：", "仍以Nova为例:"). Anything else there ("ceph性能测试：") makes
   * the items something other than parts.
   */
  listParentWords: readonly string[];
  /** Verbs of instrument and cause: in "使用Libvirt管理KVM", "let nginx proxy …" the mention after them does the next verb. */
  instrumentVerbs: readonly string[];
  /** Cue phrases that state a typed relation, one row per cue. */
  relationCues: readonly RelationCue[];
  /**
   * Statements that two names are one concept, with named groups `term` and `alias`:
   * "协程（Coroutine）", "ReplicationController（简称RC）", "X, also called Y".
   */
  aliasPatterns: readonly AliasPattern[];
  /** Spans that are never mentions, e.g. a date with weekday and month names ("Mon Sep 16"). */
  maskPatterns: readonly string[];
  /** Words and tags of this language's text runs, with general-language frequencies: the segmenter adapter. */
  terms: TermAnalyzer;
}

export interface RelationCue {
  type: TypedRelationType;
  /** Source text of a regular expression (no flags; the engine adds them). */
  pattern: string;
  /** "X is used by Y": the relation runs from the object to the subject. */
  reverse?: boolean;
  /**
   * `forward` (default): subject before the cue, object after. `suffix`: the cue closes a copula phrase and both
   * ends stand before it ("X 是 Y 的核心", "X is a Y implementation").
   */
  mode?: 'forward' | 'suffix';
  /** Words that close the object's phrase after a place cue (保存在 … 中): the object is the mention before them. */
  closers?: readonly string[];
}

/**
 * Coarse parts of speech, the same for every language, so the term grammar is language-neutral. `verbal`: a
 * verbal noun or gerund (存储, 管理, balancing) — a term inside a compound, rarely alone. `person`: a first name
 * (a person's name is no concept; alone the same word may name a product, Ruby).
 */
export type CoarseTag = 'noun' | 'propn' | 'person' | 'verbal' | 'verb' | 'adj' | 'participle' | 'adv' | 'num' | 'function' | 'other';

export interface TermToken {
  /** The word as written. */
  text: string;
  /** Offset of the word inside the run that was segmented. */
  index: number;
  tag: CoarseTag;
}

/** Adapter over a language's segmenter, tagger and general-language word frequencies. */
export interface TermAnalyzer {
  /** The runs of text this analyzer segments (Han runs for Chinese, Latin words for English); global flag added. */
  run: RegExp;
  /** Words of one run with a coarse part of speech. */
  segment(run: string): TermToken[];
  /** How often the word occurs per million words of general language; 0 when the list does not know it. */
  backgroundPerMillion(word: string): number;
  /** Optional: look up many words at once before asking for them one by one (a dictionary scan instead of a map). */
  preload?(words: Iterable<string>): void;
  /** The folding key of one word: singular and lower-case for English, unchanged for Chinese. */
  foldWord(word: string): string;
  /** Tags a term's words may have: modifiers, then the head (last word), and a word standing alone. */
  termModifiers: readonly CoarseTag[];
  termHeads: readonly CoarseTag[];
  wordTags: readonly CoarseTag[];
  /** Tags a one-character word may have to close a compound (线 in 水位线, 组 in 消费者组); none for English. */
  suffixTags: readonly CoarseTag[];
  /** Weirdness (log2 of corpus rate over general rate) a lone word needs in this language. */
  minWordWeirdness: number;
  /** Words of a compound are written apart ("placement group") or together ("计算节点"). */
  joiner: string;
  /** Shortest single word that can be a concept (in characters). */
  minWordLength: number;
}

/**
 * A pattern of alias statements, or one with `requires`: a shorter expression that every match of the pattern
 * contains (its cue), tested first so the pattern runs only where it can match.
 */
export type AliasPattern = string | { pattern: string; requires: string };
