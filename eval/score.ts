import pluralize from 'pluralize';
import type { ExtractedGraph } from '../ingest/types.js';
import type { Gold } from './gold.js';

/**
 * Scores one extracted graph against a gold file. Pure. A concept node stands for a gold concept when its name
 * or one of its aliases folds (case, spaces, hyphens, plural) to one of the gold spellings.
 */
export interface ExtractionScore {
  concepts: number;
  typedRelations: number;
  recallAt100: number;
  recallAt300: number;
  /** Of the top 100: judged right (gold or accepted), judged wrong (rejected), not judged. */
  top100: { right: number; wrong: number; unjudged: number };
  /** Gold concepts that two or more nodes stand for. */
  splitGold: string[];
  /** Node names that differ only by singular/plural. */
  pluralPairs: string[];
  relationsLinked: number;
  relationsTyped: number;
  /** Gold concepts missing from the top 300, for reading, with their position when they are further down. */
  missing: string[];
}

export function spellingKey(spelling: string): string {
  return spelling
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word, index, words) => (index === words.length - 1 && /^[a-z]{4,}$/.test(word) ? pluralize.singular(word) : word))
    .join('');
}

type Node = ExtractedGraph['concepts'][number];

function nodeKeys(node: Node): Set<string> {
  return new Set([node.name, ...node.aliases].map(spellingKey));
}

function standsFor(keysByNode: Map<string, Set<string>>, spellings: string[]): string[] {
  const wanted = spellings.map(spellingKey);
  return [...keysByNode].filter(([, keys]) => wanted.some((key) => keys.has(key))).map(([id]) => id);
}

/** Concepts by rank (then mentions), the order the explorer and the eval read. */
export function rankedConcepts(graph: ExtractedGraph): Node[] {
  return [...graph.concepts].sort((a, b) => b.rank - a.rank || b.mentions - a.mentions || a.id.localeCompare(b.id));
}

export function scoreExtraction(graph: ExtractedGraph, gold: Gold): ExtractionScore {
  const ranked = rankedConcepts(graph);
  const keysByNode = new Map(ranked.map((node) => [node.id, nodeKeys(node)]));
  const position = new Map(ranked.map((node, index) => [node.id, index]));
  const nodesOf = new Map(gold.concepts.map((spellings) => [spellings[0]!, standsFor(keysByNode, spellings)]));
  const bestPosition = (name: string) => Math.min(Infinity, ...(nodesOf.get(name) ?? []).map((id) => position.get(id)!));
  const recall = (n: number) => (gold.concepts.length === 0 ? 0 : gold.concepts.filter(([name]) => bestPosition(name!) < n).length / gold.concepts.length);

  const judge = (spellingsList: string[][]) => new Set(spellingsList.flatMap((spellings) => standsFor(keysByNode, spellings)));
  const right = new Set([...judge(gold.concepts), ...judge(gold.accept)]);
  const wrong = judge(gold.reject);
  const top = ranked.slice(0, 100);
  const top100 = {
    right: top.filter((node) => right.has(node.id)).length,
    wrong: top.filter((node) => !right.has(node.id) && wrong.has(node.id)).length,
    unjudged: top.filter((node) => !right.has(node.id) && !wrong.has(node.id)).length,
  };

  const bySingular = new Map<string, Set<string>>();
  for (const node of ranked) {
    const key = spellingKey(node.name);
    bySingular.set(key, new Set([...(bySingular.get(key) ?? []), node.name]));
  }
  const pluralPairs = [...bySingular.values()].filter((names) => names.size > 1).map((names) => [...names].join(' / '));

  const endpoints = (name: string) => new Set(nodesOf.get(name) ?? standsFor(keysByNode, [name]));
  const typed = graph.relations;
  const anyEdge = [...typed.map((edge) => [edge.source, edge.target] as const), ...graph.cooccurrences.map((edge) => [edge.source, edge.target] as const)];
  let linked = 0;
  let correctlyTyped = 0;
  for (const relation of gold.relations) {
    const sources = endpoints(relation.source);
    const targets = endpoints(relation.target);
    if (anyEdge.some(([a, b]) => (sources.has(a) && targets.has(b)) || (sources.has(b) && targets.has(a)))) linked += 1;
    const symmetric = relation.type === 'COMPARED_WITH';
    if (typed.some((edge) => edge.type === relation.type && ((sources.has(edge.source) && targets.has(edge.target)) || (symmetric && sources.has(edge.target) && targets.has(edge.source))))) correctlyTyped += 1;
  }
  const relationCount = Math.max(1, gold.relations.length);
  return {
    concepts: ranked.length,
    typedRelations: typed.length,
    recallAt100: recall(100),
    recallAt300: recall(300),
    top100,
    splitGold: gold.concepts.filter(([name]) => (nodesOf.get(name!) ?? []).length > 1).map(([name]) => `${name} (${nodesOf.get(name!)!.join(', ')})`),
    pluralPairs,
    relationsLinked: gold.relations.length === 0 ? 0 : linked / relationCount,
    relationsTyped: gold.relations.length === 0 ? 0 : correctlyTyped / relationCount,
    missing: gold.concepts.filter(([name]) => bestPosition(name!) >= 300).map(([name]) => (Number.isFinite(bestPosition(name!)) ? `${name} (#${bestPosition(name!) + 1})` : name!)),
  };
}
