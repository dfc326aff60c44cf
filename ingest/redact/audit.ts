import { redactedMark, type RedactionKind } from './kinds.js';
import type { Finding, LayerName } from './types.js';

/**
 * The audit of a run: every redaction as file, line, kind, layer and the length of what was hidden — never the
 * value, nor any text around it. `npm run ingest -- --redactions` prints it so a person can check for false
 * positives and allow-list them (`notSecret` in notegraph-lexicon.yaml).
 */
export interface RedactionRecord {
  file: string;
  line: number;
  kind: RedactionKind;
  /** Length of the redacted value in characters. */
  chars: number;
  layer: LayerName;
}

/** Records of findings in text order (line numbers counted in one walk over the text). */
export function recordsOf(file: string, text: string, findings: readonly Finding[]): RedactionRecord[] {
  let line = 1;
  let at = 0;
  return findings.map((finding) => {
    for (let next = text.indexOf('\n', at); next >= 0 && next < finding.start; next = text.indexOf('\n', next + 1)) line += 1;
    at = Math.max(at, finding.start);
    // Characters as a person counts them (code points), not UTF-16 units.
    return { file, line, kind: finding.kind, chars: [...text.slice(finding.start, finding.end)].length, layer: finding.layer };
  });
}

export function countByKind(records: readonly RedactionRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) counts[record.kind] = (counts[record.kind] ?? 0) + 1;
  return counts;
}

const byPlace = (a: RedactionRecord, b: RedactionRecord) => a.file.localeCompare(b.file) || a.line - b.line;

/** One line per redaction: `notes/ops.txt:1188  password  [REDACTED:password] (9 chars)  label`. */
export function formatAudit(records: readonly RedactionRecord[]): string {
  const lines = [...records].sort(byPlace).map((record) => `${record.file}:${record.line}\t${record.kind}\t${redactedMark(record.kind)} (${record.chars} chars)\t${record.layer}`);
  return [`redactions (${records.length}):`, ...lines].join('\n');
}
