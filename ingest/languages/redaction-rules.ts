import type { RedactionKind } from '../redact/kinds.js';

/**
 * The redaction part of a language pack: labels and layouts that mark credentials and personal identifiers in
 * one language. The redaction engine (ingest/redact/) reads every pack and knows no language itself; patterns
 * are regular-expression source text without flags (the engine compiles them with `iu` unless noted).
 * Owned by the redaction work (issue "Redaction 2"); grow it as the engine needs.
 */
export interface RedactionRules {
  /**
   * Words naming a credential, with the kind of the value they introduce. Latin labels are matched as whole
   * parts of a key (`db_password`, `X-Auth-Token`, `$cfg['passwd']`), Han labels anywhere (`数据库密码`).
   * The engine finds their value in every layout: same line (`:`, `=`, `：`, `是`, tabs, table cells, glued to
   * a Han label), the next line, the following indented lines, a header row of a table.
   */
  labels: readonly SecretLabel[];
  /** Labels written after their value on the same line: `<uuid> 96密钥`, `CA6575…优惠券`. */
  trailingLabels: readonly SecretLabel[];
  /** Labels of a user name (`用户名`, `username`): a lone line after such a line is a password candidate. */
  userLabels: readonly string[];
  /** Account names that stand alone on a line before a pasted password (`root`, `admin`). Lower case. */
  accountNames: readonly string[];
  /** What follows a label without being a value: type names and schema words (`string`, `required`). Lower case. */
  notValues: readonly string[];
  /** Key parts that name an identifier, not a credential (`id`, `uuid`, `sha`): their values are never entropy findings. */
  identifierKeys: readonly string[];
  /** Key parts after a label that make the key name something else (`secretName`, `token_type`). Lower case. */
  labelSuffixes: readonly string[];
  /** Authentication schemes written before a token (`Bearer abc…`). Lower case. */
  authSchemes: readonly string[];
  /** Statements and command options that carry a secret; the pattern has a `value` group. */
  statements: readonly ValuePattern[];
  /** Functions whose string literal arguments are secrets (a salt in `md5(… + 'salt')`). Lower case. */
  hashCalls: readonly string[];
  /**
   * Chat-transcript header lines (compiled with `u`, anchored by the engine to a whole line): a `handle` group
   * (the speaker, redacted as a person) and optionally a `number` group (QQ/WeChat number, redacted as an account).
   */
  chatHeaders: readonly string[];
  /** Personal identifiers in running text (phone numbers, numbers before a QQ label); pattern with a `value` group. */
  identifiers: readonly ValuePattern[];
  /** E-mail addresses kept as written: documentation placeholders on example domains, SSH remotes (`git@`). */
  keptMail: { localParts: readonly string[]; domains: readonly string[] };
  /** True for a word of this language: a word is never propagated as a secret. */
  isWord(token: string): boolean;
}

export interface SecretLabel {
  pattern: string;
  kind: RedactionKind;
  /** A label that also names non-secrets (`key`, `app id`): its value must look random to count. */
  weak?: boolean;
}

export interface ValuePattern {
  pattern: string;
  kind: RedactionKind;
  /** Regular-expression flags; `giu` when omitted (`gu` for patterns where case matters, like `-p` vs `-P`). */
  flags?: string;
}
