/**
 * A graph laid out by fcose is never drawn before its layout: a first picture of elements that all sit at the
 * origin costs the page its longest task (every style and label computed, everything drawn) and is thrown away.
 * Plain data goes to the layout worker; once positions are back, the caller's steps run (legend, room for the
 * top labels, fit, label plan — each in a task of its own, and before anything is drawn, because Cytoscape caches
 * node images per zoom and label: a fit or label change after the drawing draws every node again in one frame);
 * then the elements arrive slice by slice (chunked-add.ts), so no main-thread task grows with the graph. A
 * stopped or failed layout falls back to a grid.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import type { PlacedLabel } from '../view-model/labels.js';
import { gridPositions, type Point } from '../view-model/placement.js';
import { addInSlices, type ChunkedAdd } from './chunked-add.js';
import { labelData, withLabelClasses } from './drawn-state.js';
import { layoutRequestFrom } from './layout/layout-protocol.js';
import type { LayoutJob, LayoutRunner } from './layout/layout-runner.js';

export interface GraphLoadCallbacks {
  /** The laid-out positions, before anything is drawn. */
  placed(positions: Record<string, Point>): void;
  /**
   * Run after `placed`, one task each, before anything is drawn: the moment to fit the view and plan labels. A
   * step that returns true runs again in the next task (work split into rounds).
   */
  beforeDraw(): (() => boolean | void)[];
  progress(added: number, total: number): void;
  /** `held`: the laid-out elements not drawn yet (hidden by filters or the draw budget), for the view to add when shown. */
  done(outcome: 'done' | 'stopped' | 'error', held: ElementDefinition[], message?: string): void;
}

/** One pass over 100,000 elements: no string building per element. */
function isFiltered(element: ElementDefinition): boolean {
  const { classes } = element;
  if (classes === undefined) return false;
  return typeof classes === 'string' ? classes.split(' ').includes('filtered') : classes.includes('filtered');
}

const classList = (classes: ElementDefinition['classes']): string[] => [classes ?? []].flat().join(' ').split(' ').filter(Boolean);

export class GraphLoader {
  private population: ChunkedAdd | null = null;
  private token = 0;
  /** Laid-out nodes that are to be drawn but not added yet, by id: moving or labelling one before it is added changes it here. */
  private readonly pending = new Map<string, ElementDefinition>();

  constructor(private readonly deps: { layouts: LayoutRunner; track(job: LayoutJob, nodeCount: number): unknown }) {}

  get drawing(): boolean {
    return this.population !== null;
  }

  load(cy: Core, elements: ElementDefinition[], callbacks: GraphLoadCallbacks): void {
    const started = performance.now();
    const token = ++this.token;
    const request = layoutRequestFrom(elements);
    performance.measure('graph: prepare', { start: started });
    const job = this.deps.layouts.start(request);
    this.deps.track(job, request.nodes.length);
    const current = (): boolean => token === this.token && !cy.destroyed();
    void job.result.then((reply) => {
      if (!current()) return;
      const placing = performance.now();
      const positions = reply.type === 'done' ? reply.positions : gridPositions(request.nodes.map((node) => node.id));
      const outcome = reply.type === 'done' ? 'done' : reply.type === 'stopped' ? 'stopped' : 'error';
      // Only what is shown (the top-ranked part within the draw budget) goes into Cytoscape; the hidden rest is held
      // back and added when it is shown: every element Cytoscape holds costs style, bounds and sorting on each draw.
      const first: ElementDefinition[] = [];
      const held: ElementDefinition[] = [];
      for (const element of elements) {
        const id = element.data.id;
        const placed = element.group === 'nodes' && id ? { ...element, position: positions[id] } : element;
        if (isFiltered(element)) held.push(placed);
        else {
          first.push(placed);
          if (placed !== element) this.pending.set(String(id), placed);
        }
      }
      performance.measure('graph: place laid-out elements', { start: placing });
      const message = reply.type === 'error' ? reply.message : undefined;
      const draw = (): void => this.populate(cy, first, callbacks.progress, () => callbacks.done(outcome, held, message));
      // Reporting the positions, each step before drawing and the first slice each in a task of their own: together
      // they made one of the longest tasks.
      const steps: (() => boolean | void)[] = [() => callbacks.placed(positions), ...callbacks.beforeDraw(), draw];
      const next = (index: number): void => {
        setTimeout(() => {
          if (!current()) return;
          const stepping = performance.now();
          const again = steps[index]!() === true;
          if (index < steps.length - 1) {
            performance.measure(`graph: before drawing, step ${index}`, { start: stepping });
            next(again ? index : index + 1);
          }
        }, 0);
      };
      next(0);
    });
  }

  private populate(cy: Core, elements: ElementDefinition[], progress: (added: number, total: number) => void, finished: () => void): void {
    const started = performance.now();
    const population = addInSlices(cy, elements, progress);
    this.population = population;
    void population.done.then((complete) => {
      if (this.population === population) {
        this.population = null;
        this.pending.clear();
      }
      if (!complete) return;
      performance.measure('graph: add in slices', { start: started });
      const start = performance.now();
      requestAnimationFrame(() => performance.measure('graph: draw laid-out graph', { start }));
      finished();
    });
  }

  /** Moves nodes that are waiting to be drawn (e.g. the top ones given room for their labels before the first slice). */
  move(positions: Record<string, Point>): void {
    for (const [id, position] of Object.entries(positions)) {
      const element = this.pending.get(id);
      if (element) element.position = { ...position };
    }
  }

  /** Labels nodes that are waiting to be drawn as planned at `zoom`, so they arrive labelled (and others unlabelled). */
  label(plan: readonly PlacedLabel[], zoom: number): void {
    if (this.pending.size === 0) return;
    const planned = new Map(plan.map((label) => [label.id, label]));
    for (const [id, element] of this.pending) {
      const label = planned.get(id) ?? null;
      element.classes = withLabelClasses(classList(element.classes), label);
      if (label) element.data = { ...element.data, ...labelData(label, zoom) };
    }
  }

  cancel(): void {
    this.token += 1;
    this.pending.clear();
    this.population?.cancel();
    this.population = null;
  }
}
