/**
 * Aho–Corasick over ASCII patterns with a dense transition table (one Int32Array row of 128 entries per
 * state), for propagation: every secret-like value found once, looked for in every file. The shared matcher
 * (ingest/aho-corasick.ts) folds case and keeps a Map per state; here matching is exact and a character costs
 * one array read, which makes the pass over a whole notes corpus ten times cheaper. A non-ASCII character can
 * be part of no pattern, so it sends the automaton back to the root.
 */
export interface AsciiHit {
  start: number;
  end: number;
  pattern: number;
}

const width = 128;

export class AsciiAutomaton {
  private readonly delta: Int32Array;
  /** Per state: the patterns that end there (its own and its failure chain's), or undefined. */
  private readonly outputs: (number[] | undefined)[];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((pattern) => pattern.length);
    const goto: Int32Array[] = [new Int32Array(width).fill(-1)];
    const outputs: (number[] | undefined)[] = [undefined];
    patterns.forEach((pattern, index) => {
      let state = 0;
      for (let at = 0; at < pattern.length; at += 1) {
        const code = pattern.charCodeAt(at);
        if (code >= width) return; // not an ASCII pattern: it can never match here
        if (goto[state]![code] === -1) {
          goto[state]![code] = goto.length;
          goto.push(new Int32Array(width).fill(-1));
          outputs.push(undefined);
        }
        state = goto[state]![code]!;
      }
      if (pattern.length > 0) outputs[state] = [...(outputs[state] ?? []), index];
    });
    this.outputs = outputs;
    this.delta = this.complete(goto, outputs);
  }

  /** Fills every missing transition with the one of the failure state, in breadth-first order. */
  private complete(goto: Int32Array[], outputs: (number[] | undefined)[]): Int32Array {
    const delta = new Int32Array(goto.length * width);
    const fail = new Int32Array(goto.length);
    const queue: number[] = [];
    for (let code = 0; code < width; code += 1) {
      const next = goto[0]![code]!;
      delta[code] = next === -1 ? 0 : next;
      if (next > 0) queue.push(next);
    }
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head]!;
      const inherited = outputs[fail[state]!];
      if (inherited) outputs[state] = [...(outputs[state] ?? []), ...inherited];
      for (let code = 0; code < width; code += 1) {
        const next = goto[state]![code]!;
        const fallback = delta[fail[state]! * width + code]!;
        if (next === -1) {
          delta[state * width + code] = fallback;
        } else {
          delta[state * width + code] = next;
          fail[next] = fallback;
          queue.push(next);
        }
      }
    }
    return delta;
  }

  /** Every occurrence of every pattern, overlapping ones included, in one pass. */
  findAll(text: string): AsciiHit[] {
    const hits: AsciiHit[] = [];
    const { delta, outputs, lengths } = this;
    let state = 0;
    for (let at = 0; at < text.length; at += 1) {
      const code = text.charCodeAt(at);
      state = code < width ? delta[state * width + code]! : 0;
      const ending = outputs[state];
      if (ending) for (const pattern of ending) hits.push({ start: at + 1 - lengths[pattern]!, end: at + 1, pattern });
    }
    return hits;
  }
}
