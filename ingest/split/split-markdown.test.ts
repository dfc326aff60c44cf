import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../types.js';
import { splitLines } from './lines.js';
import { splitMarkdown } from './split-markdown.js';

const split = (path: string, text: string) => {
  const diagnostics: Diagnostic[] = [];
  const result = splitMarkdown(path, splitLines(text), diagnostics);
  return { ...result, diagnostics, rows: result.notes.map((note) => [note.title, note.lineStart, note.lineEnd]) };
};

describe('splitting a Markdown page', () => {
  it('cuts at ATX and setext headings, after the front matter, with true line ranges', () => {
    const { rows } = split('Raft.md', '---\ntags: [consensus]\n---\nRaft elects a leader.\n\n## Log replication\nThe leader appends.\n\nSafety\n------\nTerms only grow.\n');
    expect(rows).toEqual([
      ['Raft', 4, 4],
      ['Log replication', 6, 7],
      ['Safety', 9, 11],
    ]);
  });

  it('does not cut at a comment inside a fence, and cuts at any `# ` line outside one, as Markdown viewers show it', () => {
    const { rows } = split('Setup.md', 'Install:\n\n```bash\n# comment in the script\nmake\n```\n# ack --bar\nsearches bars.\n');
    expect(rows).toEqual([
      ['Setup', 1, 6],
      ['ack --bar', 7, 8],
    ]);
  });

  it('joins a heading with nothing under it to the section that follows', () => {
    expect(split('Ceph.md', '# Ceph\n## Placement groups\nPGs map objects to OSDs.\n').rows).toEqual([['Placement groups', 1, 3]]);
  });

  it('joins a "Tags:" list of links at the top of a page to its first note, titled by the page', () => {
    const { notes, page } = split('Notes/CPU pinning.md', 'Tags:\n- [[Linux]]\n- [[Operating Systems]]\n---\n## why\n- fewer context switches\n\n## Tags\n- #perf\n');
    expect(notes.map((note) => [note.title, note.lineStart, note.lineEnd])).toEqual([['CPU pinning', 1, 6]]);
    expect(notes[0]!.text).toContain('[[Linux]]');
    expect(page).toMatchObject({ title: 'CPU pinning', tags: ['linux', 'operating systems', 'perf'] });
    expect(notes[0]!.tags).toEqual(['linux', 'operating systems', 'perf']);
  });

  it('makes no note of a page of tags only, or of an unfilled template', () => {
    expect(split('Tags/web.md', '#web #frontend\n').notes).toEqual([]);
    expect(split('Templates/Atomic Note.md', 'Tags:\n- \n---\n\n---\n## References\n- \n').notes).toEqual([]);
  });

  it('titles notes of a README or Untitled page by their first line, and of a daily note by its date', () => {
    expect(split('kafka/README.md', 'See [[Kafka]] for the broker notes. #index\n').rows).toEqual([['See Kafka for the broker notes.', 1, 1]]);
    expect(split('Daily/2024-03-18.md', 'Read about retention.\n').notes[0]).toMatchObject({ title: '2024-03-18', date: '2024-03-18' });
  });

  it('reports front matter that is not YAML and still splits the page', () => {
    const { rows, diagnostics } = split('Bad.md', '---\ntags: [unclosed\n---\nStill a note.\n');
    expect(rows).toEqual([['Bad', 4, 4]]);
    expect(diagnostics).toEqual([{ file: 'Bad.md', stage: 'split', line: 1, message: 'front matter is not valid YAML: ignored' }]);
  });
});
