/**
 * The redaction part of a language pack: labels and layouts that mark credentials and personal identifiers in
 * one language. The redaction engine reads every pack and knows no language itself.
 * Owned by the redaction work (issue "Redaction 2"); grow it as the engine needs.
 */
export interface RedactionRules {
  /** Labels that introduce a secret value, e.g. `password`, `密码`, with the kind of what follows. */
  labels: readonly SecretLabel[];
}

export interface SecretLabel {
  /** Source text of a regular expression matching the label (no flags; the engine adds them). */
  pattern: string;
  kind: string;
}
