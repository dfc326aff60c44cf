import type { TypedRelationType } from '../../common/graph-model.js';

/**
 * The extraction part of a language pack: what the concept-discovery and relation engines need to know about
 * one language. Engines read every pack and know no language themselves (STYLE.md "Rules as data").
 * Owned by the extraction work (issue "Ingest 2"); grow it as the engines need.
 */
export interface ExtractionRules {
  /** Words that are never concepts on their own (lower-cased). */
  stopwords: readonly string[];
  /** Cue phrases that state a typed relation, one row per cue. */
  relationCues: readonly RelationCue[];
}

export interface RelationCue {
  type: TypedRelationType;
  /** Source text of a regular expression (no flags; the engine adds them). */
  pattern: string;
  /** "X is used by Y": the relation runs from the object to the subject. */
  reverse?: boolean;
}
