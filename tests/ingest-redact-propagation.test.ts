import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../ingest/aho-corasick.js';
import { AsciiAutomaton } from '../ingest/redact/ascii-automaton.js';
import { redactFiles } from '../ingest/redact/index.js';

const files = (...texts: string[]) => texts.map((text, index) => ({ path: `note-${index}.txt`, text }));
const redactedTexts = (...texts: string[]) => redactFiles(files(...texts)).files.map((file) => file.text);

describe('propagation: a value found once is redacted elsewhere only when it is secret-like', () => {
  it('redacts a password pasted again without its label', () => {
    const [text] = redactedTexts("passwd='639adf6e68b3089b'\n\nvnc:\n639adf6e68b3089b\n");
    expect(text).not.toContain('639adf6e68b3089b');
  });

  it('redacts it in other files too', () => {
    const [, other] = redactedTexts('openstack 密码：xikermktd', 'rabbitmqctl change_password guest xikermktd');
    expect(other).toBe('rabbitmqctl change_password guest [REDACTED:password]');
  });

  it('redacts a handle of a chat header where the chat mentions it', () => {
    const [text] = redactedTexts('南山有鹿-南京 2016/2/1 14:35:50\n基本上是这个原理\n南山有鹿说得对');
    expect(text).toBe('[REDACTED:person] 2016/2/1 14:35:50\n基本上是这个原理\n[REDACTED:person]说得对');
  });

  it('keeps postgres everywhere else when it was a password once', () => {
    const notes = Array.from({ length: 12 }, (_, index) => `Connect with psql -U postgres -d postgres and check table t${index}.`).join('\n');
    const [labelled, database] = redactedTexts('password: postgres', notes);
    expect(labelled).toBe('password: [REDACTED:password]');
    expect(database).toBe(notes);
  });

  it.each([
    ['a dictionary word', 'password: dragon', 'The dragon book covers parsing.'],
    ['a word in Chinese', '密码：admin123', '管理员 admin 登录后台'],
    ['a short value', 'pass: qwe', 'qwe is a keyboard row'],
    ['a value made of words', 'password: summerHoliday', 'summerHoliday is the name of the album'],
  ])('never propagates %s', (_case, labelled, elsewhere) => {
    const [, other] = redactedTexts(labelled, elsewhere);
    expect(other).toBe(elsewhere);
  });

  it('keeps integer, secret and password, which are never values', () => {
    const [text] = redactedTexts('password: integer\ntoken: secret\nsecret: password\nA JSONB integer column, a secret, a password.');
    expect(text).toBe('password: integer\ntoken: secret\nsecret: password\nA JSONB integer column, a secret, a password.');
  });

  it('handles thousands of found values in one linear pass (no regular expression is built from them)', () => {
    const secrets = Array.from({ length: 5000 }, (_, index) => `Zq${index.toString(36)}x9Lm${(index * 7919).toString(36)}`);
    const labelled = secrets.map((secret) => `password: ${secret}`).join('\n');
    const pasted = secrets.join(' | ');
    const [first, second] = redactedTexts(labelled, pasted);
    for (const secret of secrets.slice(0, 50)) {
      expect(first).not.toContain(secret);
      expect(second).not.toContain(secret);
    }
    expect(second!.match(/\[REDACTED:password\]/g)).toHaveLength(5000);
  });
});

describe('the dense ASCII automaton', () => {
  it('finds what the shared Aho-Corasick matcher finds, overlaps included, with exact case', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'Xk29', 'k29v', 'a', 'aa'];
    const text = 'ushers said his Xk29vQ and xk29 — aaa 密码 hers';
    const key = (hit: { start: number; end: number; pattern: number }) => `${hit.start}-${hit.end}-${hit.pattern}`;
    const exact = new AhoCorasick(patterns).findAll(text).filter((hit) => text.slice(hit.start, hit.end) === patterns[hit.pattern]);
    expect(new AsciiAutomaton(patterns).findAll(text).map(key).sort()).toEqual(exact.map(key).sort());
  });
});
