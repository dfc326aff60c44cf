import { languagePacks, type LanguagePack } from '../languages/index.js';
import type { Diagnostic } from '../types.js';
import { countByKind, recordsOf, type RedactionRecord } from './audit.js';
import type { StageTable } from '../stage-cache.js';
import { applyFindings, defaultLayers, mergeFindings, RedactionLayerError, redactText, type FileRedaction } from './engine.js';
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
  /**
   * Results of the first pass kept by a running server (ingest/stage-cache.ts), keyed by the allow-list and the
   * text; used only with the built-in packs and layers, which the key leaves out.
   */
  firstPass?: StageTable<FileRedaction>;
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
  const notSecret = [...(options.notSecret ?? [])];
  const rules = compileRules(options.packs ?? languagePacks, notSecret);
  const diagnostics: Diagnostic[] = [];
  const first: FirstPass[] = [];
  const found: Finding[] = [];
  const cache = options.packs || options.layers ? undefined : options.firstPass;
  const allowed = cache ? JSON.stringify(notSecret) : '';
  for (const file of files) {
    try {
      const pass = () => redactText(file.text, rules, options.layers ?? defaultLayers);
      const result = cache ? cache.get(`${allowed}\u0000${file.text}`, pass) : pass();
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
