import { randomUUID } from 'node:crypto';
import type { ConceptSummary } from '../../common/contract.js';
import type { CurationResult, CurationStatus } from '../../common/curation-contract.js';
import { NotegraphError } from '../../common/errors.js';
import { applyChange, decisionFile, describeDecision, planDecision, revertChange } from '../../ingest/curation/decision-edit.js';
import type { DecisionDocuments, DecisionFileKind } from '../../ingest/curation/decision-files.js';
import type { DecisionChange } from '../../ingest/curation/decisions.js';
import { readConceptSubgraph, readNotesContaining, readNoteTexts, replaceConceptSubgraph, type ConceptSubgraph } from '../../queries/curation.js';
import type { Database } from '../../queries/database.js';
import type { GraphRefresher } from '../graph-refresh.js';
import type { LiveEvents } from '../live-events.js';
import type { SerialQueue } from '../serial-queue.js';
import type { CurationCommand } from './commands.js';
import { decisionFileNames, type DecisionStore, type DecisionTexts } from './decision-store.js';
import { accessMessage, type EditAccess } from './edit-access.js';
import { resolveCommand, type GraphReads } from './resolve-command.js';
import { editSubgraph } from './subgraph-edits.js';

/**
 * The curation use cases. Each command runs in the server's one queue: read the decision files, check the
 * command against the graph, plan the file change, write the files, then replace the affected part of the
 * graph — and if that fails, put the files back, so a command changes both or neither. Undo takes back the
 * latest change: the inverse file change and the subgraph as it was before. A background re-ingest follows
 * every change and makes rank, communities and co-occurrence exact.
 */
export interface CurationServiceOptions {
  db: Database;
  store: DecisionStore;
  queue: SerialQueue;
  access: EditAccess;
  refresher?: GraphRefresher;
  events?: LiveEvents;
  /** True while the notes folder is watched (shown in the status). */
  watching?: () => boolean;
}

interface ChangeRecord {
  changeId: string;
  summary: string;
  change: DecisionChange;
  affected: string[];
  before: ConceptSubgraph;
  focus: string | null;
}

const historyLimit = 50;

function toSummary(concept: ConceptSubgraph['concepts'][number]): ConceptSummary {
  const props = concept.props;
  return {
    id: concept.id,
    name: typeof props.name === 'string' ? props.name : concept.id,
    kind: typeof props.kind === 'string' ? props.kind : 'concept',
    aliases: Array.isArray(props.aliases) ? props.aliases.map(String) : [],
    mentions: Number(props.mentions ?? 0),
    rank: Number(props.rank ?? 0),
    community: Number(props.community ?? -1),
  };
}

function filesOf(change: DecisionChange): DecisionFileKind[] {
  return [...new Set([...change.added, ...change.removed].map(decisionFile))].sort();
}

export class CurationService {
  private readonly history: ChangeRecord[] = [];
  private readonly reads: GraphReads;

  constructor(private readonly options: CurationServiceOptions) {
    const { db } = options;
    this.reads = {
      subgraph: (ids) => readConceptSubgraph(db, ids),
      noteTexts: (ids) => readNoteTexts(db, ids),
      notesContaining: (phrases) => readNotesContaining(db, phrases),
    };
  }

  status(): CurationStatus {
    const latest = this.history.at(-1);
    return {
      editable: this.options.access.mode !== 'read-only',
      access: this.options.access.mode,
      message: accessMessage(this.options.access),
      undo: latest ? { changeId: latest.changeId, summary: latest.summary } : null,
      watching: this.options.watching?.() ?? false,
      events: true,
    };
  }

  execute(command: CurationCommand): Promise<CurationResult> {
    return this.options.queue.run(async () => {
      const stored = await this.options.store.read();
      const resolved = await resolveCommand(this.reads, command);
      const plan = planDecision(stored.docs, resolved.decision);
      if (!plan.ok) throw new NotegraphError('CONFLICT', plan.conflict);
      if (plan.change.added.length === 0 && plan.change.removed.length === 0) {
        return this.result(null, `Nothing to change: ${resolved.summary.charAt(0).toLowerCase()}${resolved.summary.slice(1)} is already decided`, plan.change, resolved.before, resolved.before, resolved.focus);
      }
      const edited = applyChange(stored.docs, plan.change);
      if (!edited.ok) throw new NotegraphError('CONFLICT', edited.conflict);
      const after = editSubgraph(resolved.before, resolved.decision, resolved.context);
      await this.commit(stored.texts, edited.files, plan.change, resolved.affected, after);
      const record: ChangeRecord = { changeId: randomUUID(), summary: resolved.summary, change: plan.change, affected: resolved.affected, before: resolved.before, focus: resolved.focus };
      this.history.push(record);
      if (this.history.length > historyLimit) this.history.shift();
      return this.announce(this.result(record.changeId, record.summary, plan.change, resolved.before, after, resolved.focus));
    });
  }

  /** Takes back the latest change (only the latest: older ones may have been built upon). */
  undo(changeId: string): Promise<CurationResult> {
    return this.options.queue.run(async () => {
      const record = this.history.at(-1);
      if (!record || record.changeId !== changeId) {
        const known = this.history.some((entry) => entry.changeId === changeId);
        throw new NotegraphError(known ? 'CONFLICT' : 'NOT_FOUND', known ? 'only the latest change can be undone' : 'no such change to undo (the server may have restarted)');
      }
      const stored = await this.options.store.read();
      const current = await this.reads.subgraph(record.affected);
      const reverted = revertChange(stored.docs, record.change);
      if (!reverted.ok) throw new NotegraphError('CONFLICT', `${reverted.conflict}; nothing was undone`);
      await this.commit(stored.texts, reverted.files, record.change, record.affected, record.before);
      this.history.pop();
      const focus = record.before.concepts.find((concept) => concept.id !== record.focus)?.id ?? record.before.concepts[0]?.id ?? null;
      return this.announce(this.result(null, `Undid: ${record.summary}`, { added: record.change.removed, removed: record.change.added }, current, record.before, focus));
    });
  }

  /** Files first, then the graph; if the graph write fails the files are put back and the error goes on. */
  private async commit(texts: DecisionTexts, files: DecisionDocuments, change: DecisionChange, affected: string[], subgraph: ConceptSubgraph): Promise<void> {
    const kinds = filesOf(change);
    const previous: Partial<DecisionTexts> = Object.fromEntries(kinds.map((kind) => [kind, texts[kind]]));
    await this.options.store.write(files, kinds);
    try {
      await replaceConceptSubgraph(this.options.db, affected, subgraph);
    } catch (error) {
      await this.options.store.restore(previous);
      throw error;
    }
  }

  private announce(result: CurationResult): CurationResult {
    this.options.refresher?.request('curation');
    const concepts = { updated: result.concepts.updated.map((concept) => concept.id), removed: result.concepts.removed };
    this.options.events?.publish({ type: 'curation', changeId: result.changeId, summary: result.summary, concepts });
    return result;
  }

  private result(changeId: string | null, summary: string, change: DecisionChange, before: ConceptSubgraph, after: ConceptSubgraph, focus: string | null): CurationResult {
    const kept = new Set(after.concepts.map((concept) => concept.id));
    return {
      changeId,
      summary,
      decisions: {
        file: filesOf(change).map((kind) => decisionFileNames[kind]).join(', '),
        added: change.added.map(describeDecision),
        removed: change.removed.map(describeDecision),
      },
      concepts: { updated: after.concepts.map(toSummary), removed: before.concepts.map((concept) => concept.id).filter((id) => !kept.has(id)) },
      focus: focus !== null && kept.has(focus) ? focus : null,
    };
  }
}
