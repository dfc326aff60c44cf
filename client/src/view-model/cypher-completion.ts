/**
 * Cypher completion from the database schema: labels and relationship types after ':', property keys after
 * '.', keywords elsewhere. Pure: given the text before the cursor, returns where the word starts and options.
 */
import type { SchemaResponse } from '../../../common/contract.js';

export interface CompletionOption {
  label: string;
  type: 'type' | 'keyword' | 'property' | 'function';
  detail?: string;
}

export interface CompletionAnswer {
  /** Offset in the text where the completed word starts. */
  from: number;
  options: CompletionOption[];
}

export const cypherKeywords = [
  'MATCH', 'OPTIONAL MATCH', 'WHERE', 'RETURN', 'WITH', 'ORDER BY', 'LIMIT', 'SKIP', 'DISTINCT', 'UNWIND', 'AS',
  'AND', 'OR', 'NOT', 'IN', 'CONTAINS', 'STARTS WITH', 'ENDS WITH', 'IS NULL', 'IS NOT NULL', 'CASE', 'WHEN', 'THEN',
  'ELSE', 'END', 'DESC', 'ASC', 'UNION', 'CALL', 'YIELD', 'EXISTS', 'COUNT',
];

const cypherFunctions = ['count', 'collect', 'size', 'labels', 'type', 'id', 'elementId', 'coalesce', 'toLower', 'toUpper', 'shortestPath', 'nodes', 'relationships', 'length', 'keys', 'properties', 'date', 'datetime', 'substring', 'split', 'head', 'last', 'min', 'max', 'avg', 'sum', 'round', 'toString', 'toInteger'];

export function cypherCompletions(schema: SchemaResponse, before: string): CompletionAnswer | null {
  const word = /[A-Za-z_][A-Za-z0-9_]*$/.exec(before);
  const wordStart = word ? before.length - word[0].length : before.length;
  const previous = before[wordStart - 1];
  if (previous === ':') {
    // Inside [...] it is a relationship type, inside (...) a label; look back for the nearest open bracket.
    const open = Math.max(before.lastIndexOf('(', wordStart), before.lastIndexOf('[', wordStart));
    const inRelationship = open >= 0 && before[open] === '[';
    const options: CompletionOption[] = inRelationship
      ? schema.relationshipTypes.map((label) => ({ label, type: 'type', detail: 'relationship' }))
      : [...schema.labels.map((label) => ({ label, type: 'type' as const, detail: 'label' })), ...schema.relationshipTypes.map((label) => ({ label, type: 'type' as const, detail: 'relationship' }))];
    return { from: wordStart, options };
  }
  if (previous === '.') {
    return { from: wordStart, options: schema.propertyKeys.map((label) => ({ label, type: 'property' })) };
  }
  if (!word) return null;
  return {
    from: wordStart,
    options: [
      ...cypherKeywords.map((label) => ({ label, type: 'keyword' as const })),
      ...cypherFunctions.map((label) => ({ label, type: 'function' as const })),
    ],
  };
}

/** Converts a 1-based line/column or an offset from a server error into an offset into the query. */
export function errorOffset(query: string, details: Record<string, unknown> | undefined): number | null {
  if (!details) return null;
  const position = (details.position ?? details) as Record<string, unknown>;
  if (typeof position.offset === 'number') return Math.max(0, Math.min(query.length, position.offset));
  if (typeof position.line === 'number' && typeof position.column === 'number') {
    const lines = query.split('\n');
    let offset = 0;
    for (let index = 0; index < position.line - 1 && index < lines.length; index += 1) offset += lines[index]!.length + 1;
    return Math.min(query.length, offset + Math.max(0, position.column - 1));
  }
  return null;
}

export const exampleQueries: { title: string; query: string }[] = [
  {
    title: 'Concepts mentioned with Nova',
    query: "MATCH (nova:Concept)-[r:CO_OCCURS]-(other:Concept)\nWHERE toLower(nova.name) = 'nova'\nRETURN nova, r, other\nORDER BY r.weight DESC LIMIT 25",
  },
  {
    title: 'What uses RabbitMQ',
    query: "MATCH (user:Concept)-[r:USES]->(mq:Concept)\nWHERE toLower(mq.name) = 'rabbitmq'\nRETURN user, r, mq",
  },
  {
    title: 'Notes from 2019',
    query: "MATCH (n:Note)\nWHERE n.date STARTS WITH '2019'\nRETURN n.title AS title, n.date AS date\nORDER BY date LIMIT 50",
  },
  {
    title: 'Biggest hubs',
    query: 'MATCH (c:Concept)\nRETURN c.name AS name, c.kind AS kind, c.mentions AS mentions\nORDER BY c.rank DESC LIMIT 20',
  },
];
