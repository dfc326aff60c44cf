/** What the expand and path tools need from the explorer: the view-model and ways to change what is shown. */
import type { GraphElements } from '../../common/contract.js';
import type { GraphViewModel } from './view-model/graph-view-model.js';

export interface GraphContext {
  readonly vm: GraphViewModel;
  /** Adds to the view (new nodes on rings around `anchor`); returns the ids actually added. */
  addToView(graph: GraphElements, anchor?: string): { nodeIds: string[]; edgeIds: string[] };
  removeFromView(ids: string[]): void;
  /** Brings these nodes on screen at a readable zoom. */
  reveal(ids: string[]): void;
  notify(message: string, kind?: 'info' | 'success' | 'error'): void;
  reportError(error: unknown, what: string): void;
}
