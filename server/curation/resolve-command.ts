import { NotegraphError } from '../../common/errors.js';
import type { Decision } from '../../ingest/curation/decisions.js';
import { slugify } from '../../ingest/hash.js';
import type { ConceptSubgraph, NoteText, StoredConcept } from '../../queries/curation.js';
import type { CurationCommand } from './commands.js';
import type { EditContext } from './subgraph-edits.js';

/**
 * Turns a validated command into the decision it records, checked against the graph as it is: the concepts it
 * names exist, an alias belongs to its concept, selected text occurs in its note, a relation to remove exists.
 * Failures are client errors (404, 400, 409) raised before anything is written.
 */
export interface GraphReads {
  subgraph(ids: string[]): Promise<ConceptSubgraph>;
  noteTexts(noteIds: string[]): Promise<NoteText[]>;
  notesContaining(phrases: string[]): Promise<NoteText[]>;
}

export interface ResolvedCommand {
  decision: Decision;
  /** Concept ids whose subgraph the command replaces (and Undo restores). */
  affected: string[];
  before: ConceptSubgraph;
  context: EditContext;
  summary: string;
  /** The concept to show afterwards. */
  focus: string | null;
}

const noNotes: EditContext = { textOf: () => '', candidates: [] };

function conceptIn(subgraph: ConceptSubgraph, id: string): StoredConcept {
  const concept = subgraph.concepts.find((candidate) => candidate.id === id);
  if (!concept) throw new NotegraphError('NOT_FOUND', `no concept with id "${id}"`, { details: { id } });
  return concept;
}

const nameOf = (concept: StoredConcept) => (typeof concept.props.name === 'string' ? concept.props.name : concept.id);
const aliasesOf = (concept: StoredConcept) => (Array.isArray(concept.props.aliases) ? concept.props.aliases.map(String) : []);
const kindOf = (concept: StoredConcept) => String(concept.props.kind ?? 'concept') as Extract<Decision, { decision: 'kind' }>['kind'];

async function noteText(reads: GraphReads, noteId: string): Promise<string> {
  const [note] = await reads.noteTexts([noteId]);
  if (!note) throw new NotegraphError('NOT_FOUND', `no note with id "${noteId}"`, { details: { id: noteId } });
  return note.text;
}

async function resolveSplit(reads: GraphReads, body: Extract<CurationCommand, { command: 'split' }>['body']): Promise<ResolvedCommand> {
  const name = body.name ?? body.alias;
  const affected = [...new Set([body.id, slugify(name)])];
  const before = await reads.subgraph(affected);
  const from = conceptIn(before, body.id);
  const alias = aliasesOf(from).find((candidate) => candidate.toLowerCase() === body.alias.toLowerCase());
  if (!alias) throw new NotegraphError('BAD_REQUEST', `"${body.alias}" is not an alias of ${body.id}`, { details: { field: 'alias' } });
  if (slugify(name) === body.id) throw new NotegraphError('BAD_REQUEST', `the new concept needs a name other than ${nameOf(from)}`, { details: { field: 'name' } });
  const notes = await reads.noteTexts([...new Set(before.mentions.filter((mention) => mention.conceptId === body.id).map((mention) => mention.noteId))]);
  const texts = new Map(notes.map((note) => [note.id, note.text]));
  const decision: Decision = { decision: 'split', from: body.id, alias, name, kind: body.kind ?? kindOf(from) };
  const context = { textOf: (noteId: string) => texts.get(noteId) ?? '', candidates: [] };
  return { decision, affected, before, context, summary: `Split ${alias} off ${nameOf(from)}`, focus: slugify(name) };
}

async function resolveConcept(reads: GraphReads, body: Extract<CurationCommand, { command: 'concept' }>['body']): Promise<ResolvedCommand> {
  const text = await noteText(reads, body.noteId);
  if (!text.includes(body.text)) throw new NotegraphError('BAD_REQUEST', 'the selected text does not occur in that note', { details: { field: 'text' } });
  const name = body.name ?? body.text;
  const id = slugify(name);
  const before = await reads.subgraph([id]);
  if (before.concepts.length > 0) throw new NotegraphError('CONFLICT', `"${name}" is already a concept (${id})`, { details: { id } });
  const aliases = body.text === name ? [] : [body.text];
  const candidates = await reads.notesContaining([name, ...aliases]);
  const decision: Decision = { decision: 'concept', name, kind: body.kind, aliases };
  return { decision, affected: [id], before, context: { ...noNotes, candidates }, summary: `Made ${name} a concept`, focus: id };
}

type RelationBody = Extract<CurationCommand, { command: 'remove-relation' }>['body'];

async function resolveRelation(reads: GraphReads, body: RelationBody, add?: { noteId: string; evidence: string }): Promise<ResolvedCommand> {
  if (body.source === body.target) throw new NotegraphError('BAD_REQUEST', 'a relation needs two different concepts', { details: { field: 'target' } });
  const affected = [body.source, body.target];
  const before = await reads.subgraph(affected);
  const source = conceptIn(before, body.source);
  const target = conceptIn(before, body.target);
  const exists = before.edges.some((edge) => edge.source === body.source && edge.type === body.type && edge.target === body.target);
  const label = `${nameOf(source)} ${body.type} ${nameOf(target)}`;
  if (!add) {
    if (!exists) throw new NotegraphError('NOT_FOUND', `there is no relation ${label}`, { details: { id: body.source } });
    return { decision: { decision: 'remove-relation', ...body }, affected, before, context: noNotes, summary: `Removed ${label}`, focus: body.source };
  }
  if (exists) throw new NotegraphError('CONFLICT', `the graph already has ${label}`, { details: { id: body.source } });
  const text = await noteText(reads, add.noteId);
  if (!text.includes(add.evidence)) throw new NotegraphError('BAD_REQUEST', 'the selected sentence does not occur in that note', { details: { field: 'evidence' } });
  const decision: Decision = { decision: 'add-relation', ...body, evidence: add.evidence, note: add.noteId };
  return { decision, affected, before, context: noNotes, summary: `Added ${label}`, focus: body.source };
}

async function resolveOnConcepts(reads: GraphReads, command: Exclude<CurationCommand, { command: 'split' | 'concept' | 'remove-relation' | 'add-relation' }>): Promise<ResolvedCommand> {
  switch (command.command) {
    case 'rename': {
      const before = await reads.subgraph([command.body.id]);
      const concept = conceptIn(before, command.body.id);
      const decision: Decision = { decision: 'rename', id: command.body.id, name: command.body.name };
      return { decision, affected: [concept.id], before, context: noNotes, summary: `Renamed ${nameOf(concept)} to ${command.body.name}`, focus: concept.id };
    }
    case 'kind': {
      const before = await reads.subgraph([command.body.id]);
      const concept = conceptIn(before, command.body.id);
      const decision: Decision = { decision: 'kind', id: concept.id, kind: command.body.kind };
      return { decision, affected: [concept.id], before, context: noNotes, summary: `${nameOf(concept)} is now a ${command.body.kind}`, focus: concept.id };
    }
    case 'merge': {
      const { from, into } = command.body;
      if (from === into) throw new NotegraphError('BAD_REQUEST', 'a concept cannot be merged into itself', { details: { field: 'into' } });
      const before = await reads.subgraph([from, into]);
      const [source, target] = [conceptIn(before, from), conceptIn(before, into)];
      return { decision: { decision: 'merge', from, into }, affected: [from, into], before, context: noNotes, summary: `Merged ${nameOf(source)} into ${nameOf(target)}`, focus: into };
    }
    case 'hide': {
      const before = await reads.subgraph([command.body.id]);
      const concept = conceptIn(before, command.body.id);
      return { decision: { decision: 'stopword', word: nameOf(concept) }, affected: [concept.id], before, context: noNotes, summary: `Hid ${nameOf(concept)}`, focus: null };
    }
  }
}

export async function resolveCommand(reads: GraphReads, command: CurationCommand): Promise<ResolvedCommand> {
  switch (command.command) {
    case 'split':
      return resolveSplit(reads, command.body);
    case 'concept':
      return resolveConcept(reads, command.body);
    case 'remove-relation':
      return resolveRelation(reads, command.body);
    case 'add-relation': {
      const { noteId, evidence, ...relation } = command.body;
      return resolveRelation(reads, relation, { noteId, evidence });
    }
    default:
      return resolveOnConcepts(reads, command);
  }
}
