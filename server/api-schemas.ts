import { z } from 'zod';
import { conceptEdgeTypes } from '../common/graph-model.js';

/**
 * The zod schemas of every request: routes validate with them and /api/openapi.json is generated from them,
 * so the documentation cannot drift from what the server accepts.
 */
const int = (min: number, max: number, fallback: number, description: string) =>
  z.coerce.number().int().min(min).max(max).default(fallback).meta({ description });

/** A list given as `a,b` or as a repeated parameter (`?kinds=a&kinds=b`). */
const listParam = <T extends z.ZodType<unknown, string>>(item: T, description: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')).map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).max(100))
    .optional()
    .meta({ description });

export const idParams = z.object({
  id: z.string().min(1).max(512).meta({ description: 'Concept or note id' }),
});

const isoDay = (description: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date as YYYY-MM-DD').optional().meta({ description });

/** The time range over notes that /graph and /concepts/:id take. */
const timeRange = {
  from: isoDay('Only notes dated on or after this day (YYYY-MM-DD)'),
  to: isoDay('Only notes dated on or before this day (YYYY-MM-DD)'),
  undated: z
    .enum(['file-date', 'include', 'exclude'])
    .default('file-date')
    .meta({ description: 'With a range, notes without a date of their own: compare their file date, always keep them, or leave them out' }),
};

/** Relationship types a traversal may follow: the typed relations of the graph model and CO_OCCURS. */
const relationTypes = listParam(z.enum(conceptEdgeTypes as [string, ...string[]]), 'Only follow these relationship types (comma-separated)');

export const graphQuery = z.object({
  limit: int(1, 5000, 300, 'Most concepts to return, highest rank first'),
  kinds: listParam(z.string().min(1).max(64), 'Only concepts of these kinds (comma-separated)'),
  communities: listParam(z.coerce.number<string>().int(), 'Only concepts in these communities (comma-separated integers)'),
  minWeight: z.coerce.number().min(0).default(0).meta({ description: 'Leave out co-occurrence edges lighter than this' }),
  ...timeRange,
});

export const conceptQuery = z.object({
  offset: int(0, 1_000_000, 0, 'Notes to skip (paging)'),
  limit: int(1, 200, 20, 'Notes per page'),
  ...timeRange,
});

export const neighborsQuery = z.object({
  depth: int(1, 3, 1, 'Hops from the concept'),
  limit: int(1, 1000, 100, 'Most neighbours to return; `capped` tells when there were more'),
  types: relationTypes,
});

export const relatedQuery = z.object({
  limit: int(1, 100, 20, 'Most related topics to return'),
});

export const pathQuery = z.object({
  from: z.string().min(1).max(512).meta({ description: 'Concept id where the path starts' }),
  to: z.string().min(1).max(512).meta({ description: 'Concept id where the path ends' }),
  maxLength: int(1, 8, 4, 'Longest path considered, in edges'),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200).meta({ description: 'Words to find; Chinese and English; the last word may be a prefix' }),
  limit: int(1, 100, 20, 'Most hits per list (concepts and notes)'),
  kind: z.string().min(1).max(64).optional().meta({ description: 'Only concepts of this kind' }),
});

export const cypherBody = z
  .object({
    // The length limit itself is CYPHER_MAX_QUERY_LENGTH (413 QUERY_TOO_LONG, queries/user-cypher.ts); this only bounds it.
    query: z.string().trim().min(1).max(100_000).meta({ description: 'One read-only Cypher statement (at most CYPHER_MAX_QUERY_LENGTH characters)' }),
    params: z.record(z.string(), z.unknown()).default({}).meta({ description: 'Query parameters ($name in the query)' }),
  })
  .strict();

export type GraphQueryInput = z.infer<typeof graphQuery>;
export type SearchQueryInput = z.infer<typeof searchQuery>;
