import type { ConceptInfo } from './extract-concepts.js';
import type { Lexicon } from './lexicon.js';
import type { ConceptHit } from './lexicon-matcher.js';
import type { Note } from './types.js';

export interface Discovery {
  concepts: Map<string, ConceptInfo>;
  hitsByNote: Map<string, ConceptHit[]>;
}

/** Discovery of concepts the lexicon lacks (first version: none; see discover-*.ts). */
export function discoverConcepts(_notes: Note[], _hitsByNote: Map<string, ConceptHit[]>, _lexicon: Lexicon): Discovery {
  return { concepts: new Map(), hitsByNote: new Map() };
}
