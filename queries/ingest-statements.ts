/**
 * The Cypher text ingest runs, built once per mode. Two modes share every statement shape:
 * - `fresh`: the graph holds no Source, Note, Concept or Tag, so nodes and edges are `CREATE`d and nothing
 *   stale needs removing;
 * - `update`: nodes are `MERGE`d on their constraint-backed ids, a rewritten note first drops its old
 *   places, tags and mentions, and whatever is no longer extracted is removed afterwards.
 * A cold Neo4j spends most of a small ingest planning and warming up each distinct statement (about a
 * second each on a freshly started JVM), so there are few statements (three on an empty graph: what is stored,
 * sources+concepts+edges, one per note batch), each batch is textually identical (planned once), and the
 * relationship type of concept edges is dynamic (`$(row.type)`, Cypher 5.26) instead of one statement per type.
 */
export type WriteMode = 'fresh' | 'update';

/**
 * Everything that does not hang off a note, in one statement: sources, concepts, and the concept-to-concept
 * edges of every type (`run` marks the edges this ingest wrote; the type is validated by the caller).
 */
export function sourcesConceptsEdgesStatement(mode: WriteMode): string {
  const upsert =
    mode === 'fresh'
      ? `CALL () { UNWIND $sources AS row CREATE (s:Source) SET s = row, s.ingestedAt = $now }
         CALL () { UNWIND $concepts AS row CREATE (c:Concept) SET c = row }`
      : `CALL () {
           UNWIND $sources AS row
           MERGE (s:Source {id: row.id})
           SET s.ingestedAt = CASE WHEN s.sha256 = row.sha256 AND s.ingestedAt IS NOT NULL THEN s.ingestedAt ELSE $now END,
               s += row
         }
         CALL () { UNWIND $concepts AS row MERGE (c:Concept {id: row.id}) SET c += row }`;
  return `${upsert}
    CALL () {
      UNWIND $edges AS row
      MATCH (a:Concept {id: row.source})
      MATCH (b:Concept {id: row.target})
      ${mode === 'fresh' ? 'CREATE' : 'MERGE'} (a)-[r:$(row.type)]->(b)
      SET r += row.props, r.run = $run
    }`;
}

/**
 * One batch of notes with their places (IN), tags and mentions. Rows carry `props` (every Note property),
 * `places`, `tags` and `mentions`. In update mode the note's old outgoing relationships are replaced.
 */
export function noteBatchStatement(mode: WriteMode): string {
  const head =
    mode === 'fresh'
      ? 'UNWIND $rows AS row CREATE (n:Note) SET n = row.props'
      : `UNWIND $rows AS row MERGE (n:Note {id: row.props.id}) SET n += row.props
         WITH n, row
         CALL (n) { MATCH (n)-[old:IN|MENTIONS|TAGGED]->() DELETE old }`;
  return `${head}
    WITH n, row
    CALL (n, row) {
      UNWIND row.places AS place
      MATCH (s:Source {id: place.path})
      CREATE (n)-[:IN {lineStart: place.lineStart, lineEnd: place.lineEnd}]->(s)
    }
    CALL (n, row) { UNWIND row.tags AS tag MERGE (t:Tag {name: tag}) CREATE (n)-[:TAGGED]->(t) }
    CALL (n, row) {
      UNWIND row.mentions AS mention
      MATCH (c:Concept {id: mention.conceptId})
      CREATE (n)-[:MENTIONS {count: mention.count, spans: mention.spans}]->(c)
    }`;
}

/** Update mode only: what the current extraction no longer contains, in one statement. */
export const removeStaleStatement = `
  CALL () { UNWIND $staleNoteIds AS id MATCH (n:Note {id: id}) DETACH DELETE n }
  CALL () { MATCH (s:Source) WHERE NOT s.id IN $sourceIds DETACH DELETE s RETURN count(*) AS sourcesDeleted }
  CALL () { MATCH (c:Concept) WHERE NOT c.id IN $conceptIds DETACH DELETE c RETURN count(*) AS conceptsDeleted }
  CALL () {
    MATCH (:Concept)-[r]->(:Concept) WHERE type(r) IN $edgeTypes AND (r.run IS NULL OR r.run <> $run) DELETE r
  }
  CALL () { MATCH (t:Tag) WHERE NOT (t)<-[:TAGGED]-() DELETE t }
  RETURN sourcesDeleted, conceptsDeleted`;

/** What is already stored: each note's signature, and whether any other ingest-owned node exists. */
export const graphStateStatement = `
  CALL () { MATCH (n:Note) RETURN collect([n.id, n.signature]) AS notes }
  RETURN notes, COUNT { (:Source) } + COUNT { (:Concept) } + COUNT { (:Tag) } AS others`;
