import { describe, expect, it } from 'vitest';
import { noCurationDecisions } from './decisions.js';
import { curationFromTexts } from './load-decisions.js';

describe('the decisions an ingest applies', () => {
  it('are none when the folder has neither file', () => {
    expect(curationFromTexts(undefined, undefined)).toEqual({ decisions: noCurationDecisions, diagnostics: [] });
  });

  it('come from both files', () => {
    const { decisions, diagnostics } = curationFromTexts(
      'stopwords: [data]\ndecisions:\n  merge: { a: b }\n',
      'remove:\n  - { source: a, type: USES, target: b }\n',
    );
    expect(diagnostics).toEqual([]);
    expect(decisions).toEqual({
      stopwords: ['data'],
      concepts: { rename: {}, kind: {}, merge: { a: 'b' }, split: [] },
      relations: { remove: [{ source: 'a', type: 'USES', target: 'b' }], add: [] },
    });
  });

  it('skip a broken file with a diagnostic and still apply the other', () => {
    const { decisions, diagnostics } = curationFromTexts('decisions: [oops', 'remove:\n  - { source: a, type: USES, target: b }\n');
    expect(diagnostics).toEqual([{ file: 'notegraph-lexicon.yaml', stage: 'concepts', message: expect.stringMatching(/^curation decisions ignored: notegraph-lexicon\.yaml: /) }]);
    expect(decisions.concepts).toEqual(noCurationDecisions.concepts);
    expect(decisions.relations.remove).toHaveLength(1);
  });
});
