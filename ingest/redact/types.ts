import type { RedactionKind } from './kinds.js';
import type { CompiledRules } from './rules.js';

export type LayerName = 'known-format' | 'label' | 'entropy' | 'personal' | 'propagation';

/**
 * How a value found in one place may be looked for elsewhere: `secret` values are propagated when they look
 * like secrets, `person` values (handles, names) when they are not words, `number` values (QQ numbers) when
 * they are long enough. Values without a spread are redacted where found only.
 */
export type Spread = 'secret' | 'person' | 'number';

/** One span of a file's text to replace. `value` lives in memory only, for propagation; it is never printed. */
export interface Finding {
  start: number;
  end: number;
  kind: RedactionKind;
  layer: LayerName;
  value?: string;
  spread?: Spread;
}

export interface Line {
  /** 1-based line number in the file. */
  number: number;
  start: number;
  /** Offset of the line's end, before its line break. */
  end: number;
  text: string;
  /** The line's only token when it holds exactly one (no inner whitespace), else undefined. */
  lone?: string;
  /** The line has an ASCII letter or digit: a line without one holds no value a layer looks for. */
  ascii: boolean;
  /** Which characters the line has (`has` flags), found in one pass so layouts skip lines without a regex. */
  has: number;
  /** Number of whitespace-separated tokens. */
  tokens: number;
}

/** Bits of `Line.has`. */
export const has = {
  tab: 1,
  doubleSpace: 2,
  pipe: 4,
  star: 8,
  /** `=`, `:` or `：` */
  separator: 16,
  quote: 32,
  paren: 64,
  /** a digit, `:`, two digits: a time of day */
  time: 128,
  dash: 256,
} as const;

export interface Span {
  start: number;
  end: number;
}

/** What every layer gets: the text, its lines, spans no layer may touch (`data:` payloads), the compiled packs. */
export interface TextScan {
  text: string;
  lines: readonly Line[];
  protectedSpans: readonly Span[];
  rules: CompiledRules;
}

/** A detection layer: a pure function from a scanned text to findings. */
export interface RedactionLayer {
  name: LayerName;
  find(scan: TextScan): Finding[];
}

/** The empty result of a line without findings, shared so that scanning 10,000 quiet lines allocates nothing. */
export const noFindings: readonly Finding[] = Object.freeze([]);
