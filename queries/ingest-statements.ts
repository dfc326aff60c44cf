/**
 * The Cypher text ingest runs. An ingest writes a whole new generation of the graph under staging labels
 * (`StagedNote`, …), which no reader matches, then swaps labels in one small transaction: the live nodes become
 * `Retired…`, the staged ones become live. Readers therefore see the old graph or the new one, never a half-
 * written one, while every write transaction stays bounded (a batch of rows; the swap only changes labels).
 * Relationships only ever join nodes of one generation, so a read that starts from a live label stays in the
 * live graph. Retired nodes are deleted afterwards, in batches. Reads that overlap the swap's commit run again
 * (queries/generation.ts), since Neo4j's read-committed isolation would otherwise let them see part of it.
 *
 * A cold Neo4j spends about a second planning each distinct statement, so there are few statements and each
 * batch is textually identical (planned once); the relationship type of concept edges is dynamic (`$(row.type)`).
 */
export const liveLabels = ['Source', 'Note', 'Concept', 'Tag'] as const;
export type LiveLabel = (typeof liveLabels)[number];

export const stagedLabel = (label: LiveLabel) => `Staged${label}` as const;
export const retiredLabel = (label: LiveLabel) => `Retired${label}` as const;

/** Every label of a generation that is not live (a crashed ingest may leave some behind). */
export const offGraphLabels = liveLabels.flatMap((label) => [stagedLabel(label), retiredLabel(label)]);

/** New sources keep the `ingestedAt` of the live source they replace when their content is unchanged. */
export const stageSourcesStatement = `
  UNWIND $sources AS row
  OPTIONAL MATCH (old:Source {id: row.id})
  CREATE (s:StagedSource)
  SET s = row, s.ingestedAt = CASE WHEN old.sha256 = row.sha256 AND old.ingestedAt IS NOT NULL THEN old.ingestedAt ELSE $now END`;

export const stageConceptsStatement = 'UNWIND $concepts AS row CREATE (c:StagedConcept) SET c = row';

/** Concept-to-concept edges of every type (validated by the caller against the graph model). */
export const stageEdgesStatement = `
  UNWIND $edges AS row
  MATCH (a:StagedConcept {id: row.source})
  MATCH (b:StagedConcept {id: row.target})
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props`;

/** One batch of notes with their places (IN), tags and mentions; rows carry `props`, `places`, `tags`, `mentions`. */
export const stageNotesStatement = `
  UNWIND $rows AS row
  CREATE (n:StagedNote) SET n = row.props
  WITH n, row
  CALL (n, row) {
    UNWIND row.places AS place
    MATCH (s:StagedSource {id: place.path})
    CREATE (n)-[:IN {lineStart: place.lineStart, lineEnd: place.lineEnd}]->(s)
  }
  CALL (n, row) { UNWIND row.tags AS tag MERGE (t:StagedTag {name: tag}) CREATE (n)-[:TAGGED]->(t) }
  CALL (n, row) {
    UNWIND row.mentions AS mention
    MATCH (c:StagedConcept {id: mention.conceptId})
    CREATE (n)-[:MENTIONS {count: mention.count, spans: mention.spans}]->(c)
  }`;

/**
 * The swap, in one transaction: count what is staged (the caller rolls back when it is not what this run
 * staged), live → retired, staged → live, and record the generation's digest. Sources and concepts whose id the
 * new generation no longer has are counted for the summary.
 */
const stagedCounts = `CALL () { RETURN ${liveLabels.map((label) => `COUNT { (:${stagedLabel(label)}) } AS staged${label}`).join(', ')} }`;
const recordGeneration = `MERGE (g:IngestState {id: 'current'})
  SET g.digest = $digest, g.run = $run, g.committedAt = $now`;
const deletedCounts = `COUNT { MATCH (s:RetiredSource) WHERE NOT EXISTS { (:Source {id: s.id}) } } AS sourcesDeleted,
         COUNT { MATCH (c:RetiredConcept) WHERE NOT EXISTS { (:Concept {id: c.id}) } } AS conceptsDeleted`;

export const swapStatement = `
  ${stagedCounts}
  ${liveLabels.map((label) => `CALL () { MATCH (n:${label}) REMOVE n:${label} SET n:${retiredLabel(label)} }`).join('\n  ')}
  ${liveLabels.map((label) => `CALL () { MATCH (n:${stagedLabel(label)}) REMOVE n:${stagedLabel(label)} SET n:${label} }`).join('\n  ')}
  ${recordGeneration}
  RETURN ${liveLabels.map((label) => `staged${label}`).join(', ')},
         ${deletedCounts}`;

/**
 * For a graph too large to swap in one transaction (its memory grows with every relabelled node): the same
 * swap in steps, each its own transaction, so readers may see a mix while it runs. Live first, so two
 * generations never hold the same unique id under one label.
 */
export const stagedCountsStatement = `${stagedCounts} RETURN ${liveLabels.map((label) => `staged${label}`).join(', ')}`;
export const relabelInStepsStatement = (from: string, to: string) =>
  `MATCH (n:${from}) CALL (n) { REMOVE n:${from} SET n:${to} } IN TRANSACTIONS OF 10000 ROWS`;
export const recordGenerationStatement = `${recordGeneration} RETURN ${deletedCounts}`;

/** Deletes every node with one off-graph label, notes first so the others have few relationships left. */
export function deleteLabelStatement(label: string): string {
  return `MATCH (n:${label}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`;
}

/**
 * What is stored: each live note's signature, whether any other live node exists, the live generation's digest,
 * and what a crashed ingest may have left (staged or retired nodes, a swap marker still set).
 */
export const graphStateStatement = `
  CALL () { MATCH (n:Note) RETURN collect([n.id, n.signature]) AS notes }
  OPTIONAL MATCH (g:IngestState {id: 'current'})
  RETURN notes, COUNT { (:Source) } + COUNT { (:Concept) } + COUNT { (:Tag) } AS others, g.digest AS digest,
         ${offGraphLabels.map((label) => `COUNT { (:${label}) }`).join(' + ')} AS leftovers, coalesce(g.swapping, false) AS swapping`;
