import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  conceptDecisionsSchema,
  noCurationDecisions,
  relationDecisionsSchema,
  relationsFileName,
  type CurationDecisions,
  type RelationDecisions,
} from './curation/decisions.js';
import { slugify } from './hash.js';
import type { StageTable } from './stage-cache.js';
import { readOptionalText } from './optional-file.js';
import { conceptKinds, type ConceptKind, type Diagnostic } from './types.js';

const entrySchema = z.object({
  name: z.string().trim().min(1),
  kind: z.enum(conceptKinds),
  aliases: z.array(z.coerce.string()).default([]),
  exact: z.array(z.coerce.string()).default([]),
  contextAliases: z.array(z.coerce.string()).default([]),
  context: z.array(z.string()).default([]),
  commandOf: z.string().optional(),
});
/**
 * A lexicon file: the bundled one, or the notes folder's `notegraph-lexicon.yaml` (docs/notes-folder-files.md),
 * where `decisions` holds the owner's curation decisions and `notSecret` the values redaction leaves alone. The explorer's decision writer validates with this same schema, so it never
 * writes a file an ingest would ignore.
 */
export const lexiconFileSchema = z.object({
  concepts: z.array(entrySchema).default([]),
  stopwords: z.array(z.coerce.string()).default([]),
  decisions: conceptDecisionsSchema.default(noCurationDecisions.concepts),
  /** Values redaction must leave alone (exact strings), read by the redact stage. */
  notSecret: z.array(z.coerce.string()).default([]),
});
export type LexiconFile = z.infer<typeof lexiconFileSchema>;

export type LexiconEntry = z.infer<typeof entrySchema> & { id: string };

export interface Lexicon {
  entries: LexiconEntry[];
  stopwords: Set<string>;
  /**
   * The owner's curation decisions (the notes folder's stopwords and `decisions`, and notegraph-relations.yaml),
   * applied to the final concept hits and typed relations. Only the notes folder's files carry them.
   */
  curation?: CurationDecisions;
  /** `notSecret` of the user's file: values the redact stage leaves alone. */
  notSecret?: Set<string>;
}

export const bundledLexiconPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lexicon.yaml');
/** A file with this name in the notes folder extends the bundled lexicon (same format). */
export const userLexiconFile = 'notegraph-lexicon.yaml';

type ReadYaml<T> = { value: T; diagnostics: [] } | { value: undefined; diagnostics: Diagnostic[] };

/** Parses a YAML file against its schema; problems become one diagnostic naming the fields, never the content. */
function readYaml<S extends z.ZodType>(file: string, stage: Diagnostic['stage'], yamlText: string, schema: S): ReadYaml<z.infer<S>> {
  const problem = (message: string): ReadYaml<z.infer<S>> => ({ value: undefined, diagnostics: [{ file, stage, message }] });
  try {
    const parsed = schema.safeParse(parseYaml(yamlText) ?? {});
    if (parsed.success) return { value: parsed.data, diagnostics: [] };
    return problem(`ignored: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ')}`);
  } catch (error) {
    return problem(`ignored: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Parses lexicon YAML; problems become diagnostics and the file contributes nothing. */
export function parseLexicon(file: string, yamlText: string): { lexicon: Lexicon; diagnostics: Diagnostic[] } {
  const { value, diagnostics } = readYaml(file, 'concepts', yamlText, lexiconFileSchema);
  if (!value) return { lexicon: emptyLexicon(), diagnostics: diagnostics.map((d) => ({ ...d, message: `lexicon ${d.message}` })) };
  return {
    lexicon: {
      entries: value.concepts.map((entry) => ({ ...entry, id: slugify(entry.name) })),
      stopwords: new Set(value.stopwords.map((word) => word.toLowerCase())),
      notSecret: new Set(value.notSecret),
      curation: { stopwords: value.stopwords, concepts: value.decisions, relations: noCurationDecisions.relations },
    },
    diagnostics: [],
  };
}

/** notegraph-relations.yaml (undefined: no such file); a broken file applies nothing and says why. */
export function parseRelationDecisions(yamlText: string | undefined): { decisions: RelationDecisions; diagnostics: Diagnostic[] } {
  if (yamlText === undefined) return { decisions: noCurationDecisions.relations, diagnostics: [] };
  const { value, diagnostics } = readYaml(relationsFileName, 'relations', yamlText, relationDecisionsSchema);
  return { decisions: value ?? noCurationDecisions.relations, diagnostics: diagnostics.map((d) => ({ ...d, message: `curation decisions ${d.message}` })) };
}

function emptyLexicon(): Lexicon {
  return { entries: [], stopwords: new Set(), notSecret: new Set() };
}

/**
 * User entries with the name of a bundled concept add aliases to it; new names add concepts. Curation decisions
 * are the user's alone (the bundled lexicon's stopwords are no hidden concepts).
 */
export function mergeLexicons(base: Lexicon, extra: Lexicon): Lexicon {
  const byId = new Map(base.entries.map((entry) => [entry.id, { ...entry }]));
  for (const entry of extra.entries) {
    const existing = byId.get(entry.id);
    if (!existing) {
      byId.set(entry.id, entry);
      continue;
    }
    byId.set(entry.id, {
      ...existing,
      kind: entry.kind as ConceptKind,
      aliases: [...new Set([...existing.aliases, ...entry.aliases])],
      exact: [...new Set([...existing.exact, ...entry.exact])],
      contextAliases: [...new Set([...existing.contextAliases, ...entry.contextAliases])],
      context: [...new Set([...existing.context, ...entry.context])],
      commandOf: entry.commandOf ?? existing.commandOf,
    });
  }
  return {
    entries: [...byId.values()],
    stopwords: new Set([...base.stopwords, ...extra.stopwords]),
    notSecret: new Set([...(base.notSecret ?? []), ...(extra.notSecret ?? [])]),
    curation: extra.curation,
  };
}

export interface LoadLexiconOptions {
  /** Use the bundled lexicon as seed knowledge (default true); `--no-lexicon` turns it off. */
  bundled?: boolean;
  /** Lexicons parsed before, by the texts of the three files (a running server's re-ingests; stage-cache.ts). */
  parsed?: StageTable<{ lexicon: Lexicon; diagnostics: Diagnostic[] }>;
}

/**
 * The file edge: the bundled lexicon (optional seed knowledge: ids, kinds, Chinese aliases) plus the notes
 * folder's own `notegraph-lexicon.yaml`, if any, which overrides it, and the owner's curation decisions from it
 * and from `notegraph-relations.yaml`.
 */
export async function loadLexicon(notesDir: string, options: LoadLexiconOptions = {}): Promise<{ lexicon: Lexicon; diagnostics: Diagnostic[] }> {
  const [bundledText, userText, relationsText] = await Promise.all([
    options.bundled === false ? undefined : readFile(bundledLexiconPath, 'utf8'),
    readOptionalText(path.join(notesDir, userLexiconFile)),
    readOptionalText(path.join(notesDir, relationsFileName)),
  ]);
  const parse = () => parseLexicons(bundledText, userText, relationsText);
  return options.parsed ? options.parsed.get(JSON.stringify([bundledText ?? null, userText ?? null, relationsText ?? null]), parse) : parse();
}

function parseLexicons(bundledText: string | undefined, userText: string | undefined, relationsText: string | undefined): { lexicon: Lexicon; diagnostics: Diagnostic[] } {
  const bundled = bundledText === undefined ? { lexicon: emptyLexicon(), diagnostics: [] } : parseLexicon('ingest/lexicon.yaml', bundledText);
  const user = userText === undefined ? { lexicon: emptyLexicon(), diagnostics: [] } : parseLexicon(userLexiconFile, userText);
  const relations = parseRelationDecisions(relationsText);
  const merged = mergeLexicons(bundled.lexicon, user.lexicon);
  const curation: CurationDecisions = { ...(merged.curation ?? noCurationDecisions), relations: relations.decisions };
  return { lexicon: { ...merged, curation }, diagnostics: [...bundled.diagnostics, ...user.diagnostics, ...relations.diagnostics] };
}
