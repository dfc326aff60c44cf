import type { RedactionKind } from './kinds.js';
import { findKnownTokens, kindOfRule } from './secretlint-rules.js';
import type { Finding, RedactionLayer } from './types.js';

/**
 * Known token formats: secretlint's recommended rules, plus formats it does not cover that notes on storage
 * and cloud systems hold — Ceph keyring keys (`AQ…==`, 40 base64 characters), S3 access/secret key pairs (20
 * upper-case characters, then 40 base64 characters, labelled or not), JWTs and PEM private key blocks.
 */
interface TokenFormat {
  name: string;
  pattern: RegExp;
  kind: RedactionKind;
  /** Named groups to redact; the whole match when omitted. */
  groups?: { name: string; kind: RedactionKind }[];
}

const tokenFormats: TokenFormat[] = [
  { name: 'ceph keyring key', pattern: /(?<![A-Za-z0-9+/])AQ[A-Za-z0-9+/]{36,38}==(?![A-Za-z0-9+/=])/g, kind: 'keyring-key' },
  {
    name: 's3 key pair',
    pattern: /(?<![A-Za-z0-9])(?<access>(?=[A-Z0-9]*[0-9])(?=[A-Z0-9]*[A-Z])[A-Z0-9]{20})(?![A-Za-z0-9])[\s"',:=]{1,80}?(?:"?secret[_-]?key"?[\s:=]*"?)?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dg,
    kind: 'access-key',
    groups: [
      { name: 'access', kind: 'access-key' },
      { name: 'secret', kind: 'secret-key' },
    ],
  },
  { name: 'json web token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, kind: 'token' },
  { name: 'private key block', pattern: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END \1PRIVATE KEY\2-----/g, kind: 'private-key' },
];

function formatFindings(text: string): Finding[] {
  const found: Finding[] = [];
  for (const format of tokenFormats) {
    for (const match of text.matchAll(format.pattern)) {
      if (!format.groups) {
        found.push({ start: match.index, end: match.index + match[0].length, kind: format.kind, layer: 'known-format', value: match[0], spread: 'secret' });
        continue;
      }
      for (const group of format.groups) {
        const span = match.indices?.groups?.[group.name];
        if (span) found.push({ start: span[0], end: span[1], kind: group.kind, layer: 'known-format', value: text.slice(span[0], span[1]), spread: 'secret' });
      }
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

function secretlintFindings(text: string): Finding[] {
  return findKnownTokens(text).map((match) => {
    const span = normalise(text, match.start, match.end);
    return { ...span, kind: kindOfRule(match.ruleId), layer: 'known-format', value: text.slice(span.start, span.end), spread: 'secret' };
  });
}

export const knownFormatLayer: RedactionLayer = {
  name: 'known-format',
  find(scan) {
    return [...formatFindings(scan.text), ...secretlintFindings(scan.text)];
  },
};
