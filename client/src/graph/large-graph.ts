/**
 * A big graph is never drawn before its layout: drawing a preview of 25,000 elements costs seconds of frozen
 * page and is thrown away. Plain data goes to the layout worker; the finished positions then arrive slice by
 * slice (chunked-add.ts), so no main-thread task grows with the graph. A stopped or failed layout falls back to
 * a grid.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { gridPositions, type Point } from '../view-model/placement.js';
import { addInSlices, type ChunkedAdd } from './chunked-add.js';
import { layoutRequestFrom } from './layout/layout-protocol.js';
import type { LayoutJob, LayoutRunner } from './layout/layout-runner.js';

export interface LargeGraphCallbacks {
  /** The laid-out positions, before anything is drawn. */
  placed(positions: Record<string, Point>): void;
  /** Called after `placed` and before anything is drawn: the moment to fit the view to the positions. */
  fit(): void;
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

export class LargeGraphLoader {
  private population: ChunkedAdd | null = null;
  private token = 0;
  /** Laid-out nodes that are to be drawn but not added yet, by id: moving one before it is added moves it here. */
  private readonly pending = new Map<string, ElementDefinition>();

  constructor(private readonly deps: { layouts: LayoutRunner; track(job: LayoutJob, nodeCount: number): unknown }) {}

  get drawing(): boolean {
    return this.population !== null;
  }

  load(cy: Core, elements: ElementDefinition[], callbacks: LargeGraphCallbacks): void {
    const started = performance.now();
    const token = ++this.token;
    const request = layoutRequestFrom(elements);
    performance.measure('graph: prepare', { start: started });
    const job = this.deps.layouts.start(request);
    this.deps.track(job, request.nodes.length);
    void job.result.then((reply) => {
      if (token !== this.token || cy.destroyed()) return;
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
      // Placing, reporting the positions, fitting the view and the first slice each in a task of their own:
      // together they made one of the longest tasks.
      const later = (step: () => void): void => {
        setTimeout(() => token === this.token && !cy.destroyed() && step(), 0);
      };
      later(() => {
        callbacks.placed(positions);
        later(() => {
          const fitting = performance.now();
          callbacks.fit();
          performance.measure('graph: fit before drawing', { start: fitting });
          later(() => this.populate(cy, first, callbacks.progress, () => callbacks.done(outcome, held, reply.type === 'error' ? reply.message : undefined)));
        });
      });
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

  cancel(): void {
    this.token += 1;
    this.pending.clear();
    this.population?.cancel();
    this.population = null;
  }
}
