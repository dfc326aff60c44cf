import { hanChar } from '../../common/script.js';
import type { SecretLabel } from '../languages/redaction-rules.js';
import type { CompiledRules } from './rules.js';
import { isCodeReference, isPasswordShaped, isPlaceholder, looksRandom, wordCoverage } from './shape.js';

/**
 * Reading the value after a label, and deciding whether it is one. Offsets are relative to the text given.
 */
export interface ValueSpan {
  /** Offset and length of the value itself (inside its quotes, if quoted). */
  start: number;
  end: number;
  value: string;
  quoted: boolean;
}

// A bare value runs to whitespace, Chinese punctuation or Han text (`密码：abc123，然后…`).
const bareValue = /^[^\s\p{Script=Han}，。；、：（）【】<]+/u;
// Python's f'…', b'…', r'…' are quoted strings too.
const quotedValue = /^[fbr]?(["'`])([^\n]*?)\1/;

/** The value at the start of `text`: a quoted string, or a bare run with trailing punctuation trimmed. */
export function readValue(text: string): ValueSpan | undefined {
  const quoted = quotedValue.exec(text);
  if (quoted) {
    const start = quoted[0].length - quoted[2]!.length - 1;
    return { start, end: start + quoted[2]!.length, value: quoted[2]!, quoted: true };
  }
  const bare = bareValue.exec(text);
  if (!bare) return undefined;
  // In a query string the value ends at the next parameter (`appid=wx…&mch_id=…`).
  let value = bare[0].replace(/&[\w.-]+=.*$/, '');
  // `pass,` `key;` and the closing quote of a shell argument (`-H "X-Auth-Token: {SHA1}ab…"`) end the value.
  while (/[,;"'`\]})>\\]$/.test(value) && !balanced(value)) value = value.slice(0, -1);
  value = value.replace(/[,;。]+$/, '');
  return value.length > 0 ? { start: 0, end: value.length, value, quoted: false } : undefined;
}

function balanced(value: string): boolean {
  const last = value[value.length - 1]!;
  if (last === '\\') return false;
  const open = ({ ']': '[', '}': '{', '>': '<', ')': '(' } as Record<string, string>)[last];
  if (open) return value.includes(open);
  return value.slice(0, -1).includes(last);
}

const callExpression = /^[\w$.]+\(/;

/**
 * Whether a value read after a label is a credential. Not: placeholders and variables, type and schema words
 * (`password: string`), another label (`'pwd' => 'pwd'`), Chinese prose, code (`md5(…)`), an English word that
 * begins a sentence (`token: a string that…`). A weak label (`key`) needs a random-looking value.
 */
export function isCredentialValue(value: string, label: SecretLabel, rules: CompiledRules, after: string): boolean {
  if (value.length < 2 || hanChar.test(value[0]!) || isPlaceholder(value) || callExpression.test(value) || isCodeReference(value)) return false;
  // A value has a letter or digit, and is not an address (`账户http://dnslog.pw/dns`).
  if (!/[\p{L}\p{N}]/u.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  const lower = value.toLowerCase();
  if (rules.notValues.has(lower) || rules.labels.whole.test(value) || rules.notSecret.has(value)) return false;
  if (label.weak) return looksRandom(value) || (value.length >= 12 && isPasswordShaped(value));
  // `smtp password`, `sentinel-password`, `tls-secret`: words about a credential, or the name of one.
  if (/\s/.test(value) && wordCoverage(value, rules.isWord) >= 0.5) return false;
  if (/^[a-z0-9]+(?:[_.-][a-z0-9]+)+$/.test(value) && value.split(/[_.-]/).some((part) => rules.labels.whole.test(part))) return false;
  if (/^[A-Za-z]+$/.test(value) && rules.isWord(lower) && /^[ \t]+[\p{L}]/u.test(after)) return false;
  return true;
}

/** After an authentication scheme (`Bearer`, `Basic`) the value is the next token. */
export function skipAuthScheme(value: ValueSpan, text: string, rules: CompiledRules): ValueSpan {
  if (value.quoted || !rules.authSchemes.has(value.value.toLowerCase())) return value;
  const next = /^[ \t]+/.exec(text.slice(value.end));
  if (!next) return value;
  const offset = value.end + next[0].length;
  const token = readValue(text.slice(offset));
  return token ? { ...token, start: token.start + offset, end: token.end + offset } : value;
}
