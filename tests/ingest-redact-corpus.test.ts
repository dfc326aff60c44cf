import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractGraph } from '../ingest/extract-graph.js';
import { parseLexicon } from '../ingest/lexicon.js';
import { redactFiles } from '../ingest/redact/index.js';
import { toJsonExport } from '../ingest/report.js';
import { allBundledSecrets } from './ingest-redact-bundled-secrets.js';

const readFolder = (dir: string) =>
  readdirSync(dir)
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => ({ path: name, text: readFileSync(path.join(dir, name), 'utf8') }));

describe('a corpus without credentials', () => {
  // English database notes, Chinese cloud notes and an Obsidian daily note with a pasted screenshot, written for
  // these tests: full of "password", "token", "secret", postgres, UUIDs, SHAs, IPs and base64 — and no credential.
  const clean = readFolder('tests/ingest-redact-fixtures/clean');

  it('loses no word: nothing is redacted', () => {
    const result = redactFiles(clean);
    expect(result.records).toEqual([]);
    expect(result.files.map((file) => file.text)).toEqual(clean.map((file) => file.text));
  });
});

describe('the bundled notes', () => {
  const files = readFolder('notes').map((file) => ({ path: file.path, bytes: Buffer.from(file.text, 'utf8') }));
  const { graph, redactions } = extractGraph({ files, lexicon: parseLexicon('test', '').lexicon });
  const exported = JSON.stringify(toJsonExport(graph));

  it('hold every value of the test list (so its absence below means something)', () => {
    const raw = readFolder('notes').map((file) => file.text).join('\n');
    expect(allBundledSecrets.filter((secret) => !raw.includes(secret))).toEqual([]);
  });

  it('keep every listed value out of the JSON export', () => {
    expect(allBundledSecrets.filter((secret) => exported.includes(JSON.stringify(secret).slice(1, -1)))).toEqual([]);
  });

  it('keep their line numbers: no note ends past its file', () => {
    const lines = new Map(readFolder('notes').map((file) => [file.path, file.text.split('\n').length]));
    for (const note of graph.notes) for (const place of note.occurrences) expect(place.lineEnd).toBeLessThanOrEqual(lines.get(place.path)!);
  });

  it('audit every redaction with a line inside its file', () => {
    expect(redactions.length).toBeGreaterThan(200);
    expect(redactions.every((record) => record.line >= 1 && record.chars > 0)).toBe(true);
  });
});
