/**
 * What redaction replaces, by kind. A kind is all a person (or a log line) ever learns about a redacted value:
 * the mark in the stored text is `[REDACTED:kind]`, the audit adds file, line and length.
 */
export const redactionKinds = [
  'password',
  'token',
  'secret-key',
  'access-key',
  'keyring-key',
  'private-key',
  'url-credentials',
  'username',
  'account',
  'person',
  'email',
  'phone',
  'coupon',
] as const;

export type RedactionKind = (typeof redactionKinds)[number];

export const redactedMark = (kind: RedactionKind): string => `[REDACTED:${kind}]`;

/** Matches a mark in redacted text (other stages skip marks, e.g. concept discovery). */
export const redactedMarkPattern = /\[REDACTED:[a-z-]+\]/g;
