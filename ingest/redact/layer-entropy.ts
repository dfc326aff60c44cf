import { hanChar } from '../../common/script.js';
import type { CompiledRules } from './rules.js';
import { classCount, decodesToText, isHex, isPasswordShaped, isPlaceholder, isUuid, letterParts, looksRandom, quotedLiterals, wordCoverage } from './shape.js';
import { has, noFindings, type Finding, type Line, type RedactionLayer, type TextScan } from './types.js';

/**
 * Unlabelled secrets, found by shape (character classes, Shannon entropy) but only where a secret sits in
 * notes: a token alone on its line, the value of a short `key<sep>value` line (`2====5ab3…`), a quoted value
 * assigned to a key, a string literal inside a hash call (`md5(… + 'salt')`). Ids stay: UUIDs, values of id-like
 * keys (`hostId`, `_id`, `sha`), hashes as commands and logs print them, git SHAs, `data:` payloads (protected).
 */
const shortKeyValue = /^[ \t]*([^\s=:：]{1,24}?)[ \t]*(?:={1,}|-{2,}>?|=>|:|：)[ \t]*(\S{12,})[ \t]*$/;
const quotedAssignment = /([\w$.\-[\]'"]{1,60}?)["'\]]*[ \t]*(?:=>|:|=)[ \t]*(["'])([A-Za-z0-9+/=_.-]{16,})\2/g;

function keyIsIdentifier(key: string, rules: CompiledRules): boolean {
  const parts = letterParts(key).map((part) => part.toLowerCase());
  return parts.some((part) => rules.identifierKeys.has(part)) || [...rules.identifierKeys].some((word) => hanChar.test(word) && key.includes(word));
}

/** Mostly made of words (`setArray2`, `getUserName`): an identifier, however mixed its characters. */
const isMadeOfWords = (token: string, rules: CompiledRules): boolean => wordCoverage(token, rules.isWord) >= 0.5;

/** A lone token that is a password or key: random-looking, or password-shaped and not made of words. */
export function isLoneSecret(token: string, rules: CompiledRules): boolean {
  if (token.length < 8 || token.length > 200 || !/^[\x21-\x7e]+$/.test(token)) return false;
  if (isUuid(token) || isPlaceholder(token) || rules.notSecret.has(token)) return false;
  // md5, sha1 (git) and sha256 digests as tools print them; and base64 of readable text (`base64` output).
  if (isHex(token) && (token.length === 32 || token.length === 40 || token.length === 64)) return false;
  if (decodesToText(token)) return false;
  if (isPasswordShaped(token) && !/^[@#$]/.test(token) && !/@[\w-]+\.[a-z]/i.test(token)) return !isMadeOfWords(token, rules);
  if (!looksRandom(token) || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(token)) return false;
  return token.length >= 32 || !isMadeOfWords(token, rules);
}

function finding(line: Line, start: number, value: string): Finding {
  return { start: line.start + start, end: line.start + start + value.length, kind: 'secret-key', layer: 'entropy', value, spread: 'secret' };
}

function lineFindings(line: Line, rules: CompiledRules): readonly Finding[] {
  // Short lines only: a key of up to 24 characters, a separator, a value of 12+ (or a lone token).
  const keyValueShape = line.tokens <= 3 && line.text.length >= 13 && line.text.length <= 300 && (line.has & (has.separator | has.dash)) !== 0;
  const pair = keyValueShape ? shortKeyValue.exec(line.text) : null;
  const lone = pair ? undefined : line.lone;
  if (lone) return isLoneSecret(lone, rules) ? [finding(line, line.text.indexOf(lone), lone)] : noFindings;
  if (pair && !keyIsIdentifier(pair[1]!, rules) && looksRandom(pair[2]!) && !isMadeOfWords(pair[2]!, rules)) {
    return [finding(line, line.text.lastIndexOf(pair[2]!), pair[2]!)];
  }
  // Cheap tests first: quotes and a separator, then a quoted run of 16+ value characters.
  if ((line.has & (has.quote | has.separator)) !== (has.quote | has.separator) || !/["'][A-Za-z0-9+/=_.-]{16,}["']/.test(line.text)) return noFindings;
  const found: Finding[] = [];
  for (const match of line.text.matchAll(quotedAssignment)) {
    const value = match[3]!;
    if (keyIsIdentifier(match[1]!, rules) || !looksRandom(value) || isMadeOfWords(value, rules) && value.length < 32) continue;
    found.push(finding(line, match.index + match[0].length - 1 - value.length, value));
  }
  return found;
}

/** String literals inside the parentheses of a hash call on the same line: a salt or key. */
function hashCallLiterals(line: Line, rules: CompiledRules): readonly Finding[] {
  if (!(line.has & has.paren) || !(line.has & has.quote) || !rules.hashCallName.test(line.text)) return noFindings;
  const found: Finding[] = [];
  for (const call of line.text.matchAll(rules.hashCall)) {
    const open = call.index + call[0].length;
    let depth = 1;
    let close = open;
    while (close < line.text.length && depth > 0) {
      const char = line.text[close];
      if (char === '(') depth += 1;
      else if (char === ')') depth -= 1;
      close += 1;
    }
    const args = line.text.slice(open, close - 1);
    for (const literal of quotedLiterals(args)) {
      const value = literal.value;
      // The only argument is the data being hashed (`md5("text")`); a literal joined to others is a salt or key.
      if (args.trim().length === value.length + 2) continue;
      if (value.length < 6 || isPlaceholder(value) || rules.isWord(value) || rules.notSecret.has(value) || /\s/.test(value)) continue;
      if ((/\d/.test(value) && classCount(value) >= 2) || looksRandom(value)) found.push(finding(line, open + literal.start, value));
    }
  }
  return found;
}

export const entropyLayer: RedactionLayer = {
  name: 'entropy',
  find(scan: TextScan) {
    const found: Finding[] = [];
    for (const line of scan.lines) {
      if (line.text.length < 8 || !line.ascii) continue;
      for (const item of lineFindings(line, scan.rules)) found.push(item);
      for (const item of hashCallLiterals(line, scan.rules)) found.push(item);
    }
    return found;
  },
};
