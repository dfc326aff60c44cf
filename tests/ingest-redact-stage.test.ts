import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { extractGraph, guarded } from '../ingest/extract-graph.js';
import { parseLexicon } from '../ingest/lexicon.js';
import { defaultLayers, formatAudit, redactFiles, type RedactionLayer } from '../ingest/redact/index.js';
import { findKnownTokens } from '../ingest/redact/secretlint-rules.js';
import type { RawFile } from '../ingest/types.js';

const raw = (path: string, text: string): RawFile => ({ path, bytes: Buffer.from(text, 'utf8') });
const emptyLexicon = parseLexicon('test', '').lexicon;

describe('the redact stage never crashes the run and never prints what it hides', () => {
  const noteText = 'Ceph OSD notes: the OSD stores objects.\n密码：Qz7vLm2x9';
  // A layer that fails the way the old engine did: its error message quotes the text it was working on.
  const failing: RedactionLayer = {
    name: 'label',
    find(scan) {
      if (scan.text.includes('OSD')) throw new SyntaxError(`Invalid regular expression: /${scan.text}/: Regular expression too large`);
      return [];
    },
  };

  it('skips a file whose redaction throws, reports it, and ingests the rest', () => {
    const { graph, filesSkipped } = extractGraph({
      files: [raw('bad.md', noteText), raw('good.md', '# Nova\nNova API schedules instances on compute hosts.')],
      lexicon: emptyLexicon,
      redaction: { layers: [...defaultLayers, failing] },
    });
    expect(filesSkipped).toBe(1);
    expect(graph.notes.map((note) => note.occurrences[0]!.path)).toEqual(['good.md']);
    const diagnostic = graph.diagnostics.find((entry) => entry.file === 'bad.md');
    expect(diagnostic).toMatchObject({ stage: 'redact' });
    expect(diagnostic!.message).toContain('layer label');
  });

  it('writes no note text and no value into the diagnostic', () => {
    const { graph } = extractGraph({ files: [raw('bad.md', noteText)], lexicon: emptyLexicon, redaction: { layers: [failing] } });
    const printed = JSON.stringify(graph.diagnostics);
    for (const fragment of ['Ceph', 'OSD', 'objects', 'Qz7vLm2x9', '密码', 'Regular expression']) expect(printed).not.toContain(fragment);
  });

  it('reports a failure of any later stage by its error class, never by a message that quotes the note', () => {
    const diagnostics: Parameters<typeof guarded>[0] = [];
    const result = guarded(diagnostics, 'ops.md', 'relations', () => {
      throw new RangeError(`Maximum call stack size exceeded while reading "${noteText}"`);
    });
    expect(result).toBeUndefined();
    expect(diagnostics).toEqual([{ file: 'ops.md', stage: 'relations', message: 'stage failed (RangeError)' }]);
  });

  it('ingests an Obsidian note with a 1.5 MB pasted screenshot, and redacts nothing inside the payload', () => {
    // A payload full of the shapes that broke the old engine: `QQ` then digits, 16-hex runs.
    const payload = 'iVBORw0KGgoAAAANSUhEUg' + 'QQ8187899750AbCd5ab3419899fe6036'.repeat(48_000);
    const note = `# Dashboard\nThe Pi-hole dashboard after the change:\n\n![shot](data:image/png;base64,${payload})\n\nBlocklists update weekly.`;
    const { graph } = extractGraph({ files: [raw('vault/daily.md', note), raw('vault/other.md', '# Other\nUnbound is the upstream resolver.')], lexicon: emptyLexicon });
    expect(graph.diagnostics.filter((entry) => entry.stage === 'redact')).toEqual([]);
    expect(new Set(graph.notes.map((note) => note.occurrences[0]!.path))).toEqual(new Set(['vault/daily.md', 'vault/other.md']));
    expect(graph.notes.some((note) => note.text.includes('[REDACTED'))).toBe(false);
  });
});

describe('the audit a person can read', () => {
  const result = redactFiles([{ path: 'ops.txt', text: 'intro\n密码：Qz7vLm2x9\nuser: x\nmail aj@mail.cn' }]);

  it('lists every redaction as file:line, kind and the masked shape', () => {
    expect(formatAudit(result.records).split('\n')).toEqual([
      'redactions (2):',
      'ops.txt:2\tpassword\t[REDACTED:password] (9 chars)\tlabel',
      'ops.txt:4\temail\t[REDACTED:email] (10 chars)\tpersonal',
    ]);
  });

  it('counts redactions by kind', () => {
    expect(result.counts).toEqual({ password: 1, email: 1 });
  });

  it('honours notSecret from the notes folder lexicon file', () => {
    const lexicon = parseLexicon('notegraph-lexicon.yaml', 'notSecret: [Qz7vLm2x9]').lexicon;
    const { graph, redactions } = extractGraph({ files: [raw('ops.txt', '# Ops\n密码：Qz7vLm2x9')], lexicon });
    expect(graph.notes[0]!.text).toContain('Qz7vLm2x9');
    expect(redactions).toEqual([]);
  });
});

describe('known token formats through secretlint', () => {
  const sample = [
    'export GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'NPM=npm_abcdefghijklmnopqrstuvwxyz0123456789',
    'mysql://user:s3cretPassw0rd@db.internal:3306/app',
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEZ',
    'plain text with nothing secret in it',
  ].join('\n');

  it('reports through the synchronous adapter what secretlint itself reports', async () => {
    const result = await lintSource({
      source: { content: sample, filePath: '/notes/sample.txt', ext: '.txt', contentType: 'text' },
      options: { config: { rules: [{ id: recommendedPreset.meta.id, rule: recommendedPreset }] }, maskSecrets: true },
    });
    const expected = result.messages.map((message) => `${message.ruleId}@${message.range[0]}-${message.range[1]}`).sort();
    const actual = findKnownTokens(sample).map((match) => `${match.ruleId}@${match.start}-${match.end}`).sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(actual).toEqual(expected);
  });
});
