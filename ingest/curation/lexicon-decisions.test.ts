import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicon, parseLexicon, parseRelationDecisions } from '../lexicon.js';
import { noCurationDecisions } from './decisions.js';

async function withFolder(files: Record<string, string>, work: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'notegraph-decisions-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the decisions an ingest applies', () => {
  it('are none when the folder has neither file', async () => {
    await withFolder({}, async (dir) => {
      const { lexicon, diagnostics } = await loadLexicon(dir, { bundled: false });
      expect(lexicon.curation).toEqual(noCurationDecisions);
      expect(diagnostics).toEqual([]);
    });
  });

  it('come from both files of the notes folder', async () => {
    await withFolder(
      {
        'notegraph-lexicon.yaml': 'stopwords: [data]\ndecisions:\n  merge: { a: b }\n',
        'notegraph-relations.yaml': 'remove:\n  - { source: a, type: USES, target: b }\n',
      },
      async (dir) => {
        const { lexicon, diagnostics } = await loadLexicon(dir);
        expect(diagnostics).toEqual([]);
        expect(lexicon.curation).toEqual({
          stopwords: ['data'],
          concepts: { rename: {}, kind: {}, merge: { a: 'b' }, split: [] },
          relations: { remove: [{ source: 'a', type: 'USES', target: 'b' }], add: [] },
        });
      },
    );
  });

  it('never take the bundled stopwords for hidden concepts', async () => {
    await withFolder({}, async (dir) => {
      const { lexicon } = await loadLexicon(dir);
      expect(lexicon.stopwords.size).toBeGreaterThan(0);
      expect(lexicon.curation?.stopwords).toEqual([]);
    });
  });

  it('skip a broken relations file with a diagnostic and still apply the lexicon', async () => {
    await withFolder(
      { 'notegraph-lexicon.yaml': 'decisions:\n  rename: { a: A }\n', 'notegraph-relations.yaml': 'remove: [oops' },
      async (dir) => {
        const { lexicon, diagnostics } = await loadLexicon(dir, { bundled: false });
        expect(diagnostics).toEqual([{ file: 'notegraph-relations.yaml', stage: 'relations', message: expect.stringMatching(/^curation decisions ignored: /) }]);
        expect(lexicon.curation?.concepts.rename).toEqual({ a: 'A' });
        expect(lexicon.curation?.relations).toEqual(noCurationDecisions.relations);
      },
    );
  });

  it('ignore a lexicon whose decisions name an unknown kind, naming the field', () => {
    const { lexicon, diagnostics } = parseLexicon('notegraph-lexicon.yaml', 'decisions:\n  kind: { nova: spaceship }\n');
    expect(lexicon.entries).toEqual([]);
    expect(diagnostics[0]?.message).toMatch(/^lexicon ignored: decisions\.kind\.nova/);
  });

  it('read a relation type only from the graph model', () => {
    expect(parseRelationDecisions('add:\n  - { source: a, type: LOVES, target: b, evidence: x }\n').diagnostics).toHaveLength(1);
  });
});
