import type { IngestSummary } from './run-ingest.js';
import type { ExtractedGraph } from './types.js';

/** The `--json` shape of the issue: concepts, relations (co-occurrence as type CO_OCCURS), notes, diagnostics. */
export function toJsonExport(graph: ExtractedGraph) {
  const sourceOf = (note: ExtractedGraph['notes'][number]) => note.occurrences[0]?.path ?? '';
  return {
    concepts: graph.concepts.map(({ id, name, kind, aliases, mentions, rank, community }) => ({ id, name, kind, aliases, mentions, rank, community })),
    relations: [
      ...graph.relations.map(({ source, target, type, weight, evidence, noteId }) => ({ source, target, type, weight, evidence, noteId })),
      ...graph.cooccurrences.map(({ source, target, weight, score, notes }) => ({ source, target, type: 'CO_OCCURS', weight, score, notes, evidence: null, noteId: null })),
    ],
    notes: graph.notes.map((note) => ({
      id: note.id,
      source: sourceOf(note),
      title: note.title,
      lineStart: note.lineStart,
      lineEnd: note.lineEnd,
      date: note.date,
      text: note.text,
      lang: note.lang,
      tags: note.tags,
      occurrences: note.occurrences.map((place) => `${place.path}:${place.lineStart}-${place.lineEnd}`),
    })),
    diagnostics: graph.diagnostics,
  };
}

const table = (record: Record<string, number>) =>
  Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key} ${value}`)
    .join(', ') || 'none';

/** The human summary printed at the end of a CLI run. Never contains note text. */
export function formatSummary(summary: IngestSummary, options: { dryRun: boolean }): string {
  const lines = [
    `${options.dryRun ? 'dry run (nothing written)' : 'ingested into Neo4j'} in ${(summary.elapsedMs / 1000).toFixed(2)} s`,
    `files: ${summary.files} ingested, ${summary.filesSkipped} skipped`,
    `notes: ${summary.notes} (${summary.duplicatesCollapsed} duplicates collapsed)`,
    `concepts: ${summary.concepts}`,
    `relations: ${table(summary.relationsByType)}`,
    `redactions: ${table(summary.redactionsByKind)}`,
    `diagnostics: ${summary.diagnostics.length}`,
    ...summary.diagnostics.map((d) => `  ${d.file}${d.line ? `:${d.line}` : ''} [${d.stage}] ${d.message}`),
  ];
  return lines.join('\n');
}
