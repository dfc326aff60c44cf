import { languagePacks, type LanguagePack } from '../languages/index.js';
import type { Diagnostic } from '../types.js';
import { countByKind, recordsOf, type RedactionRecord } from './audit.js';
import { applyFindings, defaultLayers, mergeFindings, RedactionLayerError, redactText } from './engine.js';
import { candidatesOf, propagate } from './propagation.js';
import { compileRules } from './rules.js';
import type { Finding, RedactionLayer } from './types.js';

/**
 * The redact stage: every file's whole text (titles included, line numbers kept), then propagation of the
 * secret-like values across all files. A file whose redaction fails is skipped with a diagnostic that names
 * the file and the layer — never the error's message, which could quote the text — and the run goes on.
 */
export interface RedactionOptions {
  packs?: readonly LanguagePack[];
  /** Exact values never to redact (the user's allow-list). */
  notSecret?: Iterable<string>;
  layers?: readonly RedactionLayer[];
}

export interface TextFile {
  path: string;
  text: string;
}

export interface RedactFilesResult {
  /** The redacted files, in input order; files whose redaction failed are absent. */
  files: TextFile[];
  records: RedactionRecord[];
  counts: Record<string, number>;
  diagnostics: Diagnostic[];
}

function failure(file: string, error: unknown, step: string): Diagnostic {
  const where = error instanceof RedactionLayerError ? `layer ${error.layer}` : step;
  return { file, stage: 'redact', message: `redaction failed (${where}); the file is skipped so none of its text is stored` };
}

interface FirstPass {
  path: string;
  original: string;
  text: string;
  findings: Finding[];
}

export function redactFiles(files: readonly TextFile[], options: RedactionOptions = {}): RedactFilesResult {
  const rules = compileRules(options.packs ?? languagePacks, options.notSecret);
  const diagnostics: Diagnostic[] = [];
  const first: FirstPass[] = [];
  const found: Finding[] = [];
  for (const file of files) {
    try {
      const result = redactText(file.text, rules, options.layers ?? defaultLayers);
      first.push({ path: file.path, original: file.text, text: result.text, findings: result.findings });
      found.push(...result.found);
    } catch (error) {
      diagnostics.push(failure(file.path, error, 'first pass'));
    }
  }
  let spreadByFile: Finding[][];
  try {
    spreadByFile = propagate(candidatesOf(found, rules), first.map((file) => file.text));
  } catch (error) {
    // Without propagation a value pasted again unlabelled would stay: no file goes further.
    return { files: [], records: [], counts: {}, diagnostics: [...diagnostics, ...first.map((file) => failure(file.path, error, 'propagation'))] };
  }
  const redacted: TextFile[] = [];
  const records: RedactionRecord[] = [];
  first.forEach((file, index) => {
    try {
      const spread = mergeFindings(spreadByFile[index]!);
      const text = applyFindings(file.text, spread);
      records.push(...recordsOf(file.path, file.original, file.findings), ...recordsOf(file.path, file.text, spread));
      redacted.push({ path: file.path, text });
    } catch (error) {
      diagnostics.push(failure(file.path, error, 'propagation'));
    }
  });
  return { files: redacted, records, counts: countByKind(records), diagnostics };
}
