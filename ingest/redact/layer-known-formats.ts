import type { RedactionKind } from './kinds.js';
import { findKnownTokens, kindOfRule } from './secretlint-rules.js';
import { isPlaceholderCredential } from './layer-statements.js';
import type { Finding, RedactionLayer, TextScan } from './types.js';

/**
 * Known token formats: secretlint's recommended rules, plus formats it does not cover that notes on storage
 * and cloud systems hold — Ceph keyring keys (`AQ…==`, 40 base64 characters), S3 access/secret key pairs (20
 * upper-case characters, then 40 base64 characters, labelled or not), JWTs and PEM private key blocks.
 */
interface TokenFormat {
  name: string;
  pattern: RegExp;
  kind: RedactionKind;
}

const tokenFormats: TokenFormat[] = [
  { name: 'ceph keyring key', pattern: /AQ(?<![A-Za-z0-9+/]AQ)[A-Za-z0-9+/]{36,38}==(?![A-Za-z0-9+/=])/g, kind: 'keyring-key' },
  // AWS access key ids (secretlint's own scan of them also scans for account ids, slowly and with false positives).
  { name: 'aws access key id', pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, kind: 'access-key' },
  { name: 'json web token', pattern: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, kind: 'token' },
  { name: 'private key block', pattern: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY\2-----/g, kind: 'private-key' },
];

// An S3 access key (20 upper-case letters and digits), then within a few characters a 40-character secret key.
const accessKeyRun = /(?<![A-Z0-9])[A-Z0-9]{20,}/g;
const secretKeyAfter = /[\s"',:=]{1,80}?(?:"?secret[_-]?key"?[\s:=]*"?)?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/y;

function s3KeyPairs(text: string): Finding[] {
  const found: Finding[] = [];
  for (const run of text.matchAll(accessKeyRun)) {
    const access = run[0];
    const start = run.index;
    if (access.length !== 20 || !/[0-9]/.test(access) || !/[A-Z]/.test(access) || /[A-Za-z0-9]/.test(text[start - 1] ?? '') || /[a-z]/.test(text[start + 20] ?? '')) continue;
    secretKeyAfter.lastIndex = start + 20;
    const secret = secretKeyAfter.exec(text);
    if (!secret) continue;
    const secretStart = secretKeyAfter.lastIndex - secret[1]!.length;
    found.push(
      { start, end: start + 20, kind: 'access-key', layer: 'known-format', value: access, spread: 'secret' },
      { start: secretStart, end: secretStart + 40, kind: 'secret-key', layer: 'known-format', value: secret[1]!, spread: 'secret' },
    );
  }
  return found;
}

function formatFindings(text: string): Finding[] {
  const found = s3KeyPairs(text);
  for (const format of tokenFormats) {
    for (const match of text.matchAll(format.pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length, kind: format.kind, layer: 'known-format', value: match[0], spread: 'secret' });
    }
  }
  return found;
}

/**
 * secretlint's ranges are not always the value: a URL rule reports the whole URL (we keep the host and
 * redact the user info), the AWS secret rule starts at the key name and may stop short of the value's end.
 */
function normalise(text: string, start: number, end: number): { start: number; end: number } {
  const reported = text.slice(start, end);
  const userInfo = /:\/\/([^@/\s]+)@/.exec(reported);
  if (userInfo) return { start: start + userInfo.index + 3, end: start + userInfo.index + 3 + userInfo[1]!.length };
  let to = end;
  while (to < text.length && /[^\s"'`,;]/.test(text[to]!)) to += 1;
  const assignment = /^.*?[:=][ \t]*["']?/.exec(text.slice(start, to));
  return { start: assignment && assignment[0].length < to - start ? start + assignment[0].length : start, end: to };
}

function secretlintFindings(scan: TextScan): Finding[] {
  const found: Finding[] = [];
  for (const match of findKnownTokens(scan.text)) {
    const span = normalise(scan.text, match.start, match.end);
    const value = scan.text.slice(span.start, span.end);
    // `mongodb+srv://<USER>:<PASSWORD>@host` in a how-to is a template, not a credential.
    if (!isPlaceholderCredential(value, scan)) found.push({ ...span, kind: kindOfRule(match.ruleId), layer: 'known-format', value, spread: 'secret' });
  }
  return found;
}

export const knownFormatLayer: RedactionLayer = {
  name: 'known-format',
  find(scan) {
    return [...formatFindings(scan.text), ...secretlintFindings(scan)];
  },
};
