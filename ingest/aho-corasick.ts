/**
 * Aho–Corasick multi-pattern matcher: finds every occurrence of every pattern in one pass over the text, in
 * time linear in the text plus the matches. ASCII letters are folded to lower case on the fly, so offsets in
 * the result are offsets in the original text (String#toLowerCase may change the length of non-ASCII text).
 * Transitions on ASCII characters are a dense table with failure links resolved in advance (one array read per
 * character); other characters (Han) use a map per state and follow failure links.
 */
export interface PatternHit {
  start: number;
  end: number;
  pattern: number;
}

const foldAscii = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);
const asciiWidth = 128;

export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly outputs: number[][] = [[]];
  private readonly lengths: number[];
  /** state * 128 + code → next state, failure links included. */
  private ascii = new Int32Array(0);

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((pattern) => pattern.length);
    patterns.forEach((pattern, index) => this.insert(pattern, index));
    this.link();
  }

  private insert(pattern: string, index: number): void {
    let state = 0;
    for (let i = 0; i < pattern.length; i += 1) {
      const code = foldAscii(pattern.charCodeAt(i));
      let target = this.next[state]!.get(code);
      if (target === undefined) {
        target = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.outputs.push([]);
        this.next[state]!.set(code, target);
      }
      state = target;
    }
    if (pattern.length > 0) this.outputs[state]!.push(index);
  }

  private link(): void {
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head]!;
      for (const [code, child] of this.next[state]!) {
        let fallback = this.fail[state]!;
        while (fallback !== 0 && !this.next[fallback]!.has(code)) fallback = this.fail[fallback]!;
        const target = this.next[fallback]!.get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.outputs[child]!.push(...this.outputs[this.fail[child]!]!);
        queue.push(child);
      }
    }
    // Breadth-first order guarantees a state's failure state is complete before the state itself.
    // A state's row is its failure state's row with its own children written over it.
    this.ascii = new Int32Array(this.next.length * asciiWidth);
    for (const state of [0, ...queue]) {
      const row = state * asciiWidth;
      if (state !== 0) this.ascii.copyWithin(row, this.fail[state]! * asciiWidth, this.fail[state]! * asciiWidth + asciiWidth);
      for (const [code, child] of this.next[state]!) if (code < asciiWidth) this.ascii[row + code] = child;
    }
  }

  private step(state: number, code: number): number {
    if (code < asciiWidth) return this.ascii[state * asciiWidth + code]!;
    let current = state;
    while (current !== 0 && !this.next[current]!.has(code)) current = this.fail[current]!;
    return this.next[current]!.get(code) ?? 0;
  }

  /** Every occurrence of every pattern, overlapping ones included. */
  findAll(text: string): PatternHit[] {
    const hits: PatternHit[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      state = this.step(state, foldAscii(text.charCodeAt(i)));
      const outputs = this.outputs[state]!;
      for (let k = 0; k < outputs.length; k += 1) {
        const pattern = outputs[k]!;
        hits.push({ start: i + 1 - this.lengths[pattern]!, end: i + 1, pattern });
      }
    }
    return hits;
  }
}

/** Keeps the leftmost, then longest, of overlapping hits (hits must already be acceptable matches). */
export function leftmostLongest(hits: PatternHit[]): PatternHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PatternHit[] = [];
  let reached = 0;
  for (const hit of sorted) {
    if (hit.start < reached) continue;
    kept.push(hit);
    reached = hit.end;
  }
  return kept;
}
