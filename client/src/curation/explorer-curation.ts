/**
 * Curation and live notes wired into the explorer: the controller gets its hooks here, and every change — a
 * correction's answer, another window's correction, a re-ingest after notes changed — reaches the screen the same
 * way: fresh answers from the server (the neighbourhoods of the concepts touched, the base view again) are
 * compared with the view-model (view-model/graph-diff.ts), the diff goes into the view-model and from there to
 * Cytoscape. Nothing is read back from Cytoscape, nothing is reloaded: layout, selection and pins stay.
 */
import type { ConceptChanges, CurationResult, LiveEvent } from '../../../common/curation-contract.js';
import { api } from '../api.js';
import { byId } from '../dom.js';
import type { Explorer } from '../explorer.js';
import { diffGraph, neighbourhoodAnswer, wholeGraphAnswer, type FreshAnswer, type GraphDiff } from '../view-model/graph-diff.js';
import { CurationController } from './curation-controller.js';

/** Neighbours asked for per touched concept: enough that its edges to what is shown are all there. */
const neighbourLimit = 1000;
/** New concepts of one re-ingest brought onto the screen at most (a new file can bring hundreds). */
const maxNewConcepts = 20;

function applyDiff(explorer: Explorer, diff: GraphDiff): void {
  const { vm, graph } = explorer;
  if (diff.remove.length > 0) explorer.removeFromView(diff.remove);
  if (diff.update.length > 0) graph.updateNodes(vm.update(diff.update));
  for (const group of diff.add) {
    if (group.elements.nodes.length + group.elements.edges.length > 0) explorer.addToView(group.elements, group.anchor);
  }
  // The selection's edges may have been replaced: draw it again from the view-model.
  if (vm.selected) graph.showSelection(vm.selected, vm.edgesOf(vm.selected));
  explorer.refresh();
}

async function neighbourhoods(ids: readonly string[], include: (id: string) => boolean): Promise<FreshAnswer[]> {
  const answers = await Promise.all(
    // A concept that is gone by now (another change came first) answers 404: nothing to add for it.
    ids.map((id) => api.neighbors(id, { depth: 1, limit: neighbourLimit }).then((answer) => neighbourhoodAnswer(id, answer, include), () => null)),
  );
  return answers.filter((answer): answer is FreshAnswer => answer !== null);
}

/** Brings the view in line after concepts changed; `show` are concepts to add even when nothing links them to the view. */
async function updateView(explorer: Explorer, changes: ConceptChanges, options: { base: boolean; show: readonly string[] }): Promise<void> {
  const { vm } = explorer;
  const updated = changes.updated.filter((id) => !changes.removed.includes(id));
  // The base view and the neighbourhoods are asked for at once: the answer comes in one round trip.
  const [base, touched] = await Promise.all([
    options.base ? explorer.freshBase().catch(() => null) : Promise.resolve(null),
    neighbourhoods(updated, (id) => options.show.includes(id)),
  ]);
  const answers: FreshAnswer[] = [...(base ? [wholeGraphAnswer(base)] : []), ...touched];
  applyDiff(explorer, diffGraph({ nodes: new Set(vm.nodeIds()), edges: vm.edgeEnds() }, answers, changes.removed, (id) => vm.node(id)));
}

async function showResult(explorer: Explorer, result: CurationResult): Promise<void> {
  const shown = explorer.panelView.conceptId;
  const focus = result.focus;
  await updateView(explorer, { updated: result.concepts.updated.map((concept) => concept.id), removed: result.concepts.removed }, { base: false, show: focus ? [focus] : [] });
  if (result.concepts.removed.length > 0) explorer.vm.clearPicked();
  if (focus && focus !== explorer.vm.selected) await explorer.selectConcept(focus, { center: true });
  else if (shown && result.concepts.removed.includes(shown)) explorer.clearSelection();
  else await explorer.panelView.reload(true);
}

async function showLiveEvent(explorer: Explorer, event: LiveEvent): Promise<void> {
  const changes = (event.type === 'refresh-failed' ? undefined : event.concepts) ?? { updated: [], removed: [] };
  // New concepts from notes are shown (up to a few); another window's correction only updates what is shown; the
  // rank and edges that follow a save update the new concepts that are shown.
  const fresh = event.type === 'notes' ? changes.updated.filter((id) => !explorer.vm.has(id)).slice(0, maxNewConcepts) : [];
  const updated = event.type === 'notes' ? fresh : event.type === 'graph' ? changes.updated.filter((id) => explorer.vm.has(id)) : changes.updated;
  // The overview moves with rank and edges: when they are still being written, the 'graph' event that follows
  // brings it; the new concepts are shown now.
  const base = !(event.type === 'notes' && event.derivedToFollow === true);
  await updateView(explorer, { updated, removed: changes.removed }, { base, show: fresh });
  await explorer.panelView.reload(true);
}

/** Installs curation in the explorer and starts listening to live events. */
export function installCuration(explorer: Explorer): CurationController {
  // One update at a time: a re-ingest's event arriving during a correction's update waits for it.
  let queue: Promise<void> = Promise.resolve();
  const live = { received: 0, applied: 0 };
  const serially = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work).catch((error: unknown) => explorer.reportError(error, 'Updating the graph failed'));
    queue = next;
    return next;
  };
  const controller = new CurationController({
    panel: byId('panel'),
    statusLine: byId('curation-status'),
    changed: (result) => serially(() => showResult(explorer, result)),
    refresh: (event) => {
      live.received += 1;
      return serially(() => showLiveEvent(explorer, event)).finally(() => (live.applied += 1));
    },
    undoChanged: () => {
      byId<HTMLButtonElement>('undo-button').disabled = explorer.expand.history.size === 0 && !controller.canUndo();
    },
    notify: (message, kind) => explorer.notify(message, kind),
    pickedConcepts: () => explorer.vm.picked.map((id) => ({ id, name: explorer.vm.node(id)?.label ?? id })),
    findConcepts: async (query) => (await api.search(query, 8)).concepts.map((hit) => ({ id: hit.id, name: hit.name })),
  });
  explorer.curation = {
    canUndo: () => controller.canUndo(),
    latestAt: () => controller.latestAt(),
    undo: () => controller.undo(),
    panelExtras: () => controller.panelExtras(),
    liveUpdates: () => ({ ...live }),
  };
  void controller.start().then(() => explorer.panelView.refresh(), (error: unknown) => explorer.reportError(error, 'Reading whether this server accepts corrections failed'));
  return controller;
}
