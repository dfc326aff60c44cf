import { describe, expect, it } from 'vitest';
import type { ConceptInfo } from '../extract-concepts.js';
import type { Mention, Relation } from '../types.js';
import { curatePageMentions, followMerges } from './curate-extraction.js';

const info = (...ids: string[]) => new Map<string, ConceptInfo>(ids.map((id) => [id, { id, name: id, kind: 'concept', aliases: [] }]));
const pageMention = (noteId: string, conceptId: string): Mention => ({ noteId, conceptId, count: 1, spans: [] });
const relation = (source: string, type: Relation['type'], target: string, weight = 1): Relation => ({ source, type, target, weight, evidence: 'e', noteId: 'n' });

describe('mentions made outside the hits follow the concept decisions', () => {
  it('moves a merged-away page concept to the concept it joined, once per note', () => {
    const kept = curatePageMentions([pageMention('n1', 'old-page'), pageMention('n2', 'old-page')], {
      mentions: [{ noteId: 'n1', conceptId: 'new', count: 2, spans: [0, 3, 5, 8] }],
      info: info('new'),
      mergedInto: new Map([['old-page', 'new']]),
    });
    expect(kept).toEqual([pageMention('n2', 'new')]);
  });

  it('drops the mentions of a hidden page concept', () => {
    expect(curatePageMentions([pageMention('n1', 'hidden')], { mentions: [], info: info('other'), mergedInto: new Map() })).toEqual([]);
  });
});

describe('relations whose ends were merged away', () => {
  it('point at the concept they joined, one edge per triple with the weights summed, none to itself', () => {
    const moved = followMerges([relation('a', 'LINKS_TO', 'c'), relation('b', 'LINKS_TO', 'c', 2), relation('a', 'LINKS_TO', 'b')], new Map([['b', 'a']]));
    expect(moved).toEqual([relation('a', 'LINKS_TO', 'c', 3)]);
  });
});
