import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from './database.js';
import { toNumber } from './values.js';

/**
 * Every Cypher statement ingest runs. Writes are batched `UNWIND … MERGE` in write transactions. Note ids are
 * content hashes, so a note whose text, places and mentions are unchanged is not rewritten at all; concepts
 * and concept-to-concept edges are upserted and the ones no longer extracted are removed.
 */
export interface SourceRow {
  id: string;
  path: string;
  title: string;
  format: string;
  sha256: string;
  bytes: number;
}

export interface NoteRow {
  id: string;
  title: string;
  text: string;
  lineStart: number;
  lineEnd: number;
  date: string | null;
  url: string | null;
  sha256: string;
  lang: string;
  tags: string[];
  occurrences: { path: string; lineStart: number; lineEnd: number }[];
  /** Hash of everything written for the note (props, places, tags, mentions): unchanged means skip. */
  signature: string;
  mentions: { conceptId: string; count: number; spans: number[] }[];
}

export interface ConceptRow {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  mentions: number;
  rank: number;
  community: number;
}

export interface ConceptEdgeRow {
  source: string;
  target: string;
  type: string;
  props: Record<string, string | number>;
}

export interface GraphRows {
  sources: SourceRow[];
  notes: NoteRow[];
  concepts: ConceptRow[];
  edges: ConceptEdgeRow[];
}

export interface WriteStats {
  notesWritten: number;
  notesDeleted: number;
  conceptsDeleted: number;
  sourcesDeleted: number;
}

/** Relationship types ingest may create between concepts; types cannot be query parameters. */
export const conceptEdgeTypes = ['USES', 'IS_A', 'PART_OF', 'BASED_ON', 'CALLS', 'ROUTES_TO', 'MANAGES', 'STORES_IN', 'COMMAND_OF', 'CO_OCCURS'] as const;

const batchSize = 2000;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** Deletes every node ingest owns (Source, Note, Concept, Tag), in batches so a large graph fits in memory. */
export async function resetIngestedGraph(db: Database): Promise<void> {
  await db.runAutoCommit(
    'MATCH (n) WHERE n:Source OR n:Note OR n:Concept OR n:Tag CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
  );
}

export async function readNoteSignatures(db: Database): Promise<Map<string, string>> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (n:Note) RETURN n.id AS id, n.signature AS signature');
    return new Map(result.records.map((record) => [record.get('id') as string, (record.get('signature') as string | null) ?? '']));
  });
}

async function writeSources(tx: ManagedTransaction, sources: SourceRow[], now: string): Promise<number> {
  await tx.run(
    `UNWIND $rows AS row
     MERGE (s:Source {id: row.id})
     SET s.ingestedAt = CASE WHEN s.sha256 = row.sha256 AND s.ingestedAt IS NOT NULL THEN s.ingestedAt ELSE $now END,
         s.path = row.path, s.title = row.title, s.format = row.format, s.sha256 = row.sha256, s.bytes = row.bytes`,
    { rows: sources, now },
  );
  const deleted = await tx.run('MATCH (s:Source) WHERE NOT s.id IN $ids DETACH DELETE s RETURN count(*) AS deleted', { ids: sources.map((source) => source.id) });
  return toNumber(deleted.records[0]?.get('deleted'));
}

async function writeConcepts(db: Database, concepts: ConceptRow[]): Promise<void> {
  for (const batch of chunks(concepts, batchSize)) {
    await db.write((tx) =>
      tx.run(
        `UNWIND $rows AS row
         MERGE (c:Concept {id: row.id})
         SET c.name = row.name, c.kind = row.kind, c.aliases = row.aliases, c.aliasText = row.aliasText,
             c.mentions = row.mentions, c.rank = row.rank, c.community = row.community`,
        { rows: batch.map((concept) => ({ ...concept, aliasText: concept.aliases.join('\n') })) },
      ),
    );
  }
}

async function writeNoteBatch(tx: ManagedTransaction, notes: NoteRow[]): Promise<void> {
  const rows = notes.map(({ mentions: _mentions, occurrences, ...note }) => ({
    ...note,
    occurrences: occurrences.map((place) => `${place.path}:${place.lineStart}-${place.lineEnd}`),
    places: occurrences,
  }));
  await tx.run(
    `UNWIND $rows AS row
     MERGE (n:Note {id: row.id})
     SET n.title = row.title, n.text = row.text, n.lineStart = row.lineStart, n.lineEnd = row.lineEnd, n.date = row.date,
         n.url = row.url, n.sha256 = row.sha256, n.lang = row.lang, n.occurrences = row.occurrences, n.signature = row.signature
     WITH n, row
     OPTIONAL MATCH (n)-[old:IN|MENTIONS|TAGGED]->()
     DELETE old`,
    { rows },
  );
  await tx.run(
    `UNWIND $rows AS row
     MATCH (n:Note {id: row.id})
     UNWIND row.places AS place
     MATCH (s:Source {id: place.path})
     CREATE (n)-[:IN {lineStart: place.lineStart, lineEnd: place.lineEnd}]->(s)`,
    { rows },
  );
  await tx.run(
    `UNWIND $rows AS row
     MATCH (n:Note {id: row.id})
     UNWIND row.tags AS tag
     MERGE (t:Tag {name: tag})
     MERGE (n)-[:TAGGED]->(t)`,
    { rows },
  );
  const mentions = notes.flatMap((note) => note.mentions.map((mention) => ({ noteId: note.id, ...mention })));
  await tx.run(
    `UNWIND $rows AS row
     MATCH (n:Note {id: row.noteId}), (c:Concept {id: row.conceptId})
     CREATE (n)-[:MENTIONS {count: row.count, spans: row.spans}]->(c)`,
    { rows: mentions },
  );
}

async function writeConceptEdges(db: Database, edges: ConceptEdgeRow[], run: string): Promise<void> {
  for (const type of conceptEdgeTypes) {
    const ofType = edges.filter((edge) => edge.type === type);
    for (const batch of chunks(ofType, batchSize)) {
      await db.write((tx) =>
        tx.run(
          `UNWIND $rows AS row
           MATCH (a:Concept {id: row.source}), (b:Concept {id: row.target})
           MERGE (a)-[r:${type}]->(b)
           SET r += row.props, r.run = $run`,
          { rows: batch, run },
        ),
      );
    }
    await db.write((tx) => tx.run(`MATCH (:Concept)-[r:${type}]->(:Concept) WHERE r.run IS NULL OR r.run <> $run DELETE r`, { run }));
  }
}

/**
 * Brings the database in line with the extracted graph: new or changed notes are (re)written with their
 * places, tags and mentions; notes, sources and concepts no longer extracted are removed.
 */
export async function writeIngestedGraph(db: Database, rows: GraphRows, options: { now: string; run: string }): Promise<WriteStats> {
  const sourcesDeleted = await db.write((tx) => writeSources(tx, rows.sources, options.now));
  await writeConcepts(db, rows.concepts);
  const existing = await readNoteSignatures(db);
  const changed = rows.notes.filter((note) => existing.get(note.id) !== note.signature);
  // Mentions dominate the size of a batch; keep each transaction to a few thousand of them.
  let batch: NoteRow[] = [];
  let batchMentions = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    await db.write((tx) => writeNoteBatch(tx, current));
    batch = [];
    batchMentions = 0;
  };
  for (const note of changed) {
    batch.push(note);
    batchMentions += note.mentions.length;
    if (batch.length >= 500 || batchMentions >= 5000) await flush();
  }
  await flush();
  const keep = new Set(rows.notes.map((note) => note.id));
  const stale = [...existing.keys()].filter((id) => !keep.has(id));
  for (const ids of chunks(stale, batchSize)) {
    await db.write((tx) => tx.run('UNWIND $ids AS id MATCH (n:Note {id: id}) DETACH DELETE n', { ids }));
  }
  const conceptIds = rows.concepts.map((concept) => concept.id);
  const conceptsDeleted = await db.write(async (tx) => {
    const result = await tx.run('MATCH (c:Concept) WHERE NOT c.id IN $ids DETACH DELETE c RETURN count(*) AS deleted', { ids: conceptIds });
    return toNumber(result.records[0]?.get('deleted'));
  });
  await writeConceptEdges(db, rows.edges, options.run);
  await db.write((tx) => tx.run('MATCH (t:Tag) WHERE NOT (t)<-[:TAGGED]-() DELETE t'));
  return { notesWritten: changed.length, notesDeleted: stale.length, conceptsDeleted, sourcesDeleted };
}

/** sha256 of every Source in the database, and whether any Note exists. */
export async function readSourceDigests(db: Database): Promise<{ digests: string[]; notes: number }> {
  return db.read(async (tx) => {
    const sources = await tx.run('MATCH (s:Source) RETURN s.sha256 AS sha256');
    const notes = await tx.run('MATCH (n:Note) RETURN count(n) AS notes');
    return {
      digests: sources.records.map((record) => record.get('sha256') as string),
      notes: toNumber(notes.records[0]?.get('notes')),
    };
  });
}
