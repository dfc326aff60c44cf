import type { CompiledRules } from './rules.js';
import type { Finding, Line, RedactionLayer, TextScan } from './types.js';

/**
 * Personal identifiers: chat-transcript headers (the speaker's handle, their QQ/WeChat number), phone and
 * account numbers the packs describe, and e-mail addresses (except documentation placeholders and `git@`).
 */
// A handle is a name: it has a letter of some script and is not a log level, a key (`Date:`) or a number.
const plausibleHandle = (handle: string) => /\p{L}/u.test(handle) && !/[:=[\]{}<>/\\]|^\d/.test(handle) && handle.length <= 30;

function headerFindings(line: Line, rules: CompiledRules): Finding[] {
  // Every header shape ends with or contains a time of day.
  if (!/\d:\d\d/.test(line.text)) return [];
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

function keptMail(local: string, domain: string, rules: CompiledRules): boolean {
  const lowerDomain = domain.toLowerCase();
  if (local.toLowerCase() === 'git') return true;
  const exampleDomain = rules.keptMailDomains.has(lowerDomain) || [...rules.keptMailDomains].some((kept) => lowerDomain.endsWith(`.${kept}`));
  return exampleDomain && rules.keptMailLocalParts.has(local.toLowerCase());
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
    if (start === at || !domain) continue;
    if (keptMail(text.slice(start, at), domain[0], scan.rules)) continue;
    const end = at + 1 + domain[0].length;
    found.push({ start, end, kind: 'email', layer: 'personal', value: text.slice(start, end), spread: 'secret' });
    at = end - 1;
  }
  return found;
}

export const personalLayer: RedactionLayer = {
  name: 'personal',
  find(scan) {
    const headers = scan.lines.flatMap((line) => (line.text.trim() === '' ? [] : headerFindings(line, scan.rules)));
    return [...headers, ...identifierFindings(scan), ...mailFindings(scan)];
  },
};
