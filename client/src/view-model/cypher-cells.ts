/**
 * What a Cypher result cell holds, from the JSON the server sends (queries/graph-elements.ts toJsonValue):
 * nodes {id, labels, properties}, relationships {id, type, source, target, properties}, paths {start, end,
 * length, nodes, relationships}, lists, maps and scalars. Pure, so the table and the inspector agree.
 */
export interface CellNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface CellRelationship {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export type Cell =
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'node'; node: CellNode }
  | { kind: 'relationship'; relationship: CellRelationship }
  | { kind: 'path'; nodes: CellNode[]; relationships: CellRelationship[] }
  | { kind: 'list'; items: Cell[] }
  | { kind: 'map'; entries: [string, Cell][] };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isProperties = (value: unknown): value is Record<string, unknown> => isObject(value);

function asNode(value: Json): CellNode | null {
  return typeof value.id === 'string' && Array.isArray(value.labels) && isProperties(value.properties) && !('type' in value)
    ? { id: value.id, labels: value.labels.map(String), properties: value.properties }
    : null;
}

function asRelationship(value: Json): CellRelationship | null {
  return typeof value.id === 'string' && typeof value.type === 'string' && typeof value.source === 'string' && typeof value.target === 'string' && isProperties(value.properties)
    ? { id: value.id, type: value.type, source: value.source, target: value.target, properties: value.properties }
    : null;
}

export function classifyCell(value: unknown): Cell {
  if (value === null || value === undefined) return { kind: 'null' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'string', value };
  if (Array.isArray(value)) return { kind: 'list', items: value.map(classifyCell) };
  if (!isObject(value)) return { kind: 'string', value: String(value) };
  const node = asNode(value);
  if (node) return { kind: 'node', node };
  const relationship = asRelationship(value);
  if (relationship) return { kind: 'relationship', relationship };
  if (Array.isArray(value.nodes) && Array.isArray(value.relationships) && 'start' in value && 'end' in value) {
    return {
      kind: 'path',
      nodes: value.nodes.filter(isObject).map(asNode).filter((item): item is CellNode => item !== null),
      relationships: value.relationships.filter(isObject).map(asRelationship).filter((item): item is CellRelationship => item !== null),
    };
  }
  return { kind: 'map', entries: Object.entries(value).map(([key, item]) => [key, classifyCell(item)]) };
}

/** A node's caption: name, title, id or path, else its first label. */
export function nodeCaption(node: CellNode): string {
  for (const key of ['name', 'title', 'id', 'path']) {
    const value = node.properties[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return node.labels[0] ?? node.id;
}

/** Plain text of a cell (copying, titles). */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'null':
      return 'null';
    case 'boolean':
    case 'number':
      return String(cell.value);
    case 'string':
      return cell.value;
    case 'node':
      return `(${cell.node.labels.map((label) => `:${label}`).join('')} ${nodeCaption(cell.node)})`;
    case 'relationship':
      return `[:${cell.relationship.type}]`;
    case 'path':
      return cell.nodes.map(nodeCaption).join(' → ');
    case 'list':
      return `[${cell.items.map(cellText).join(', ')}]`;
    case 'map':
      return `{${cell.entries.map(([key, item]) => `${key}: ${cellText(item)}`).join(', ')}}`;
  }
}
