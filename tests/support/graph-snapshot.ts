import type { Database } from '../../queries/database.js';
import { integerToJson } from '../../queries/values.js';

/**
 * Everything a reader of the graph can see of sources, notes (properties, places, tags), concepts, mentions and
 * concept-to-concept edges, in a stable order and with plain values, so two graphs compare with toEqual.
 * Bookkeeping properties (the ingest run id, when a source was first ingested) are left out.
 */
export interface GraphSnapshot {
  sources: string[];
  notes: string[];
  concepts: Record<string, unknown>[];
  mentions: string[];
  edges: string[];
}

const sortedProps = (props: Record<string, unknown>, leaveOut: readonly string[] = []) =>
  Object.keys(props).filter((key) => !leaveOut.includes(key)).sort().map((key) => `${key}=${JSON.stringify(plain(props[key]))}`).join(' ');

const plain = (value: unknown): unknown => (Array.isArray(value) ? value.map(plain) : typeof value === 'object' && value !== null ? integerToJson(value) : value);

export async function graphSnapshot(db: Database): Promise<GraphSnapshot> {
  return db.read(async (tx) => {
    const sources = await tx.run('MATCH (s:Source) RETURN properties(s) AS props ORDER BY s.id');
    const notes = await tx.run(`MATCH (n:Note)
      RETURN properties(n) AS props, COLLECT { MATCH (n)-[p:IN]->(s:Source) RETURN s.id + ':' + p.lineStart + '-' + p.lineEnd AS place ORDER BY place } AS places,
             COLLECT { MATCH (n)-[:TAGGED]->(t:Tag) RETURN t.name AS tag ORDER BY tag } AS tags ORDER BY n.id`);
    const concepts = await tx.run('MATCH (c:Concept) RETURN properties(c) AS props ORDER BY c.id');
    const mentions = await tx.run('MATCH (n:Note)-[m:MENTIONS]->(c:Concept) RETURN n.id AS note, c.id AS concept, m.count AS count, m.spans AS spans ORDER BY note, concept');
    const edges = await tx.run('MATCH (a:Concept)-[r]->(b:Concept) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b');
    return {
      sources: sources.records.map((record) => sortedProps(record.get('props') as Record<string, unknown>, ['ingestedAt'])),
      notes: notes.records.map((record) => `${sortedProps(record.get('props') as Record<string, unknown>)} in ${(record.get('places') as string[]).join(',')} tags ${(record.get('tags') as string[]).join(',')}`),
      concepts: concepts.records.map((record) => {
        const props = record.get('props') as Record<string, unknown>;
        return Object.fromEntries(Object.keys(props).sort().map((key) => [key, key === 'aliases' ? [...(props[key] as string[])].sort() : plain(props[key])]));
      }),
      mentions: mentions.records.map((record) => `${record.get('note')} ${record.get('concept')} ${plain(record.get('count'))} [${plain(record.get('spans'))}]`),
      edges: edges.records.map((record) => {
        const { run: _run, ...props } = record.get('props') as Record<string, unknown>;
        const shown = Object.keys(props).sort().map((key) => `${key}=${JSON.stringify(plain(props[key]))}`);
        return `${record.get('a')} ${record.get('type')} ${record.get('b')} ${shown.join(' ')}`;
      }),
    };
  });
}

export function conceptOf(snapshot: GraphSnapshot, id: string): Record<string, unknown> | undefined {
  return snapshot.concepts.find((concept) => concept.id === id);
}
