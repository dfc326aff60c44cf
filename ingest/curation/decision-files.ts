import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { z } from 'zod';
import { lexiconFileSchema } from '../lexicon.js';
import { compareRelationKeys, compareText, relationDecisionsSchema, type ConceptDecisions, type RelationDecisions } from './decisions.js';

/**
 * The two decision files as YAML documents. Documents (not plain objects) are what edits work on, so the
 * comments a person wrote survive every write. Serializing always brings the file into its stable order:
 * concepts by name, lists sorted and without duplicates, decision maps by concept id, relation lists by
 * (source, type, target). Collections the user wrote keep their style (flow or block); new ones are written
 * one entry per line so each decision is one line of a diff.
 */
export type DecisionFileKind = 'lexicon' | 'relations';

export interface DecisionDocuments {
  lexicon: Document;
  relations: Document;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Parses one file's text (undefined: the file does not exist). Syntax errors name the line, never the content. */
export function parseDecisionDocument(file: string, text: string | undefined): Parsed<Document> {
  const doc = parseDocument(text ?? '', { prettyErrors: true });
  const error = doc.errors[0];
  if (error) return { ok: false, problem: `${file}: ${error.message.split('\n')[0]}` };
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, problem: `${file}: the top level must be a map of sections` };
  return { ok: true, value: doc };
}

function validate<S extends z.ZodType>(file: string, schema: S, doc: Document): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
  return { ok: false, problem: `${file}: ${problems.slice(0, 3).join('; ')}` };
}

export interface LexiconCuration {
  stopwords: string[];
  concepts: ConceptDecisions;
  conceptNames: string[];
}

export function readLexiconCuration(file: string, doc: Document): Parsed<LexiconCuration> {
  const parsed = validate(file, lexiconFileSchema, doc);
  if (!parsed.ok) return parsed;
  const { stopwords, decisions, concepts } = parsed.value;
  return { ok: true, value: { stopwords, concepts: decisions, conceptNames: concepts.map((entry) => entry.name) } };
}

export function readRelationDecisions(file: string, doc: Document): Parsed<RelationDecisions> {
  return validate(file, relationDecisionsSchema, doc);
}

/** True when the document holds nothing at all, not even a comment: then the file need not exist. */
export function isEmptyDocument(doc: Document): boolean {
  const contents = doc.contents;
  const empty = contents === null || (isMap(contents) && contents.items.length === 0 && !contents.commentBefore && !contents.comment);
  return empty && !doc.commentBefore && !doc.comment;
}

/** The file text in its stable order. The document itself is left as it was. */
export function serializeDecisionDocument(doc: Document, kind: DecisionFileKind): string {
  const copy = doc.clone();
  if (kind === 'lexicon') normalizeLexicon(copy);
  else normalizeRelations(copy);
  return copy.toString({ lineWidth: 0 });
}

const scalarText = (node: unknown): string => (isScalar(node) ? String(node.value) : '');
const field = (node: unknown, key: string): string => (isMap(node) ? scalarText(node.get(key, true)) : '');

function childOf(doc: Document, path: string[]): Node | undefined {
  const node = doc.getIn(path, true);
  return isMap(node) || isSeq(node) ? node : undefined;
}

/** Sorts a list of scalars and drops repeats (case-insensitively when the list is matched that way). */
function sortScalars(seq: YAMLSeq, caseless: boolean): void {
  const seen = new Set<string>();
  seq.items = seq.items
    .filter((item) => {
      if (!isScalar(item)) return true;
      const key = caseless ? scalarText(item).toLowerCase() : scalarText(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => compareText(scalarText(a), scalarText(b)));
}

function sortMapKeys(map: YAMLMap): void {
  map.items.sort((a, b) => compareText(scalarText(a.key), scalarText(b.key)));
}

function sortSeq(doc: Document, path: string[], compare: (a: unknown, b: unknown) => number): void {
  const seq = childOf(doc, path);
  if (isSeq(seq)) seq.items.sort(compare);
}

const listFields = { aliases: true, exact: false, contextAliases: true, context: false } as const;

function normalizeLexicon(doc: Document): void {
  const concepts = childOf(doc, ['concepts']);
  if (isSeq(concepts)) {
    concepts.items.sort((a, b) => compareText(field(a, 'name'), field(b, 'name')));
    for (const entry of concepts.items) {
      if (!isMap(entry)) continue;
      for (const [key, caseless] of Object.entries(listFields)) {
        const list = entry.get(key, true);
        if (isSeq(list)) sortScalars(list, caseless);
      }
    }
  }
  for (const [key, caseless] of [['stopwords', true], ['notSecret', false]] as const) {
    const list = childOf(doc, [key]);
    if (isSeq(list)) sortScalars(list, caseless);
  }
  for (const section of ['rename', 'kind', 'merge']) {
    const map = childOf(doc, ['decisions', section]);
    if (isMap(map)) sortMapKeys(map);
  }
  sortSeq(doc, ['decisions', 'split'], (a, b) => compareText(field(a, 'from'), field(b, 'from')) || compareText(field(a, 'alias'), field(b, 'alias')));
}

const relationOf = (node: unknown) => ({ source: field(node, 'source'), type: field(node, 'type'), target: field(node, 'target') });

function normalizeRelations(doc: Document): void {
  for (const section of ['remove', 'add']) sortSeq(doc, [section], (a, b) => compareRelationKeys(relationOf(a), relationOf(b)));
}
