import { conceptEdgeTypes } from '../common/graph-model.js';
import { NotegraphError } from '../common/errors.js';
import type { Database } from './database.js';
import { beginEditStatement, endEditStatement, recordEditStatement } from './generation.js';
import { integerToJson, toNumber } from './values.js';

/**
 * Every Cypher statement curation runs. A curation command reads the part of the graph it changes (the affected
 * concepts with their mentions and edges), computes the new part in plain TypeScript, and writes it back in one
 * write transaction; Undo writes the part it read. Nothing else touches the graph, and nothing here takes Cypher
 * from a client.
 */
export type PlainValue = string | number | boolean | null | PlainValue[];
export type PlainProps = Record<string, PlainValue>;

/** A concept node with every stored property (plain values: integers as numbers). */
export interface StoredConcept {
  id: string;
  props: PlainProps;
}

export interface StoredMention {
  noteId: string;
  conceptId: string;
  count: number;
  spans: number[];
}

/** A concept-to-concept relationship with every stored property. */
export interface StoredEdge {
  source: string;
  target: string;
  type: string;
  props: PlainProps;
}

/** The affected concepts, the notes' mentions of them, and every edge with at least one end among them. */
export interface ConceptSubgraph {
  concepts: StoredConcept[];
  mentions: StoredMention[];
  edges: StoredEdge[];
}

// Properties stored as integers: the driver sends JS numbers as floats, so these are converted back in Cypher.
const integerConceptProps = ['mentions', 'community'];
const integerEdgeProps = ['weight', 'notes'];

function plain(value: unknown): PlainValue {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  const converted = integerToJson(value);
  return typeof converted === 'number' || typeof converted === 'string' ? converted : String(value);
}

function plainProps(value: unknown): PlainProps {
  return Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).map(([key, inner]) => [key, plain(inner)]));
}

const setIntegers = (variable: string, source: string, keys: string[]) =>
  keys.map((key) => `${variable}.${key} = toInteger(${source}.${key})`).join(', ');

/** Reads the subgraph around `ids` (concepts that do not exist are simply absent). */
export async function readConceptSubgraph(db: Database, ids: string[]): Promise<ConceptSubgraph> {
  return db.read(async (tx) => {
    const concepts = await tx.run('MATCH (c:Concept) WHERE c.id IN $ids RETURN c.id AS id, properties(c) AS props', { ids });
    const mentions = await tx.run(
      `MATCH (n:Note)-[m:MENTIONS]->(c:Concept) WHERE c.id IN $ids
       RETURN n.id AS noteId, c.id AS conceptId, m.count AS count, m.spans AS spans ORDER BY noteId, conceptId`,
      { ids },
    );
    const edges = await tx.run(
      `MATCH (c:Concept)-[r]-(:Concept) WHERE c.id IN $ids AND type(r) IN $edgeTypes
       WITH DISTINCT r
       RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, properties(r) AS props
       ORDER BY source, type, target`,
      { ids, edgeTypes: conceptEdgeTypes },
    );
    return {
      concepts: concepts.records.map((record) => ({ id: String(record.get('id')), props: plainProps(record.get('props')) })),
      mentions: mentions.records.map((record) => ({
        noteId: String(record.get('noteId')),
        conceptId: String(record.get('conceptId')),
        count: toNumber(record.get('count')),
        spans: ((record.get('spans') as unknown[] | null) ?? []).map(toNumber),
      })),
      edges: edges.records.map((record) => ({
        source: String(record.get('source')),
        target: String(record.get('target')),
        type: String(record.get('type')),
        props: plainProps(record.get('props')),
      })),
    };
  });
}

function checkSubgraph(ids: string[], subgraph: ConceptSubgraph): void {
  const allowed = new Set<string>(conceptEdgeTypes);
  const affected = new Set(ids);
  const bad = subgraph.edges.find((edge) => !allowed.has(edge.type) || !(affected.has(edge.source) || affected.has(edge.target)));
  const stray = subgraph.concepts.find((concept) => !affected.has(concept.id)) ?? subgraph.mentions.find((mention) => !affected.has(mention.conceptId));
  if (bad || stray) throw new NotegraphError('INTERNAL', 'a curation edit reached outside the concepts it affects');
}

/**
 * Replaces the subgraph around `ids` with `subgraph`, in one write transaction on the live generation: the
 * affected concepts go (with their mentions and edges) and come back as given. Mentions of notes and edges to
 * concepts that no longer exist are skipped (a re-ingest may have removed them meanwhile). Like ingest's label
 * swap, the write is bracketed by the generation marker (queries/generation.ts), so a read that overlaps its
 * commit runs again instead of seeing a concept half replaced; and it is serialized with swaps and counted, so
 * an ingest that read the decision files before this edit cannot make a generation without it live.
 */
export async function replaceConceptSubgraph(db: Database, ids: string[], subgraph: ConceptSubgraph): Promise<void> {
  checkSubgraph(ids, subgraph);
  await db.write((tx) => tx.run(beginEditStatement));
  try {
    await writeSubgraph(db, ids, subgraph);
  } finally {
    await db.write((tx) => tx.run(endEditStatement));
  }
}

async function writeSubgraph(db: Database, ids: string[], subgraph: ConceptSubgraph): Promise<void> {
  await db.write(async (tx) => {
    await tx.run(recordEditStatement);
    await tx.run('MATCH (c:Concept) WHERE c.id IN $ids DETACH DELETE c', { ids });
    await tx.run(
      `UNWIND $concepts AS row CREATE (c:Concept) SET c = row.props, c.id = row.id, ${setIntegers('c', 'row.props', integerConceptProps)}`,
      { concepts: subgraph.concepts },
    );
    await tx.run(
      `UNWIND $mentions AS row
       MATCH (n:Note {id: row.noteId})
       MATCH (c:Concept {id: row.conceptId})
       CREATE (n)-[:MENTIONS {count: toInteger(row.count), spans: [s IN row.spans | toInteger(s)]}]->(c)`,
      { mentions: subgraph.mentions },
    );
    await tx.run(
      `UNWIND $edges AS row
       MATCH (a:Concept {id: row.source})
       MATCH (b:Concept {id: row.target})
       CREATE (a)-[r:$(row.type)]->(b)
       SET r = row.props, ${setIntegers('r', 'row.props', integerEdgeProps)}`,
      { edges: subgraph.edges },
    );
  });
}

export interface NoteText {
  id: string;
  text: string;
}

/** The texts of the given notes (split and hide look at how a mention is written). */
export async function readNoteTexts(db: Database, noteIds: string[]): Promise<NoteText[]> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (n:Note) WHERE n.id IN $noteIds RETURN n.id AS id, n.text AS text ORDER BY id', { noteIds });
    return result.records.map((record) => ({ id: String(record.get('id')), text: String(record.get('text') ?? '') }));
  });
}

/** Notes whose text contains any of the phrases (case-insensitively): where a new concept may be mentioned. */
export async function readNotesContaining(db: Database, phrases: string[]): Promise<NoteText[]> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (n:Note) WHERE any(phrase IN $phrases WHERE toLower(n.text) CONTAINS phrase)
       RETURN n.id AS id, n.text AS text ORDER BY id`,
      { phrases: phrases.map((phrase) => phrase.toLowerCase()) },
    );
    return result.records.map((record) => ({ id: String(record.get('id')), text: String(record.get('text') ?? '') }));
  });
}

/** Counts that show whether a command changed the graph (tests compare them before and after). */
export async function readCurationCounts(db: Database): Promise<{ concepts: number; mentions: number; edges: number }> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `RETURN COUNT { (:Concept) } AS concepts, COUNT { (:Note)-[:MENTIONS]->(:Concept) } AS mentions,
              COUNT { MATCH (:Concept)-[r]->(:Concept) WHERE type(r) IN $edgeTypes } AS edges`,
      { edgeTypes: conceptEdgeTypes },
    );
    const record = result.records[0];
    return { concepts: toNumber(record?.get('concepts')), mentions: toNumber(record?.get('mentions')), edges: toNumber(record?.get('edges')) };
  });
}

/** Every concept id (a re-ingest compares them before and after, to tell explorers which concepts came and went). */
export async function readConceptIds(db: Database): Promise<string[]> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (c:Concept) RETURN c.id AS id');
    return result.records.map((record) => String(record.get('id')));
  });
}
