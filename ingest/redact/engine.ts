import { redactedMark } from './kinds.js';
import { entropyLayer } from './layer-entropy.js';
import { knownFormatLayer } from './layer-known-formats.js';
import { labelLayer } from './layer-labels.js';
import { personalLayer } from './layer-personal.js';
import { statementLayer } from './layer-statements.js';
import { tableLayer } from './layer-tables.js';
import type { CompiledRules } from './rules.js';
import { isProtected, scanText } from './scan.js';
import type { Finding, LayerName, RedactionLayer } from './types.js';

/**
 * The redaction engine for one file: every layer reports spans, spans that overlap are merged (a value two
 * layers see is redacted once, over the union of what they saw), and each span becomes `[REDACTED:kind]`.
 * Line breaks inside a span are kept, so every line of the file keeps its number.
 */
export const defaultLayers: readonly RedactionLayer[] = [knownFormatLayer, statementLayer, labelLayer, tableLayer, personalLayer, entropyLayer];

const priority: Record<LayerName, number> = { 'known-format': 0, label: 1, personal: 2, entropy: 3, propagation: 4 };

export interface FileRedaction {
  text: string;
  /** The merged spans that were replaced, in text order. */
  findings: Finding[];
  /** Every value a layer found (before merging), for propagation to other places and files. */
  found: Finding[];
}

/** A layer that threw: the engine reports which layer, never the error's message (it may quote the text). */
export class RedactionLayerError extends Error {
  constructor(readonly layer: string) {
    super(`redaction layer ${layer} failed`);
    this.name = 'RedactionLayerError';
  }
}

export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end || priority[a.layer] - priority[b.layer]);
  const merged: Finding[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (!last || next.start >= last.end) {
      merged.push({ ...next });
      continue;
    }
    if (priority[next.layer] < priority[last.layer]) Object.assign(last, { kind: next.kind, layer: next.layer });
    last.end = Math.max(last.end, next.end);
  }
  return merged;
}

/**
 * Replaces each span by its mark, keeping the line breaks the span covered. Joined from parts, so the result is
 * one flat string: a string built by `+=` is a rope, and reading a rope character by character (propagation's
 * automaton) is several times slower.
 */
export function applyFindings(text: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const finding of findings) {
    const covered = text.slice(finding.start, finding.end);
    parts.push(text.slice(at, finding.start), redactedMark(finding.kind), '\n'.repeat(covered.split('\n').length - 1));
    at = finding.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function allowed(finding: Finding, text: string, rules: CompiledRules): boolean {
  return rules.notSecret.has(text.slice(finding.start, finding.end)) || (finding.value !== undefined && rules.notSecret.has(finding.value));
}

export function redactText(text: string, rules: CompiledRules, layers: readonly RedactionLayer[] = defaultLayers): FileRedaction {
  const scan = scanText(text, rules);
  const found: Finding[] = [];
  for (const layer of layers) {
    try {
      found.push(...layer.find(scan));
    } catch {
      throw new RedactionLayerError(layer.name);
    }
  }
  const kept = found.filter((finding) => finding.end > finding.start && !isProtected(scan, finding.start, finding.end) && !allowed(finding, text, rules));
  const findings = mergeFindings(kept);
  return { text: applyFindings(text, findings), findings, found: kept };
}
