import { stringify } from 'yaml';
import { coOccursType } from '../../common/graph-model.js';
import { applyConceptDecisions, type ConceptDecisionInput } from '../../ingest/curation/apply-concept-decisions.js';
import type { Decision } from '../../ingest/curation/decisions.js';
import { mentionsOf, type ConceptInfo } from '../../ingest/extract-concepts.js';
import { slugify } from '../../ingest/hash.js';
import { parseLexicon } from '../../ingest/lexicon.js';
import { LexiconMatcher, type ConceptHit } from '../../ingest/lexicon-matcher.js';
import type { ConceptSubgraph, NoteText, PlainProps, StoredConcept, StoredEdge } from '../../queries/curation.js';

/**
 * What a decision does to the part of the graph it affects, as a pure function: the subgraph as stored before,
 * the decision, and the note texts it needs → the subgraph to store. Concept decisions go through the same
 * `applyConceptDecisions` an ingest runs, so the graph changes now as the next ingest will change it; edges
 * follow (re-pointed on merge, dropped with a hidden concept). Co-occurrence scores, rank and communities are
 * approximations here and exact after the background re-ingest.
 */
export interface EditContext {
  /** Text of a note that mentions an affected concept (split compares how a mention is written). */
  textOf(noteId: string): string;
  /** Notes that may mention a concept being added. */
  candidates: readonly NoteText[];
}

const text = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);

function conceptInfo(concept: StoredConcept): ConceptInfo {
  const aliases = Array.isArray(concept.props.aliases) ? concept.props.aliases.map(String) : [];
  return { id: concept.id, name: text(concept.props.name, concept.id), kind: text(concept.props.kind, 'concept') as ConceptInfo['kind'], aliases };
}

function hitsOf(subgraph: ConceptSubgraph): Map<string, ConceptHit[]> {
  const hits = new Map<string, ConceptHit[]>();
  for (const mention of subgraph.mentions) {
    const list = hits.get(mention.noteId) ?? [];
    for (let i = 0; i + 1 < mention.spans.length; i += 2) list.push({ conceptId: mention.conceptId, start: mention.spans[i]!, end: mention.spans[i + 1]! });
    hits.set(mention.noteId, list.sort((a, b) => a.start - b.start));
  }
  return hits;
}

/** Stored props of a concept after a decision: name, kind, aliases and mention count change; the rest stays. */
function conceptProps(info: ConceptInfo, before: PlainProps | undefined, mentions: number, fallback: PlainProps): PlainProps {
  return { ...fallback, ...before, id: info.id, name: info.name, kind: info.kind, aliases: info.aliases, aliasText: info.aliases.join('\n'), mentions };
}

function edgeKey(edge: StoredEdge): string {
  return `${edge.source}\u0000${edge.type}\u0000${edge.target}`;
}

/** Edges after concepts moved or went: ends re-pointed, self-loops dropped, edges that now coincide combined. */
function followEdges(edges: StoredEdge[], mergedInto: ReadonlyMap<string, string>, gone: ReadonlySet<string>): StoredEdge[] {
  const byKey = new Map<string, StoredEdge>();
  for (const edge of edges) {
    let source = mergedInto.get(edge.source) ?? edge.source;
    let target = mergedInto.get(edge.target) ?? edge.target;
    if (source === target || gone.has(source) || gone.has(target)) continue;
    // One CO_OCCURS edge per pair, stored from the smaller id, as ingest writes it.
    if (edge.type === coOccursType && source > target) [source, target] = [target, source];
    const moved = { ...edge, source, target };
    const existing = byKey.get(edgeKey(moved));
    if (!existing) byKey.set(edgeKey(moved), moved);
    else {
      const sum = (key: string) => Number(existing.props[key] ?? 0) + Number(moved.props[key] ?? 0);
      existing.props = { ...existing.props, weight: sum('weight'), ...(existing.props.notes !== undefined ? { notes: sum('notes') } : {}) };
    }
  }
  return [...byKey.values()];
}

function conceptInput(decision: Decision): ConceptDecisionInput | undefined {
  const none: ConceptDecisionInput['concepts'] = { rename: {}, kind: {}, merge: {}, split: [] };
  switch (decision.decision) {
    case 'rename':
      return { concepts: { ...none, rename: { [decision.id]: decision.name } }, stopwords: [] };
    case 'kind':
      return { concepts: { ...none, kind: { [decision.id]: decision.kind } }, stopwords: [] };
    case 'merge':
      return { concepts: { ...none, merge: { [decision.from]: decision.into } }, stopwords: [] };
    case 'split':
      return { concepts: { ...none, split: [{ from: decision.from, alias: decision.alias, name: decision.name, kind: decision.kind }] }, stopwords: [] };
    case 'stopword':
      return { concepts: none, stopwords: [decision.word] };
    default:
      return undefined;
  }
}

function applyToConcepts(before: ConceptSubgraph, decision: Decision, input: ConceptDecisionInput, context: EditContext): ConceptSubgraph {
  const applied = applyConceptDecisions({ hitsByNote: hitsOf(before), info: new Map(before.concepts.map((concept) => [concept.id, conceptInfo(concept)])) }, context.textOf, input);
  const mentions = [...applied.hitsByNote].flatMap(([noteId, hits]) => mentionsOf(noteId, hits));
  const totals = new Map<string, number>();
  for (const mention of mentions) totals.set(mention.conceptId, (totals.get(mention.conceptId) ?? 0) + mention.count);
  const stored = new Map(before.concepts.map((concept) => [concept.id, concept.props]));
  // A concept split off starts where its concept of origin is: same community, rank by its share of mentions.
  const origin = decision.decision === 'split' ? stored.get(decision.from) : undefined;
  const concepts = [...applied.info.values()]
    .filter((info) => (totals.get(info.id) ?? 0) > 0)
    .map((info) => {
      const share = origin ? Number(origin.rank ?? 0) * ((totals.get(info.id) ?? 0) / Math.max(1, Number(origin.mentions ?? 1))) : 0;
      return { id: info.id, props: conceptProps(info, stored.get(info.id), totals.get(info.id) ?? 0, { rank: share, community: origin?.community ?? -1 }) };
    });
  const kept = new Set(concepts.map((concept) => concept.id));
  const gone = new Set(before.concepts.map((concept) => concept.id).filter((id) => !kept.has(id) && !applied.mergedInto.has(id)));
  return { concepts, mentions, edges: followEdges(before.edges, applied.mergedInto, gone) };
}

/** A concept made from selected text: found in the candidate notes the way ingest's lexicon matcher finds it. */
function addConcept(before: ConceptSubgraph, decision: Extract<Decision, { decision: 'concept' }>, context: EditContext): ConceptSubgraph {
  const lexicon = parseLexicon('selected text', stringify({ concepts: [{ name: decision.name, kind: decision.kind, aliases: decision.aliases }] })).lexicon;
  const matcher = new LexiconMatcher(lexicon);
  const mentions = context.candidates.flatMap((note) => mentionsOf(note.id, matcher.match(note.text)));
  const id = slugify(decision.name);
  const total = mentions.reduce((sum, mention) => sum + mention.count, 0);
  const info: ConceptInfo = { id, name: decision.name, kind: decision.kind, aliases: decision.aliases.filter((alias) => alias !== decision.name) };
  const concepts = total > 0 ? [{ id, props: conceptProps(info, undefined, total, { rank: 0, community: -1 }) }] : [];
  return { concepts, mentions, edges: before.edges };
}

function editRelations(before: ConceptSubgraph, decision: Extract<Decision, { decision: 'remove-relation' | 'add-relation' }>): ConceptSubgraph {
  const key = edgeKey({ source: decision.source, type: decision.type, target: decision.target, props: {} });
  const edges = before.edges.filter((edge) => edgeKey(edge) !== key);
  if (decision.decision === 'add-relation') {
    edges.push({ source: decision.source, target: decision.target, type: decision.type, props: { evidence: decision.evidence, noteId: decision.note ?? '', weight: 1 } });
  }
  return { ...before, edges };
}

/** The subgraph to store once `decision` is taken. */
export function editSubgraph(before: ConceptSubgraph, decision: Decision, context: EditContext): ConceptSubgraph {
  if (decision.decision === 'concept') return addConcept(before, decision, context);
  if (decision.decision === 'remove-relation' || decision.decision === 'add-relation') return editRelations(before, decision);
  return applyToConcepts(before, decision, conceptInput(decision)!, context);
}
