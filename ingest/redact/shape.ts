/**
 * The shape of a candidate value: character classes, Shannon entropy (as detect-secrets measures it), and the
 * formats that look random but are identifiers (UUIDs, hashes). Pure functions of a string; no language.
 */

/** Shannon entropy in bits per character over the characters that occur in `value`. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

export interface CharClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  /** Punctuation a password uses (`!@#$%^&*…`), not the joiners of identifiers and paths (`_ - . /`). */
  symbol: boolean;
}

export function charClasses(value: string): CharClasses {
  return {
    lower: /[a-z]/.test(value),
    upper: /[A-Z]/.test(value),
    digit: /[0-9]/.test(value),
    symbol: /[!@#$%^&*()+=~?<>{}|;,'"`！]/.test(value),
  };
}

export function classCount(value: string): number {
  return Object.values(charClasses(value)).filter(Boolean).length;
}

/**
 * Shaped like a password: only letters, digits and password punctuation (no `.` `_` `-` `/` brackets or quotes,
 * which make paths, identifiers and code), a digit, and 3+ character classes (`hrpbk5480R`, `dn334@#$trx`).
 */
export function isPasswordShaped(value: string): boolean {
  // Not `=`: `gpgcheck=1` and `HISTSIZE=4000` are settings.
  return /^[A-Za-z0-9!@#$%^&*+?~！]{6,64}$/.test(value) && /[0-9]/.test(value) && classCount(value) >= 3;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hexPattern = /^[0-9a-f]+$/i;
const base64Pattern = /^[A-Za-z0-9+/_-]+={0,2}$/;

export const isUuid = (value: string): boolean => uuidPattern.test(value);
export const isHex = (value: string): boolean => hexPattern.test(value);

// detect-secrets' defaults are 3.0 (hex) and 4.5 (base64) on quoted strings; the shorter values of notes
// (16-hex passwords, 20-40 character keys) need a lower base64 bar, so length carries more of the decision.
const hexEntropyLimit = 3.0;
const base64EntropyLimit = 3.7;

// snake_case, kebab-case and dotted names (`openstack_compute_api_v21`, `fc-rails-app-abcefg-123456`): joined
// lower-case parts, one of them a run of 3+ letters; and paths (`/aws/codebuild/…`).
const joinedName = /^(?=.*(?:^|[_.-])[a-z]{3,}(?:[_.-]|$))[a-z0-9]+(?:[_.-][a-z0-9]+)+$/;
const pathLike = /^\/|\/[A-Za-z]+[\w-]*\//;

/** A random-looking string: long hex or base64/base62 with high entropy. Digits-only strings are numbers. */
export function looksRandom(value: string): boolean {
  if (/^[0-9]+$/.test(value) || isUuid(value) || joinedName.test(value) || pathLike.test(value)) return false;
  if (isHex(value)) return value.length >= 16 && shannonEntropy(value) >= hexEntropyLimit;
  if (!base64Pattern.test(value) || value.length < 20 || decodesToText(value)) return false;
  const classes = charClasses(value);
  return classes.digit && (classes.lower || classes.upper) && shannonEntropy(value) >= base64EntropyLimit;
}

/** Lengths of the hashes commands and logs print (md5, sha1, sha256…): ids there, not secrets. */
export const hashLengths = new Set([32, 40, 56, 64, 96, 128]);

/** Alphabetic parts of an identifier-like token: `hrpbk5480R` → [hrpbk, R], `secretKey` → [secret, Key]. */
export function letterParts(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((part) => part.length > 0);
}

/** Template variables, placeholders and masks that stand for a value without being one. */
const placeholder = /^(?:\$|%\(|%[sd]$|\{\{|\$\{|\{[\w.]*\}$|<[^<>]*>|<[^>]*$|\[REDACTED|\*+$|[x×]{3,}$|\.{3}|…|\?+$|-+$)/i;

// `your_password`, `YourPASSWD`, `yourpassword`, `<YOUR-TOKEN>`, `LTAIUrZCw3********` (masked), `PRIVATE_KEY_FILE`.
const standIns = [
  /^(?:your|my|some|example|sample)[_-]/i,
  /^(?:[Yy]our|[Mm]y|[Ss]ome|[Ee]xample|[Ss]ample)[A-Z]/,
  /^(?:your|my)(?:pass(?:word|wd)?|pwd|token|key|secret|name)$/i,
];
const metavariable = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

export function isPlaceholder(value: string): boolean {
  return placeholder.test(value) || standIns.some((standIn) => standIn.test(value)) || /\*{3,}/.test(value) || metavariable.test(value);
}

/** Removes one pair of surrounding quotes. */
export function unquote(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'" || first === '`') && value.endsWith(first) && value.length >= 2) return value.slice(1, -1);
  return value;
}

/** String literals of a line of code, paired quote by quote (so `['a'].$x['b']` yields `a`, `b`, not `].$x[`). */
export function quotedLiterals(text: string): { start: number; value: string }[] {
  const literals: { start: number; value: string }[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const quote = text[at]!;
    if (quote !== '"' && quote !== "'") continue;
    const close = text.indexOf(quote, at + 1);
    if (close < 0) break;
    literals.push({ start: at + 1, value: text.slice(at + 1, close) });
    at = close;
  }
  return literals;
}

/** Share of a token's letters that belong to dictionary words of 3+ letters (`setArray2` → 1, `hrpbk5480R` → 0). */
export function wordCoverage(token: string, isWord: (word: string) => boolean): number {
  const parts = letterParts(token);
  const letters = parts.reduce((sum, part) => sum + part.length, 0);
  if (letters === 0) return 0;
  const inWords = parts.filter((part) => part.length >= 3 && isWord(part.toLowerCase())).reduce((sum, part) => sum + part.length, 0);
  return inWords / letters;
}

/** Base64 that decodes to readable text with spaces (`aGVyZSBpcyBh…` = "here is a…"): encoded prose, not a key. */
export function decodesToText(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length < 8) return false;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length === 0) return false;
  let printable = 0;
  for (const byte of bytes) if ((byte >= 32 && byte < 127) || byte === 10 || byte === 9) printable += 1;
  return printable / bytes.length > 0.95 && bytes.includes(32);
}

/** A reference in code rather than a value: `params[:password]`, `process.env.TOKEN`, `recieved.id`. */
export function isCodeReference(value: string): boolean {
  if (/^[A-Za-z_$][\w$]*\[.*\]$/.test(value)) return true;
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*\))?$/.test(value) && !/\d/.test(value);
}
