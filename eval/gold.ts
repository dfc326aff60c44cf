import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isTypedRelationType, type TypedRelationType } from '../common/graph-model.js';

/**
 * Gold files of the extraction eval (`eval/corpora/<name>/gold.yaml`), written by a reader of the corpus before
 * looking at the output:
 *   notes: ../../../notes          (optional: the corpus folder, relative to the gold file; default ./notes)
 *   concepts: [Ceph, [placement group, PG, 归置组], …]   a concept, or its name with the spellings that count
 *   relations: [[sonic, USES, supervisord], …]          gold relations: (source, type, target) by gold name
 *   accept: [...]   concepts judged right that are not gold (for precision@100)
 *   reject: [...]   concepts judged wrong
 */
const spellings = z.union([z.array(z.coerce.string()).min(1), z.coerce.string()]).transform((value) => (Array.isArray(value) ? value : [value]));
const goldSchema = z.object({
  notes: z.string().optional(),
  description: z.string().optional(),
  concepts: z.array(spellings).default([]),
  relations: z
    .array(z.tuple([z.coerce.string(), z.string(), z.coerce.string()]))
    .default([])
    .refine((rows) => rows.every(([, type]) => isTypedRelationType(type)), { message: 'unknown relation type' }),
  accept: z.array(spellings).default([]),
  reject: z.array(spellings).default([]),
});

export interface GoldRelation {
  source: string;
  type: TypedRelationType;
  target: string;
}

export interface Gold {
  name: string;
  notesDir: string;
  description: string;
  /** Each gold concept: its spellings, the first is its name. */
  concepts: string[][];
  relations: GoldRelation[];
  accept: string[][];
  reject: string[][];
}

export async function loadGold(goldFile: string): Promise<Gold> {
  const parsed = goldSchema.parse(parseYaml(await readFile(goldFile, 'utf8')) ?? {});
  const dir = path.dirname(goldFile);
  return {
    name: path.basename(dir),
    notesDir: path.resolve(dir, parsed.notes ?? 'notes'),
    description: parsed.description ?? '',
    concepts: parsed.concepts,
    relations: parsed.relations.map(([source, type, target]) => ({ source, type: type as TypedRelationType, target })),
    accept: parsed.accept,
    reject: parsed.reject,
  };
}
