import { describe, expect, it } from 'vitest';
import { fencedCode, insideRegion } from './regions.js';
import { findWikiLinks } from './wikilinks.js';

describe('fenced code', () => {
  it('marks the body of a labelled fence and keeps the label as metadata', () => {
    const text = 'Run it:\n```bash\nkubectl get pods\n```\nDone.';
    const [region] = fencedCode(text);
    expect(region).toMatchObject({ kind: 'code', label: 'bash' });
    expect(text.slice(region!.start, region!.end)).toBe('kubectl get pods');
    expect(insideRegion(fencedCode(text), text.indexOf('Done'), text.indexOf('Done') + 4)).toBe(false);
  });

  it('runs an unclosed fence to the end of the text', () => {
    const text = 'a\n~~~\ncode line';
    expect(text.slice(fencedCode(text)[0]!.start)).toBe('code line');
  });
});

describe('wikilinks', () => {
  it('reads page, heading, alias and embed', () => {
    expect(findWikiLinks('see [[Raft#Election|leader election]] and ![[diagram.png]]')).toMatchObject([
      { target: 'Raft', heading: 'Election', alias: 'leader election', embed: false },
      { target: 'diagram.png', embed: true },
    ]);
  });
});
