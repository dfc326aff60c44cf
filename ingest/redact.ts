/**
 * Redaction: secrets are replaced by `[REDACTED:kind]` before a note is stored, logged or written as JSON.
 * Rules are plain regular expressions applied in a fixed order; each counts what it replaced by kind.
 * Word boundaries are ASCII-aware lookarounds: `\b` treats Chinese characters as non-word characters too,
 * but we also need `密码` directly followed by a value to count, so the rules spell out their boundaries.
 */
export type RedactionKind =
  | 'password'
  | 'token'
  | 'secret-key'
  | 'access-key'
  | 'keyring-key'
  | 'private-key'
  | 'url-credentials'
  | 'email'
  | 'account';

export interface RedactionResult {
  text: string;
  counts: Partial<Record<RedactionKind, number>>;
  /** The secret values found next to labels, by kind: the same value elsewhere is redacted by `redactKnownSecrets`. */
  secrets: Map<string, RedactionKind>;
}

export const redactedMark = (kind: RedactionKind): string => `[REDACTED:${kind}]`;

/** Counts one replacement and returns its mark; `value` (the secret itself) is remembered for the reuse pass. */
type Counter = (kind: RedactionKind, value?: string) => string;

// A value we never treat as a secret: shell/template variables, placeholders, already-redacted text.
const placeholderValue = /^(?:\$|%\(|\{\{|<|\[REDACTED|\*{3,}|x{3,}$|\.\.\.)/i;

function isSecretValue(value: string): boolean {
  const bare = value.replace(/^["']|["']$/g, '');
  return bare.length > 0 && !placeholderValue.test(bare) && !/^[\u3400-\u9fff]/.test(bare);
}

const englishLabels = String.raw`(?:[A-Za-z]+_)?(?:password|passwd|passwort|pwd|pass|token|secret|secret_key|secretkey|access_key|accesskey|api_?key|auth_?key|private_key|access_token)`;
const labelBoundaryBefore = String.raw`(?<![A-Za-z0-9_.]|REDACTED:)`;

function kindOfLabel(label: string): RedactionKind {
  const lower = label.toLowerCase();
  if (/access_?key/.test(lower)) return 'access-key';
  if (/token/.test(lower)) return 'token';
  if (/secret|api_?key|auth_?key|private_key|密钥/.test(lower)) return 'secret-key';
  return 'password';
}

interface Rule {
  name: string;
  apply(text: string, count: Counter): string;
}

const rules: Rule[] = [
  {
    name: 'private key block',
    apply: (text, count) =>
      // Line breaks are kept so line numbers of the rest of the file stay true.
      text.replace(/-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g, (block) =>
        `${count('private-key')}${'\n'.repeat(block.split('\n').length - 1)}`,
      ),
  },
  {
    name: 'credentials inside a URL (user:pass@host)',
    apply: (text, count) =>
      text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s:/@'"]+:[^\s/@'"]+@/gi, (_match, scheme: string) => `${scheme}${count('url-credentials')}@`),
  },
  {
    name: 'base64 keyring key (key = AQ…==)',
    apply: (text, count) =>
      text.replace(/^([ \t]*key[ \t]*=[ \t]*)[A-Za-z0-9+/]{16,}={0,2}[ \t]*$/gm, (_match, lead: string) => `${lead}${count('keyring-key')}`),
  },
  {
    name: 'SQL IDENTIFIED BY',
    apply: (text, count) =>
      text.replace(/(IDENTIFIED\s+BY\s+)('[^'\n]*'|"[^"\n]*"|[^\s;]+)/gi, (_match, lead: string) => `${lead}${count('password')}`),
  },
  {
    name: 'SQL AES_ENCRYPT literals',
    apply: (text, count) =>
      text.replace(/(AES_(?:EN|DE)CRYPT\(\s*)'[^'\n]*'(\s*,\s*)'[^'\n]*'/gi, (_match, lead: string, comma: string) => `${lead}${count('password')}${comma}${count('secret-key')}`),
  },
  {
    name: 'credential query parameters',
    apply: (text, count) =>
      text.replace(/([?&](?:key|token|access_token|secret|password|passwd|pwd|sign|mch_id)=)([^&\s#'"]+)/gi, (match, lead: string, value: string) => {
        if (!isSecretValue(value)) return match;
        const name = lead.slice(1, -1).toLowerCase();
        return `${lead}${count(name === 'mch_id' ? 'account' : name.startsWith('p') ? 'password' : 'token')}`;
      }),
  },
  {
    name: 'English credential label followed by : or = and a value',
    apply: (text, count) =>
      text.replace(
        new RegExp(String.raw`${labelBoundaryBefore}(${englishLabels})(?![A-Za-z0-9_])(["'\]]*\s*(?:=>|[:=：])[ \t]*)("[^"\n]*"|'[^'\n]*'|[^\s,;]+)([ \t]*,?[ \t]*\/\/.*)?`, 'gi'),
        (match, label: string, separator: string, value: string, comment: string | undefined) => {
          if (!isSecretValue(value)) return match;
          const kind = kindOfLabel(label);
          // A commented-out line tail after the value usually holds the previous passwords.
          return `${label}${separator}${count(kind, value)}${comment ? `,//${count(kind)}` : ''}`;
        },
      ),
  },
  {
    name: 'English credential label followed by a quoted value',
    apply: (text, count) =>
      text.replace(
        new RegExp(String.raw`${labelBoundaryBefore}(password|passwd|token|secret)([ \t]+)("[^"\n]+"|'[^'\n]+')`, 'gi'),
        (match, label: string, space: string, value: string) => (isSecretValue(value) ? `${label}${space}${count(kindOfLabel(label), value)}` : match),
      ),
  },
  {
    name: 'Chinese credential label followed by a value',
    apply: (text, count) =>
      text.replace(
        /(密码|密碼|口令|密钥|密鑰)([ \t]*(?:[:：=]|是)?[ \t]*)([A-Za-z0-9!#$%^&*@.~_\-][^\s\u3400-\u9fff，。；、]{2,})/g,
        (match, label: string, separator: string, value: string) => (isSecretValue(value) ? `${label}${separator}${count(kindOfLabel(label), value)}` : match),
      ),
  },
  {
    name: 'account number or handle after an account label',
    apply: (text, count) =>
      text.replace(
        /(账号|帳號|帐号|账户|帐户|商户号|QQ号?)([ \t]*[:：=]?[ \t]*)([A-Za-z0-9][^\s\u3400-\u9fff，。；、]{2,})/g,
        (match, label: string, separator: string, value: string) => (isSecretValue(value) ? `${label}${separator}${count('account', value)}` : match),
      ),
  },
  {
    name: 'QQ number before a QQ label',
    apply: (text, count) => text.replace(/(?<![0-9])\d{5,12}(?=[ \t]*(?:企业)?QQ)/g, () => count('account')),
  },
  {
    name: 'value on the line after a lone credential label',
    apply: (text, count) =>
      text.replace(
        new RegExp(String.raw`^([ \t]*(?:${englishLabels}|密码|口令|密钥)[ \t]*[:：=]?[ \t]*\n(?:[ \t]*\n)*[ \t]*)([^\s\u3400-\u9fff]{3,64})[ \t]*$`, 'gmi'),
        (match, lead: string, value: string) => (isSecretValue(value) ? `${lead}${count('password', value)}` : match),
      ),
  },
  {
    name: 'secret column of a chap-secrets table (user * secret ip)',
    apply: (text, count) =>
      text.replace(/^([ \t]*[\w.-]+[ \t]+\*[ \t]+)(\S{6,})([ \t]+(?:[\d.]+|\*)[ \t]*)$/gm, (_match, lead: string, value: string, tail: string) =>
        `${lead}${count('password', value)}${tail}`,
      ),
  },
  {
    name: 'e-mail address',
    apply: (text, count) =>
      text.replace(/(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g, (match, local: string) =>
        local.toLowerCase() === 'git' ? match : count('email'),
      ),
  },
];

/** Replaces every secret the rules know in `text` and counts the replacements by kind. */
export function redact(text: string): RedactionResult {
  const counts: Partial<Record<RedactionKind, number>> = {};
  const secrets = new Map<string, RedactionKind>();
  const count: Counter = (kind, value) => {
    counts[kind] = (counts[kind] ?? 0) + 1;
    const bare = value?.replace(/^["']|["']$/g, '');
    if (bare && bare.length >= minReusedSecretLength) secrets.set(bare, kind);
    return redactedMark(kind);
  };
  let result = text;
  for (const rule of rules) result = rule.apply(result, count);
  return { text: result, counts, secrets };
}

// Shorter values ("admin", "pwd") are too common to hunt for elsewhere.
const minReusedSecretLength = 6;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Second pass: a secret found next to a label is often pasted again without one (a password alone on a line);
 * every other occurrence of a known value is redacted too.
 */
export function redactKnownSecrets(text: string, secrets: Map<string, RedactionKind>): RedactionResult {
  const counts: Partial<Record<RedactionKind, number>> = {};
  if (secrets.size === 0) return { text, counts, secrets };
  const values = [...secrets.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${values.join('|')})(?![A-Za-z0-9])`, 'g');
  const result = text.replace(pattern, (value) => {
    const kind = secrets.get(value) ?? 'password';
    counts[kind] = (counts[kind] ?? 0) + 1;
    return redactedMark(kind);
  });
  return { text: result, counts, secrets };
}

export function addCounts(total: Record<string, number>, more: Partial<Record<string, number>>): void {
  for (const [kind, value] of Object.entries(more)) total[kind] = (total[kind] ?? 0) + (value ?? 0);
}
