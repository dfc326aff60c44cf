import type { LanguagePack } from '../languages/language-pack.js';
import type { SecretLabel, ValuePattern } from '../languages/redaction-rules.js';
import type { RedactionKind } from './kinds.js';

/**
 * The redaction sections of every language pack, compiled once into the language-free shape the layers read.
 * Lists are merged; patterns become regular expressions; the word tests of all packs are asked in turn.
 */
export interface CompiledLabels {
  /** Alternation of every label, one capture group per label, longest first; global, case-insensitive. */
  pattern: RegExp;
  /** Same alternation anchored to a whole string: is this key part a label? */
  whole: RegExp;
  labels: readonly SecretLabel[];
  /** Each label anchored to a whole string, in the order of `labels`. */
  wholeEach: readonly RegExp[];
  /** A whole line holding a value and then one of these labels (`<value> [qualifier] <label>`): groups value, labels… */
  trailingLine: RegExp;
}

export interface CompiledPattern {
  pattern: RegExp;
  kind: RedactionKind;
}

export interface CompiledRules {
  labels: CompiledLabels;
  trailingLabels: CompiledLabels;
  /** Any password label somewhere in a line (a cheap test before the table layouts). */
  passwordLabel: RegExp;
  /** A whole table cell that is a user-name label. */
  userLabel: RegExp;
  /** A whole line `<user label>: <value>` (group 1: the value). */
  userLine: RegExp;
  accountNames: ReadonlySet<string>;
  notValues: ReadonlySet<string>;
  identifierKeys: ReadonlySet<string>;
  labelSuffixes: ReadonlySet<string>;
  authSchemes: ReadonlySet<string>;
  statements: readonly CompiledPattern[];
  hashCall: RegExp;
  /** The names of the hash calls, without the call shape (a cheap test first). */
  hashCallName: RegExp;
  chatHeaders: readonly RegExp[];
  identifiers: readonly CompiledPattern[];
  keptMailLocalParts: ReadonlySet<string>;
  keptMailDomains: ReadonlySet<string>;
  /** Values the user allow-listed (`notSecret` in notegraph-lexicon.yaml): never redacted, never propagated. */
  notSecret: ReadonlySet<string>;
  isWord(token: string): boolean;
}

const byLengthDesc = (a: SecretLabel, b: SecretLabel) => b.pattern.length - a.pattern.length;

function compileLabels(labels: SecretLabel[]): CompiledLabels {
  const sorted = [...labels].sort(byLengthDesc);
  // An alternation that can match nothing when a pack has no labels of this sort.
  const alternation = sorted.length > 0 ? sorted.map((label) => `(${label.pattern})`).join('|') : '(?!)';
  // Trailing labels: an ASCII value of 6+ characters, an optional short qualifier (`96` in `<uuid> 96密钥`).
  const trailingLine = new RegExp(String.raw`^[ \t]*([A-Za-z0-9][^\s\p{Script=Han}]{5,}?)(?:[ \t]+[A-Za-z0-9]{1,8})?([ \t]*)(?:${alternation})[ \t]*[:：]?[ \t]*$`, 'iu');
  return { pattern: new RegExp(alternation, 'giu'), whole: new RegExp(`^(?:${alternation})$`, 'iu'), labels: sorted, trailingLine, wholeEach: sorted.map((label) => new RegExp(`^(?:${label.pattern})$`, 'iu')) };
}

const compilePatterns = (patterns: readonly ValuePattern[]): CompiledPattern[] =>
  // `d`: the layers read the offsets of the `value` group from `match.indices`.
  patterns.map((rule) => ({ pattern: new RegExp(rule.pattern, `${(rule.flags ?? 'giu').replace('d', '')}d`), kind: rule.kind }));

const lowerSet = (values: Iterable<string>) => new Set([...values].map((value) => value.toLowerCase()));

const escapeLiteral = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileRules(packs: readonly LanguagePack[], notSecret: Iterable<string> = []): CompiledRules {
  const all = <T>(pick: (pack: LanguagePack) => readonly T[]): T[] => packs.flatMap((pack) => [...pick(pack)]);
  const hashCalls = all((pack) => pack.redaction.hashCalls).map(escapeLiteral);
  const userLabels = all((pack) => pack.redaction.userLabels).join('|') || '(?!)';
  return {
    labels: compileLabels(all((pack) => pack.redaction.labels)),
    trailingLabels: compileLabels(all((pack) => pack.redaction.trailingLabels)),
    userLabel: new RegExp(`^(?:${userLabels})$`, 'iu'),
    userLine: new RegExp(`^[ \\t]*(?:${userLabels})[ \\t]*[:：=][ \\t]*(\\S+)[ \\t]*$`, 'iu'),
    accountNames: lowerSet(all((pack) => pack.redaction.accountNames)),
    notValues: lowerSet(all((pack) => pack.redaction.notValues)),
    identifierKeys: lowerSet(all((pack) => pack.redaction.identifierKeys)),
    labelSuffixes: lowerSet(all((pack) => pack.redaction.labelSuffixes)),
    authSchemes: lowerSet(all((pack) => pack.redaction.authSchemes)),
    statements: compilePatterns(all((pack) => pack.redaction.statements)),
    passwordLabel: new RegExp(
      all((pack) => pack.redaction.labels)
        .filter((label) => label.kind === 'password')
        .map((label) => label.pattern)
        .join('|') || '(?!)',
      'iu',
    ),
    hashCallName: new RegExp(hashCalls.join('|') || '(?!)', 'i'),
    hashCall: new RegExp(`(?<![\\w$])(?:[\\w$]+\\.)*(?:${hashCalls.join('|') || '(?!)'})\\s*\\(`, 'giu'),
    chatHeaders: all((pack) => pack.redaction.chatHeaders).map((source) => new RegExp(`^[ \\t]*(?:${source})[ \\t]*$`, 'du')),
    identifiers: compilePatterns(all((pack) => pack.redaction.identifiers)),
    keptMailLocalParts: lowerSet(all((pack) => pack.redaction.keptMail.localParts)),
    keptMailDomains: lowerSet(all((pack) => pack.redaction.keptMail.domains)),
    notSecret: new Set(notSecret),
    isWord: (token) => packs.some((pack) => pack.redaction.isWord(token)),
  };
}
