import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { EdgeData, GraphElements, NodeData } from '../common/contract.js';
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

/** Converts a driver value to JSON: safe integers as numbers, big ones, temporal and spatial as strings. */
export function toJsonValue(value: unknown, idOf: (elementId: string) => string): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value) || typeof value === 'bigint') return integerToJson(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (isTemporalOrSpatial(value)) return String(value);
  if (neo4j.isNode(value)) return { id: idOf(value.elementId), labels: value.labels, properties: jsonProperties(value.properties, idOf) };
  if (neo4j.isRelationship(value)) {
    return {
      id: value.elementId,
      type: value.type,
      source: idOf(value.startNodeElementId),
      target: idOf(value.endNodeElementId),
      properties: jsonProperties(value.properties, idOf),
    };
  }
  if (neo4j.isPath(value)) return pathToJson(value, idOf);
  if (value instanceof Uint8Array || value instanceof Int8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item, idOf));
  if (isPlainMap(value)) return jsonProperties(value, idOf);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function jsonProperties(properties: Record<string, unknown>, idOf: (elementId: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, item]) => [key, toJsonValue(item, idOf)]));
}

function pathToJson(path: Path, idOf: (elementId: string) => string): unknown {
  return {
    start: idOf(path.start.elementId),
    end: idOf(path.end.elementId),
    length: path.length,
    nodes: [path.start, ...path.segments.map((segment) => segment.end)].map((node) => toJsonValue(node, idOf)),
    relationships: path.segments.map((segment) => toJsonValue(segment.relationship, idOf)),
  };
}

/** Cytoscape elements for every collected node and relationship; edges only between known nodes. */
export function entitiesToElements(entities: CollectedEntities): GraphElements {
  const idOf = elementIdResolver(entities);
  const nodes = [...entities.nodes.values()].map((node) => ({ data: nodeData(node, idOf) }));
  const edges = [...entities.relationships.values()]
    .filter((rel) => entities.nodes.has(rel.startNodeElementId) && entities.nodes.has(rel.endNodeElementId))
    .map((rel) => ({ data: edgeData(rel, idOf) }));
  return { nodes, edges };
}

export function elementIdResolver(entities: CollectedEntities): (elementId: string) => string {
  return (elementId) => {
    const node = entities.nodes.get(elementId);
    return node ? graphNodeId(node) : elementId;
  };
}

function nodeData(node: Node, idOf: (elementId: string) => string): NodeData {
  const properties = jsonProperties(node.properties, idOf);
  const data: NodeData = { id: graphNodeId(node), label: nodeLabel(node), kind: nodeKind(node), labels: node.labels, properties };
  if (typeof properties.rank === 'number') data.rank = properties.rank;
  if (typeof properties.community === 'number') data.community = properties.community;
  if (typeof properties.mentions === 'number') data.mentions = properties.mentions;
  return data;
}

function edgeData(rel: Relationship, idOf: (elementId: string) => string): EdgeData {
  const properties = jsonProperties(rel.properties, idOf);
  const data: EdgeData = { id: rel.elementId, source: idOf(rel.startNodeElementId), target: idOf(rel.endNodeElementId), type: rel.type, properties };
  if (typeof properties.weight === 'number') data.weight = properties.weight;
  if (typeof properties.evidence === 'string') data.evidence = properties.evidence;
  if (typeof properties.noteId === 'string') data.noteId = properties.noteId;
  return data;
}
