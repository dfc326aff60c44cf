import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { slugify } from './hash.js';
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
const lexiconFileSchema = z.object({
  concepts: z.array(entrySchema).default([]),
  stopwords: z.array(z.coerce.string()).default([]),
  /** Values redaction must leave alone (exact strings), read by the redact stage. */
  notSecret: z.array(z.coerce.string()).default([]),
});

export type LexiconEntry = z.infer<typeof entrySchema> & { id: string };

export interface Lexicon {
  entries: LexiconEntry[];
  stopwords: Set<string>;
  /** `notSecret` of the user's file: values the redact stage leaves alone. */
  notSecret?: Set<string>;
}

export const bundledLexiconPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lexicon.yaml');
/** A file with this name in the notes folder extends the bundled lexicon (same format). */
export const userLexiconFile = 'notegraph-lexicon.yaml';

/** Parses lexicon YAML; problems become diagnostics and the file contributes nothing. */
export function parseLexicon(file: string, yamlText: string): { lexicon: Lexicon; diagnostics: Diagnostic[] } {
  try {
    const parsed = lexiconFileSchema.safeParse(parseYaml(yamlText) ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return { lexicon: emptyLexicon(), diagnostics: [{ file, stage: 'concepts', message: `lexicon ignored: ${problems}` }] };
    }
    return {
      lexicon: {
        entries: parsed.data.concepts.map((entry) => ({ ...entry, id: slugify(entry.name) })),
        stopwords: new Set(parsed.data.stopwords.map((word) => word.toLowerCase())),
        notSecret: new Set(parsed.data.notSecret),
      },
      diagnostics: [],
    };
  } catch (error) {
    return { lexicon: emptyLexicon(), diagnostics: [{ file, stage: 'concepts', message: `lexicon is not valid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
}

function emptyLexicon(): Lexicon {
  return { entries: [], stopwords: new Set(), notSecret: new Set() };
}

/** User entries with the name of a bundled concept add aliases to it; new names add concepts. */
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
  };
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface LoadLexiconOptions {
  /** Use the bundled lexicon as seed knowledge (default true); `--no-lexicon` turns it off. */
  bundled?: boolean;
}

/**
 * The file edge: the bundled lexicon (optional seed knowledge: ids, kinds, Chinese aliases) plus the notes
 * folder's own `notegraph-lexicon.yaml`, if any, which overrides it. Unknown top-level keys of the user's file
 * (curation decisions, notSecret) are other stages' business and pass through unread.
 */
export async function loadLexicon(notesDir: string, options: LoadLexiconOptions = {}): Promise<{ lexicon: Lexicon; diagnostics: Diagnostic[] }> {
  const bundled = options.bundled === false ? { lexicon: emptyLexicon(), diagnostics: [] } : parseLexicon('ingest/lexicon.yaml', await readFile(bundledLexiconPath, 'utf8'));
  const userText = await readOptional(path.join(notesDir, userLexiconFile));
  if (userText === undefined) return bundled;
  const user = parseLexicon(userLexiconFile, userText);
  return { lexicon: mergeLexicons(bundled.lexicon, user.lexicon), diagnostics: [...bundled.diagnostics, ...user.diagnostics] };
}
