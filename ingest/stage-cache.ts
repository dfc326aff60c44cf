/**
 * Results of the per-file and per-note stages of extraction, kept between the re-ingests of a running server so a
 * save re-does only the changed file's share of them (the corpus-wide stages — propagation of secrets, dedupe,
 * discovery's scoring, matching, co-occurrence, rank — still run over everything, as in a fresh ingest).
 *
 * Every table holds the result of a pure function under a key made of ALL of that function's inputs (the text,
 * and whatever else it reads), so a cached result is the one the function would compute: the graph is the one a
 * fresh ingest gives. Inputs that are the same for every run (language packs, built-in redaction layers) are not
 * in the keys; a stage given other ones (tests inject layers) does not use the cache. Cached values are shared
 * between runs and must not be mutated by later stages.
 *
 * Entries not used by a run are dropped when it ends, so the cache holds about one corpus' worth.
 */
export class StageTable<V> {
  private previous = new Map<string, V>();
  private current = new Map<string, V>();
  hits = 0;
  misses = 0;

  /** The value under `key`, computed (and kept) when this table does not hold it. */
  get(key: string, compute: () => V): V {
    let value = this.current.get(key);
    if (value !== undefined) return value;
    value = this.previous.get(key);
    if (value === undefined) {
      this.misses += 1;
      value = compute();
    } else this.hits += 1;
    this.current.set(key, value);
    return value;
  }

  /** Keeps what the run that ends used, forgets the rest. */
  endRun(): void {
    this.previous = this.current;
    this.current = new Map();
    this.hits = 0;
    this.misses = 0;
  }
}

export class StageCache {
  private readonly tables = new Map<string, StageTable<unknown>>();

  /** The table of one stage (created on first use). */
  table<V>(stage: string): StageTable<V> {
    let table = this.tables.get(stage);
    if (!table) this.tables.set(stage, (table = new StageTable<unknown>()));
    return table as StageTable<V>;
  }

  /** Hits and misses of the run so far, per stage (the refresh path's debug log prints them). */
  stats(): Record<string, { hits: number; misses: number }> {
    return Object.fromEntries([...this.tables].map(([stage, table]) => [stage, { hits: table.hits, misses: table.misses }]));
  }

  /** Called once a run is over (whether it succeeded or not). */
  endRun(): void {
    for (const table of this.tables.values()) table.endRun();
  }
}
