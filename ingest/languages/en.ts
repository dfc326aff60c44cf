import type { ExtractionRules } from './extraction-rules.js';
import type { LanguagePack } from './language-pack.js';
import { isEnglishWord } from './en-words.js';
import type { RedactionRules } from './redaction-rules.js';

// ---------------------------------------------------------------------------------------------------------------
// Extraction (concept discovery, relations)
// ---------------------------------------------------------------------------------------------------------------

const extraction: ExtractionRules = {
  stopwords: [],
  relationCues: [],
};

// ---------------------------------------------------------------------------------------------------------------
// Redaction (credential labels and layouts, personal identifiers)
// ---------------------------------------------------------------------------------------------------------------

const redaction: RedactionRules = {
  labels: [
    { pattern: String.raw`pass(?:word|wd|wort|phrase|code)?|pwd`, kind: 'password' },
    { pattern: String.raw`secret[_-]?access[_-]?key`, kind: 'secret-key' },
    { pattern: String.raw`access[_-]?key(?:[_-]?id)?`, kind: 'access-key' },
    { pattern: String.raw`(?:client|app|api|consumer)[_-]?secret|secret(?:[_-]?key)?`, kind: 'secret-key' },
    { pattern: String.raw`api[_-]?key|apikey|auth[_-]?key|app[_-]?key|license[_-]?key`, kind: 'secret-key' },
    { pattern: String.raw`private[_-]?key`, kind: 'private-key' },
    { pattern: String.raw`token|authorization`, kind: 'token' },
    { pattern: String.raw`(?:mch|merchant)[_-]?id`, kind: 'account' },
    // Words that also name ordinary things: only a random-looking value counts.
    { pattern: String.raw`key|salt|sign(?:ature)?`, kind: 'secret-key', weak: true },
    { pattern: String.raw`app[_-]?id`, kind: 'account', weak: true },
  ],
  trailingLabels: [
    { pattern: String.raw`password|passwd`, kind: 'password' },
    { pattern: String.raw`(?:coupon|promo|voucher)(?: code)?`, kind: 'coupon' },
    { pattern: String.raw`(?:license|activation|serial) (?:key|code)`, kind: 'secret-key' },
  ],
  userLabels: [String.raw`user(?:[ _-]?name)?|login|account`],
  accountNames: ['root', 'admin', 'administrator', 'sa', 'ubuntu', 'centos', 'ec2-user', 'guest', 'test', 'user', 'oracle', 'postgres', 'mysql', 'pi', 'git'],
  notValues: [
    'string', 'str', 'text', 'varchar', 'char', 'int', 'integer', 'bigint', 'number', 'numeric', 'bool', 'boolean', 'bytes', 'bytea', 'blob',
    'object', 'json', 'jsonb', 'array', 'list', 'any', 'uuid', 'true', 'false', 'null', 'nil', 'none', 'undefined', 'required', 'optional',
    'yes', 'no', 'on', 'off', 'hidden', 'masked', 'empty', 'default', 'env', 'field', 'type', 'column', 'value', 'hash', 'md5', 'sha1',
    'sha256', 'bcrypt', 'base64', 'plain', 'plaintext', 'encrypted', 'redacted', 'bearer', 'basic', 'prompt', 'stdin', 'auth',
    'foo', 'bar', 'baz', 'qux', 'dummy', 'placeholder', 'secret', 'password', 'token', 'unset',
  ],
  identifierKeys: [
    'id', 'ids', 'uuid', 'guid', 'sha', 'sha1', 'sha256', 'sha512', 'md5', 'hash', 'checksum', 'digest', 'commit', 'rev', 'revision',
    'etag', 'fingerprint', 'version', 'integrity', 'nonce', 'serial', 'object', 'image', 'layer', 'build', 'trace', 'span', 'request',
  ],
  labelSuffixes: [
    'name', 'names', 'type', 'types', 'file', 'files', 'path', 'dir', 'url', 'uri', 'endpoint', 'length', 'len', 'size', 'ttl', 'expiry',
    'expires', 'expiration', 'lifetime', 'policy', 'mode', 'store', 'manager', 'provider', 'ref', 'source', 'field', 'header', 'prefix',
    'format', 'version', 'hash', 'plugin', 'plugins', 'flush', 'list', 'set', 'get', 'define', 'create', 'delete', 'count', 'limit', 'less',
    'generator', 'reset', 'change', 'prompt', 'auth', 'required', 'enabled', 'strength', 'rule', 'rules', 'label', 'map', 'digest',
    'ids', 'count', 'counts', 'param', 'params', 'parser', 'bucket', 'filter', 'kind', 'class', 'budget', 'usage', 'lookup', 'plugin',
    'pattern', 'regex', 're', 'placeholder', 'input', 'field', 'label', 'hint', 'text', 'url', 'uri',
  ],
  authSchemes: ['bearer', 'basic', 'token', 'digest', 'negotiate'],
  statements: [
    // SQL: a quoted password after IDENTIFIED BY in any case; unquoted (Oracle) only in upper case, as prose says
    // "uniquely identified by the …".
    { pattern: String.raw`IDENTIFIED[ \t]+(?:WITH[ \t]+\w+[ \t]+)?BY[ \t]+(?:PASSWORD[ \t]+)?(?<value>'[^'\n]*'|"[^"\n]*")`, kind: 'password' },
    { pattern: String.raw`IDENTIFIED[ \t]+BY[ \t]+(?<value>[^\s;'"]+)`, kind: 'password', flags: 'gu' },
    { pattern: String.raw`AES_(?:EN|DE)CRYPT\(\s*'(?<value>[^'\n]*)'`, kind: 'password' },
    { pattern: String.raw`AES_(?:EN|DE)CRYPT\([^,\n]*,\s*'(?<value>[^'\n]*)'`, kind: 'secret-key' },
    // mysql -pSECRET (glued; `-p` alone prompts, `-P` is the port), sshpass -p, curl -u user:pass.
    { pattern: String.raw`mysql(?:dump|admin|import|check|slap)?\b[^\n]*?[ \t]-p(?<value>[^\s'"-][^\s]*|'[^'\n]+'|"[^"\n]+")`, kind: 'password', flags: 'gu' },
    { pattern: String.raw`sshpass[ \t]+-p[ \t]*(?<value>'[^'\n]+'|"[^"\n]+"|\S+)`, kind: 'password', flags: 'gu' },
    { pattern: String.raw`-(?<![\w-]-)(?:u|-user)[ \t]+['"]?(?<value>[^\s:'"/]+:(?!\/\/)[^\s'"]+)`, kind: 'password', flags: 'gu' },
    { pattern: String.raw`--(?<![\w-]--)(?:password|passwd|pass|token|api-key|auth-token)[ \t]+(?!-|[0-9a-f]{8}-)(?<value>'[^'\n]+'|"[^"\n]+"|\S+)`, kind: 'password' },
    { pattern: String.raw`echo[ \t]+['"]?(?<value>[^\s'"|]+)['"]?[ \t]*\|[ \t]*(?:sudo[ \t]+)?(?:passwd[ \t]+--stdin|chpasswd)\b`, kind: 'password' },
    // Credentials in a URL: scheme://user:password@host (the user goes too: it is half of the login).
    // Patterns start with a literal where they can, so the regex engine skips ahead instead of trying every offset.
    { pattern: String.raw`:\/\/(?<value>[^\s:/@'"]+:[^\s/@'"]+)@`, kind: 'url-credentials' },
  ],
  hashCalls: ['md5', 'sha1', 'sha256', 'sha512', 'hash_hmac', 'hmac', 'crypt', 'hash', 'password_hash', 'pbkdf2'],
  chatHeaders: [],
  identifiers: [
    { pattern: String.raw`(?<![\w])(?:phone|mobile|cell|tel)(?:[ \t]*(?:no\.?|number|#))?[ \t]*[:：][ \t]*(?<value>\+?\d[\d \t().-]{6,18}\d)`, kind: 'phone' },
  ],
  keptMail: {
    // Stand-in and role mailboxes, kept on any domain (names on example domains are kept by the engine).
    localParts: [
      'user', 'username', 'you', 'yourname', 'your.name', 'your-email', 'youremail', 'name', 'me', 'someone', 'somebody', 'foo', 'bar',
      'baz', 'test', 'example', 'admin', 'info', 'noreply', 'no-reply', 'email', 'mail', 'hello', 'support', 'contact', 'first.last',
      'firstname.lastname',
    ],
    // Reserved for documentation (RFC 2606, RFC 6761), and the stand-ins docs use like them.
    domains: ['example.com', 'example.org', 'example.net', 'example.edu', 'example', 'test', 'invalid', 'localhost', 'domain.com', 'company.com', 'email.com', 'yourdomain.com', 'mydomain.com', 'test.com'],
  },
  isWord: isEnglishWord,
};

// ---------------------------------------------------------------------------------------------------------------

export const en: LanguagePack = { code: 'en', name: 'English', script: /\p{Script=Latin}/u, extraction, redaction };
