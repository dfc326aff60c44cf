import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { EdgeData, GraphElements, NodeData } from '../common/contract.js';
import { type ResultBudget, maxResultDepth, tooDeep } from './result-budget.js';
import { integerToJson } from './values.js';

/**
 * Turns driver values from user Cypher into JSON and Cytoscape elements. Concept nodes keep their concept id as
 * element id (so they merge with /graph); every other node uses its Neo4j elementId.
 */

export interface CollectedEntities {
  nodes: Map<string, Node>;
  relationships: Map<string, Relationship>;
}

export function emptyEntities(): CollectedEntities {
  return { nodes: new Map(), relationships: new Map() };
}

/** Walks a driver value and records every node and relationship in it (inside lists, maps and paths). */
export function collectEntities(value: unknown, into: CollectedEntities): void {
  if (neo4j.isNode(value)) {
    into.nodes.set(value.elementId, value);
  } else if (neo4j.isRelationship(value)) {
    into.relationships.set(value.elementId, value);
  } else if (neo4j.isPath(value)) {
    collectEntities(value.start, into);
    for (const segment of value.segments) {
      collectEntities(segment.relationship, into);
      collectEntities(segment.end, into);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) collectEntities(item, into);
  } else if (isPlainMap(value)) {
    for (const item of Object.values(value)) collectEntities(item, into);
  }
}

/** Element ids of relationship endpoints that the result did not contain as nodes. */
export function missingEndpointIds(entities: CollectedEntities): string[] {
  const missing = new Set<string>();
  for (const relationship of entities.relationships.values()) {
    for (const id of [relationship.startNodeElementId, relationship.endNodeElementId]) {
      if (!entities.nodes.has(id)) missing.add(id);
    }
  }
  return [...missing];
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isTemporalOrSpatial(value: unknown): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  );
}

/** Graph id of a node: the concept id for concepts, otherwise the Neo4j elementId. */
export function graphNodeId(node: Node): string {
  const id = node.properties.id;
  return node.labels.includes('Concept') && typeof id === 'string' ? id : node.elementId;
}

function nodeKind(node: Node): string {
  if (node.labels.includes('Concept')) return typeof node.properties.kind === 'string' ? node.properties.kind : 'concept';
  const first = node.labels[0];
  return first ? first.toLowerCase() : 'node';
}

function nodeLabel(node: Node): string {
  for (const key of ['name', 'title', 'id', 'path']) {
    const value = node.properties[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return node.labels[0] ?? node.elementId;
}

/** Converts driver values to JSON, charging a byte budget as it goes (none: unbounded, for internal use). */
export class JsonConverter {
  constructor(
    private readonly idOf: (elementId: string) => string,
    private readonly budget?: ResultBudget,
  ) {}

  /** Safe integers as numbers; big integers, temporal and spatial values as strings. */
  value(value: unknown, depth = 0): unknown {
    if (depth > maxResultDepth) throw tooDeep();
    const budget = this.budget;
    if (value === null || value === undefined) return budget?.charge(4), null;
    if (neo4j.isInt(value) || typeof value === 'bigint') return budget?.charge(8), integerToJson(value);
    if (typeof value === 'number') return budget?.charge(8), Number.isFinite(value) ? value : String(value);
    if (typeof value === 'boolean') return budget?.charge(5), value;
    if (typeof value === 'string') return budget?.chargeString(value), value;
    if (isTemporalOrSpatial(value)) return this.text(String(value));
    if (neo4j.isNode(value)) {
      budget?.charge(40);
      return { id: this.idOf(value.elementId), labels: this.value(value.labels, depth + 1), properties: this.properties(value.properties, depth + 1) };
    }
    if (neo4j.isRelationship(value)) {
      budget?.charge(80 + value.type.length);
      return {
        id: value.elementId,
        type: value.type,
        source: this.idOf(value.startNodeElementId),
        target: this.idOf(value.endNodeElementId),
        properties: this.properties(value.properties, depth + 1),
      };
    }
    if (neo4j.isPath(value)) return this.path(value, depth + 1);
    if (value instanceof Uint8Array || value instanceof Int8Array) {
      budget?.chargeContainer(Math.ceil((value.byteLength * 4) / 6));
      return this.text(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'));
    }
    if (Array.isArray(value)) {
      budget?.chargeContainer(value.length);
      return value.map((item) => this.value(item, depth + 1));
    }
    if (isPlainMap(value)) return this.properties(value, depth);
    return this.text(String(value));
  }

  properties(properties: Record<string, unknown>, depth = 0): Record<string, unknown> {
    const entries = Object.entries(properties);
    this.budget?.chargeContainer(entries.length);
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      this.budget?.chargeString(key);
      out[key] = this.value(item, depth + 1);
    }
    return out;
  }

  private text(value: string): string {
    this.budget?.chargeString(value);
    return value;
  }

  private path(path: Path, depth: number): unknown {
    this.budget?.charge(60);
    return {
      start: this.idOf(path.start.elementId),
      end: this.idOf(path.end.elementId),
      length: path.length,
      nodes: [path.start, ...path.segments.map((segment) => segment.end)].map((node) => this.value(node, depth)),
      relationships: path.segments.map((segment) => this.value(segment.relationship, depth)),
    };
  }
}

/** Converts a driver value to JSON without a budget. */
export function toJsonValue(value: unknown, idOf: (elementId: string) => string): unknown {
  return new JsonConverter(idOf).value(value);
}

/** Cytoscape elements for every collected node and relationship; edges only between known nodes. */
export function entitiesToElements(entities: CollectedEntities): GraphElements {
  const idOf = elementIdResolver(entities);
  const converter = new JsonConverter(idOf);
  const nodes = [...entities.nodes.values()].map((node) => ({ data: nodeData(node, converter) }));
  const edges = [...entities.relationships.values()]
    .filter((rel) => entities.nodes.has(rel.startNodeElementId) && entities.nodes.has(rel.endNodeElementId))
    .map((rel) => ({ data: edgeData(rel, converter, idOf) }));
  return { nodes, edges };
}

export function elementIdResolver(entities: CollectedEntities): (elementId: string) => string {
  return (elementId) => {
    const node = entities.nodes.get(elementId);
    return node ? graphNodeId(node) : elementId;
  };
}

export function nodeData(node: Node, converter: JsonConverter): NodeData {
  const properties = converter.properties(node.properties);
  const data: NodeData = { id: graphNodeId(node), label: nodeLabel(node), kind: nodeKind(node), labels: node.labels, properties };
  if (typeof properties.rank === 'number') data.rank = properties.rank;
  if (typeof properties.community === 'number') data.community = properties.community;
  if (typeof properties.mentions === 'number') data.mentions = properties.mentions;
  return data;
}

export function edgeData(rel: Relationship, converter: JsonConverter, idOf: (elementId: string) => string): EdgeData {
  const properties = converter.properties(rel.properties);
  const data: EdgeData = { id: rel.elementId, source: idOf(rel.startNodeElementId), target: idOf(rel.endNodeElementId), type: rel.type, properties };
  if (typeof properties.weight === 'number') data.weight = properties.weight;
  if (typeof properties.evidence === 'string') data.evidence = properties.evidence;
  if (typeof properties.noteId === 'string') data.noteId = properties.noteId;
  return data;
}
