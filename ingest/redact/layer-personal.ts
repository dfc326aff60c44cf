import type { CompiledRules } from './rules.js';
import { has, type Finding, type Line, type RedactionLayer, type TextScan } from './types.js';

/**
 * Personal identifiers: chat-transcript headers (the speaker's handle, their QQ/WeChat number), phone and
 * account numbers the packs describe, and e-mail addresses (except documentation placeholders and `git@`).
 */
// A handle is a name: it has a letter of some script and is not a log level, a key (`Date:`) or a number.
const plausibleHandle = (handle: string) => /\p{L}/u.test(handle) && !/[:=[\]{}<>/\\]|^\d/.test(handle) && handle.length <= 30;

function headerFindings(line: Line, rules: CompiledRules): Finding[] {
  // Every header shape ends with or contains a time of day.
  if (!(line.has & has.time)) return [];
  for (const header of rules.chatHeaders) {
    const match = header.exec(line.text);
    const handle = match?.groups?.handle;
    const offsets = match?.indices?.groups;
    if (!handle || !offsets?.handle || !plausibleHandle(handle)) continue;
    const [handleStart, handleEnd] = offsets.handle;
    const found: Finding[] = [
      { start: line.start + handleStart, end: line.start + handleEnd, kind: 'person', layer: 'personal', value: handle.replace(/^\*+|\*+$/g, ''), spread: 'person' },
    ];
    const number = match.groups?.number;
    if (number && offsets.number) {
      found.push({ start: line.start + offsets.number[0], end: line.start + offsets.number[1], kind: 'account', layer: 'personal', value: number, spread: 'number' });
    }
    return found;
  }
  return [];
}

function identifierFindings(scan: TextScan): Finding[] {
  const found: Finding[] = [];
  for (const rule of scan.rules.identifiers) {
    for (const match of scan.text.matchAll(rule.pattern)) {
      const span = match.indices?.groups?.value;
      if (!span) continue;
      const value = match.groups!.value!;
      found.push({ start: span[0], end: span[1], kind: rule.kind, layer: 'personal', value, spread: /^\d+$/.test(value) ? 'number' : 'secret' });
    }
  }
  return found;
}

// `…@2x.png`, `mxcl.postgresql@11.plist`: file names, not addresses.
const fileExtension = /\.(?:png|jpe?g|gif|svg|webp|pdf|txt|md|json|ya?ml|xml|html?|m?js|tsx?|jsx|css|rb|sh|conf|cfg|log|zip|t?gz|tar|so|dll|exe|jar|war|lock|tmp|bak|swp|plist)$/i;
// `ssh dev@server.com`, `scp root@host:…`: a login on a host.
const remoteLogin = /\b(?:ssh|scp|sftp|rsync|mosh|telnet)\b[^\n]*$/;

/**
 * Addresses kept as written: SSH remotes and logins (`git@github.com`, `ssh root@host`), file names, stand-in
 * mailboxes on any domain (`email@mail.com`, `user@host`), and documentation examples — an example domain
 * (RFC 2606) with a local part that reads as a name (`liz.lemon@example.com`). An identifier-like local part
 * (`8826334419@example.com`, random letters) is treated as a real address even there.
 */
function keptMail(text: string, start: number, local: string, domain: string, rules: CompiledRules): boolean {
  const lowerLocal = local.toLowerCase();
  if (lowerLocal === 'git' || rules.accountNames.has(lowerLocal) || rules.keptMailLocalParts.has(lowerLocal) || fileExtension.test(domain)) return true;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  if (remoteLogin.test(text.slice(lineStart, start))) return true;
  const lowerDomain = domain.toLowerCase();
  const exampleDomain = rules.keptMailDomains.has(lowerDomain) || [...rules.keptMailDomains].some((kept) => lowerDomain.endsWith(`.${kept}`));
  return exampleDomain && !identifierLike(local);
}

/** A local part that identifies someone: a QQ-style number, initials, or random letters (`ubemmdsfp`). */
function identifierLike(local: string): boolean {
  const letters = local.replace(/[^A-Za-z]/g, '');
  return /\d{5,}/.test(local) || letters.length <= 2 || /[bcdfghjklmnpqrstvwxz]{4,}/i.test(letters);
}

const localPart = /[A-Za-z0-9._%+-]/;
const domainAt = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/y;

/** E-mail addresses, found from each `@` outwards (cheaper than a pattern tried at every offset). */
function mailFindings(scan: TextScan): Finding[] {
  const found: Finding[] = [];
  const text = scan.text;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && localPart.test(text[start - 1]!)) start -= 1;
    domainAt.lastIndex = at + 1;
    const domain = domainAt.exec(text);
    // `postgres://user:password@host`: the user info of a URL, which the URL rule redacts.
    if (start === at || !domain || /:\/\/[^\s/@]*$/.test(text.slice(Math.max(0, start - 200), start))) continue;
    if (keptMail(text, start, text.slice(start, at), domain[0], scan.rules)) continue;
    const end = at + 1 + domain[0].length;
    // No spread: this layer finds every address anyway.
    found.push({ start, end, kind: 'email', layer: 'personal', value: text.slice(start, end) });
    at = end - 1;
  }
  return found;
}

export const personalLayer: RedactionLayer = {
  name: 'personal',
  find(scan) {
    const headers = scan.lines.flatMap((line) => (line.ascii ? headerFindings(line, scan.rules) : []));
    return [...headers, ...identifierFindings(scan), ...mailFindings(scan)];
  },
};
