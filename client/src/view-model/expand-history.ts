/**
 * What each expand added, so undo and collapse remove exactly that and nothing the user had before.
 */
export interface ExpandEntry {
  center: string;
  nodeIds: string[];
  edgeIds: string[];
  /** The API capped the neighbourhood: more neighbours exist than were added. */
  capped: boolean;
  total: number;
  /** When it was added (performance.now()): Undo takes back the latest of an expand and a correction. */
  at?: number;
}

export class ExpandHistory {
  private entries: ExpandEntry[] = [];

  get size(): number {
    return this.entries.length;
  }

  push(entry: ExpandEntry): void {
    this.entries.push({ at: performance.now(), ...entry });
  }

  /** When the expand Undo would take back was made, or null when there is none. */
  latestAt(): number | null {
    const latest = this.entries.at(-1);
    return latest ? (latest.at ?? 0) : null;
  }

  /** Removes and returns the latest expand (undo). */
  undo(): ExpandEntry | undefined {
    return this.entries.pop();
  }

  /** Removes and returns the latest expand of `center` (collapse), wherever it is in the history. */
  collapse(center: string): ExpandEntry | undefined {
    const index = this.entries.map((entry) => entry.center).lastIndexOf(center);
    if (index < 0) return undefined;
    const [entry] = this.entries.splice(index, 1);
    return entry;
  }

  isExpanded(center: string): boolean {
    return this.entries.some((entry) => entry.center === center);
  }

  clear(): void {
    this.entries = [];
  }
}
