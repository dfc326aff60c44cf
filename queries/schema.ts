import type { Database } from './database.js';

/**
 * Constraints and indexes of the graph model (DESIGN.md). Every statement is `IF NOT EXISTS`, so applying the
 * schema again is harmless. The full-text indexes use the `cjk` analyzer: it splits Chinese into bigrams and
 * still tokenises and lower-cases Latin text, so one index serves both languages.
 */
export const schemaStatements: readonly string[] = [
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE',
  'CREATE CONSTRAINT note_id IF NOT EXISTS FOR (n:Note) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE',
  'CREATE CONSTRAINT tag_name IF NOT EXISTS FOR (t:Tag) REQUIRE t.name IS UNIQUE',
  'CREATE INDEX concept_rank IF NOT EXISTS FOR (c:Concept) ON (c.rank)',
  'CREATE INDEX source_path IF NOT EXISTS FOR (s:Source) ON (s.path)',
  "CREATE FULLTEXT INDEX note_fulltext IF NOT EXISTS FOR (n:Note) ON EACH [n.title, n.text] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
  // aliasText is the aliases joined by newlines: full-text indexes only read string properties.
  "CREATE FULLTEXT INDEX concept_fulltext IF NOT EXISTS FOR (c:Concept) ON EACH [c.name, c.aliasText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
  // Ingest stages a new generation under these labels and links it by id (queries/ingest-statements.ts).
  'CREATE INDEX staged_source_id IF NOT EXISTS FOR (s:StagedSource) ON (s.id)',
  'CREATE INDEX staged_concept_id IF NOT EXISTS FOR (c:StagedConcept) ON (c.id)',
  'CREATE INDEX staged_tag_name IF NOT EXISTS FOR (t:StagedTag) ON (t.name)',
];

/** Creates the constraints and indexes if missing and waits until they are online. */
export async function applySchema(db: Database): Promise<void> {
  for (const statement of schemaStatements) {
    await db.runAutoCommit(statement);
  }
  await db.runAutoCommit('CALL db.awaitIndexes(60)');
}

export interface SchemaObjects {
  constraints: string[];
  indexes: string[];
}

export async function listSchemaObjects(db: Database): Promise<SchemaObjects> {
  return db.read(async (tx) => {
    const constraints = await tx.run<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
    const indexes = await tx.run<{ name: string }>('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    return {
      constraints: constraints.records.map((record) => record.get('name')),
      indexes: indexes.records.map((record) => record.get('name')),
    };
  });
}
