import { englishTerms } from './en-terms.js';
import type { ExtractionRules } from './extraction-rules.js';
import type { LanguagePack } from './language-pack.js';
import { isEnglishWord } from './en-words.js';
import type { RedactionRules } from './redaction-rules.js';

// ---------------------------------------------------------------------------------------------------------------
// Extraction (concept discovery, relations)
// ---------------------------------------------------------------------------------------------------------------

const extraction: ExtractionRules = {
  // General vocabulary of technical writing: words every note uses and no reader looks up. Database and
  // programming terms (index, key, table, query) are NOT here: on database notes they are the topic.
  stopwords: [
    'api', 'apis', 'server', 'servers', 'service', 'services', 'client', 'clients', 'data', 'file', 'files', 'system', 'systems',
    'method', 'function', 'value', 'values', 'user', 'users', 'type', 'types', 'name', 'names', 'list', 'code', 'example',
    'examples', 'default', 'config', 'configuration', 'test', 'tests', 'note', 'notes', 'output', 'input', 'request', 'response',
    'result', 'results', 'version', 'versions', 'info', 'information', 'error', 'errors', 'log', 'logs', 'id', 'ids', 'url', 'uri',
    'os', 'ui', 'faq', 'todo', 'tbd', 'eg', 'ie', 'etc', 'ok', 'yes', 'no', 'new', 'old', 'set', 'add', 'end', 'step', 'steps',
    'see', 'via', 'one', 'two', 'three', 'tmp', 'var', 'usr', 'bin', 'lib', 'src', 'str', 'self', 'readme', 'hostname',
    'redacted', 'program', 'programs', 'software', 'computer', 'application', 'applications', 'technology', 'solution',
    'solutions', 'problem', 'problems', 'issue', 'issues', 'thing', 'things', 'something', 'anything', 'everything', 'way',
    'ways', 'time', 'times', 'case', 'cases', 'part', 'parts', 'kind', 'kinds', 'number', 'numbers', 'lot', 'lots', 'point',
    'fact', 'idea', 'reason', 'question', 'answer', 'world', 'people', 'option', 'options', 'setting', 'settings', 'line',
    'lines', 'word', 'words', 'text', 'stuff', 'place', 'side', 'work', 'job', 'task', 'tasks', 'change', 'changes', 'feature',
    'features', 'support', 'use', 'usage', 'command', 'commands', 'tool', 'tools', 'thanks', 'today', 'tomorrow', 'yesterday',
    'day', 'days', 'week', 'month', 'year', 'years', 'hour', 'minute', 'minutes', 'second', 'seconds', 'first', 'last', 'next',
    'tip', 'tips', 'trick', 'til', 'link', 'links', 'page', 'pages', 'post', 'article', 'blog', 'docs', 'documentation',
    'tutorial', 'guide', 'chapter', 'section', 'title', 'summary', 'overview', 'introduction', 'detail', 'details', 'update',
    'hello', 'world', 'foo', 'bar', 'baz', 'qux', 'true', 'false', 'null', 'none', 'nil', 'undefined', 'mb', 'gb', 'kb', 'tb',
    'ms', 'ns', 'am', 'pm', 'fixme', 'xxx', 'utc', 'gmt', 'compiler', 'compilers', 'different', 'best', 'better', 'good',
    'great', 'entire', 'whole', 'following', 'various', 'several', 'certain', 'specific', 'main', 'important', 'simple', 'easy',
    'real', 'current', 'possible', 'available', 'many', 'much', 'few', 'common', 'general', 'generic', 'basic', 'high', 'low',
    'large', 'small', 'big', 'full', 'open', 'free', 'own', 'same', 'similar', 'single', 'multiple', 'additional', 'existing',
    'typical', 'standard', 'actual', 'particular', 'overall', 'nice', 'cool', 'useful', 'interesting', 'awesome', 'handy',
    // words of programs that leak into prose (identifiers, placeholders) and everyday words of computing
    'root', 'admin', 'demo', 'app', 'apps', 'web', 'host', 'hosts', 'platform', 'module', 'modules', 'print', 'func', 'req',
    'res', 'int', 'def', 'obj', 'args', 'arg', 'kwargs', 'param', 'params', 'env', 'foo', 'cp', 'sudo', 'item', 'items', 'key',
    'keys', 'image', 'images', 'path', 'dir', 'folder', 'directory', 'machine', 'machines', 'computer', 'screen', 'button',
    'click', 'window', 'box', 'tab', 'menu', 'account', 'password', 'username', 'email', 'address', 'network', 'internet',
    'online', 'website', 'site', 'browser', 'mode', 'level', 'status', 'state', 'source', 'target', 'object', 'objects',
    'placeholder', 'todo', 'misc', 'temp', 'sample', 'samples', 'demo', 'mine', 'yours', 'ok', 'okay',
    'ip', 'io', 'i/o', 'cpu', 'cpus', 'gpu', 'ssd', 'hdd', 'node', 'nodes', 'db', 'write', 'writes', 'read', 'reads', 'delete',
    'max', 'min', 'body', 'msg', 'class', 'classes', 'variable', 'variables', 'project', 'projects', 'administrator',
    'innovative', 'virtual', 'dev', 'conf', 'stat', 'op', 'ops', 'ii', 'iii', 'etc', 'faq', 'misc', 'select', 'insert',
    // the general vocabulary of technical prose: rare in speech (so the spoken-English frequencies miss them) but in
    // every note of every field, and no reader's topic alone
    'argument', 'arguments', 'reference', 'references', 'context', 'contexts', 'identifier', 'identifiers', 'environment',
    'environments', 'functions', 'parameter', 'parameters', 'helper', 'helpers', 'clause', 'clauses', 'development',
    'production', 'methods', 'implementation', 'implementations', 'defaults', 'author', 'authors', 'setup', 'logic',
    'functionality', 'definition', 'definitions', 'limit', 'limits', 'script', 'scripts', 'utility', 'utilities', 'snippet',
    'snippets', 'subset', 'comparison', 'fallback', 'element', 'elements', 'scenario', 'scenarios', 'variety', 'lookup',
    'workflow', 'workflows', 'notation', 'approach', 'approaches', 'behavior', 'behaviour', 'purpose', 'situation',
    'alternative', 'alternatives', 'combination', 'operation', 'operations', 'mechanism', 'concept', 'concepts', 'condition',
    'conditions', 'syntax', 'flag', 'flags', 'format', 'formats', 'formatting', 'display', 'shortcut', 'shortcuts', 'technique',
    'techniques', 'practice', 'practices', 'benefit', 'benefits', 'drawback', 'drawbacks', 'downside', 'caveat', 'caveats',
    'gotcha', 'requirement', 'requirements', 'upgrade', 'installation', 'codebase', 'convenience', 'instance', 'instances',
    'keyword', 'keywords', 'pattern', 'patterns', 'attribute', 'attributes', 'dependencies', 'duplicate', 'duplicates',
    'custom', 'inline', 'verbose', 'built-in', 'builtin', 'multi-line', 'one-off', 'one-liner', 'human-readable',
    'lower-case', 'upper-case', 'lowercase', 'uppercase', 'parentheses', 'braces', 'backticks', 'indentation', 'separator',
    'convert', 'parse', 'parsing', 'iterate', 'iteration', 'swap', 'restart', 'rename', 'debug', 'debugging', 'create',
    'configure', 'subcommand', 'prompt', 'terminal', 'header', 'headers', 'timeout', 'duration', 'variant', 'variants',
    'overview', 'aspect', 'aspects', 'feature', 'capability', 'capabilities', 'property', 'properties', 'action', 'actions',
    'call', 'calls', 'invocation', 'usage', 'user', 'developer', 'developers', 'engineer', 'engineers', 'team', 'teams',
    'company', 'companies', 'customer', 'customers', 'article', 'articles', 'chapter', 'chapters', 'edition', 'book',
    'books', 'author', 'question', 'questions', 'answer', 'answers', 'cue', 'cues', 'summary', 'sketch', 'template',
    'templates', 'trade-off', 'trade-offs', 'tradeoff', 'tradeoffs', 'challenge', 'challenges', 'solution', 'strategy',
    'strategies', 'goal', 'goals', 'result', 'outcome', 'impact', 'effect', 'effects', 'cost', 'costs', 'amount', 'amounts',
    'level', 'levels', 'layer', 'layers', 'step', 'stage', 'stages', 'phase', 'phases', 'piece', 'pieces', 'unit', 'units',
    'group', 'groups', 'category', 'categories', 'section', 'sections', 'entry', 'entries', 'detail', 'details',
  ],
  functionWords: [
    'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'your', 'my', 'his', 'her', 'some', 'any', 'each',
    'every', 'all', 'no', 'other', 'such', 'of', 'to', 'in', 'on', 'for', 'with', 'without', 'and', 'or', 'nor', 'but', 'is',
    'are', 'was', 'were', 'be', 'been', 'being', 'it', 'we', 'you', 'they', 'he', 'she', 'i', 'me', 'us', 'them', 'as', 'at',
    'by', 'from', 'into', 'onto', 'over', 'under', 'if', 'then', 'than', 'so', 'not', 'can', 'will', 'would', 'should', 'could',
    'may', 'might', 'must', 'shall', 'do', 'does', 'did', 'has', 'have', 'had', 'which', 'what', 'who', 'whom', 'whose',
    'when', 'where', 'how', 'why', 'there', 'here', 'also', 'just', 'only', 'very', 'too', 'about', 'up', 'out', 'down', 'off',
    'via', 'per', 'vs', 'versus', 'between', 'through', 'after', 'before', 'while', 'because', 'since', 'until', 'like',
    'unlike', 'within', 'against', 'among', 'around', 'across', 'behind', 'beyond', 'upon', 'both', 'either', 'neither',
    'whether', 'let', 'lets', 'get', 'gets', 'got', 'make', 'makes', 'made', 'need', 'needs', 'want', 'wants', 'still', 'now',
    'even', 'really', 'actually', 'already', 'always', 'never', 'often', 'usually', 'again', 'once', 'more', 'most', 'less',
  ],
  genericHeads: [
    'module', 'modules', 'platform', 'platforms', 'type', 'types', 'set', 'url', 'urls', 'id', 'ids', 'name', 'names', 'list',
    'time', 'number', 'level', 'mode', 'value', 'values', 'services', 'technologies', 'solution', 'solutions', 'approach',
    'app', 'apps', 'project', 'projects', 'code', 'file', 'files', 'version', 'versions', 'command',
    'commands', 'way', 'thing', 'stuff', 'example', 'examples', 'docs', 'documentation', 'tutorial', 'issue', 'problem',
    'setup', 'install', 'installation', 'user', 'users', 'team', 'world', 'side', 'part', 'one', 'ones', 'feature', 'support',
  ],
  negations: ['not', 'never', "doesn't", "don't", "isn't", "aren't", "won't", "can't", 'cannot', 'no longer', 'instead of', 'without'],
  subjectFiller: [
    'also', 'then', 'typically', 'usually', 'mainly', 'mostly', 'directly', 'now', 'only', 'internally', 'simply', 'actually',
    'always', 'often', 'still', 'can', 'could', 'will', 'would', 'may', 'might', 'must', 'should', 'does', 'do', 'is', 'are',
    'was', 'were', 'be', 'been', 'itself', 'themselves', 'in', 'turn',
  ],
  objectFiller: ['the', 'a', 'an', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'each', 'every', 'all', 'some', 'both', 'either', 'on', 'top', 'of'],
  clauseBreakers: ['which', 'that', 'who', 'whom', 'whose', 'when', 'where', 'while', 'if', 'because', 'but', 'although', 'though', 'whereas', 'unless', 'so', 'and', 'or'],
  copulas: ['is', 'are', 'was', 'were', 'is a', 'is an', 'are a', 'is the', 'acts as', 'serves as'],
  objectMarkers: [],
  prepositions: ['in', 'on', 'at', 'for', 'from', 'with', 'by', 'into', 'inside', 'within', 'under', 'over', 'via', 'through', 'of', 'without', 'than', 'like'],
  instrumentVerbs: ['use', 'using', 'let', 'make', 'have', 'configure', 'set', 'tell', 'ask'],
  listParentWords: ['ecosystem', 'stack', 'components', 'component', 'parts', 'modules', 'subprojects', 'projects', 'services', 'pieces', 'consists of', 'contains', 'includes', 'is made of', 'has', 'for example', 'e.g.'],
  relationCues: [
    { type: 'USES', pattern: String.raw`\b(?:is|are) used by\b|\bused by\b`, reverse: true },
    // Not "use", "using", "used": mostly imperatives and participles ("Install X using Y", "X is used in Y").
    { type: 'USES', pattern: String.raw`\buses\b|\butili[sz]es\b|\bleverages\b|\bmakes use of\b|\brelies on\b` },
    { type: 'IS_A', pattern: String.raw`\bis (?:a|an)(?: kind of| type of| sort of| form of)?\b|\bare (?:a )?(?:kind|type)s? of\b` },
    { type: 'PART_OF', pattern: String.raw`\b(?:is|are) (?:a |one )?(?:part|component|module|piece|subproject) of\b|\bbelongs? to\b` },
    { type: 'PART_OF', pattern: String.raw`\b(?:consists|is composed|is made up) of\b|\bcontains\b|\bincludes\b`, reverse: true },
    { type: 'BASED_ON', pattern: String.raw`\bbased on\b|\bbuilt (?:on top of|on|upon)\b|\bis a fork of\b|\bforked from\b|\bderived from\b` },
    { type: 'CALLS', pattern: String.raw`\bcalls\b|\binvokes\b|\bthen calls\b` },
    // Arrows (a -> b -> c) are written the same in every language; they live here once.
    { type: 'CALLS', pattern: String.raw`(?<![<=-])-{1,2}>(?![->])|→` },
    { type: 'ROUTES_TO', pattern: String.raw`\broutes?(?: \w+)? to\b|\bdispatch(?:es)?(?: \w+)? to\b|\bforwards?(?: \w+)? to\b|\bproxies(?: \w+)? to\b` },
    { type: 'WRAPS', pattern: String.raw`\bwraps\b|\b(?:is|are) (?:a |an )?(?:thin )?wrappers? (?:around|for|of|over)\b` },
    { type: 'MANAGES', pattern: String.raw`\b(?:is|are) managed by\b|\b(?:is|are) orchestrated by\b|\b(?:is|are) scheduled by\b`, reverse: true },
    { type: 'MANAGES', pattern: String.raw`\bmanages\b|\borchestrates\b|\bsupervises\b|\bschedules\b|\bcontrols\b` },
    { type: 'STORES_IN', pattern: String.raw`\b(?:is|are) (?:stored|kept|persisted|saved|cached) (?:in|into|on)\b|\bstores? (?:\w+ ){0,2}?(?:in|into)\b|\bpersists? (?:\w+ ){0,2}?(?:in|to)\b|\bsaves? (?:\w+ ){0,2}?(?:in|to)\b|\bwrites? (?:\w+ ){0,2}?(?:to|into)\b` },
    { type: 'SUPPORTS', pattern: String.raw`\b(?:is|are) supported by\b`, reverse: true },
    { type: 'SUPPORTS', pattern: String.raw`\bsupports\b|\bhas support for\b|\bworks with\b` },
    { type: 'DEPENDS_ON', pattern: String.raw`\bdepends? on\b|\brequires\b` },
    { type: 'IMPLEMENTS', pattern: String.raw`\bimplements\b|\b(?:is|are) (?:an? )?implementations? of\b|\bspeaks\b` },
    { type: 'IMPLEMENTS', pattern: String.raw`\bimplementation\b|\bbroker\b`, mode: 'suffix' },
    { type: 'REPORTS_TO', pattern: String.raw`\breports?(?: \w+){0,2}? to\b|\bsends? (?:\w+ )?(?:heartbeats?|status|metrics) to\b` },
    { type: 'COMPARED_WITH', pattern: String.raw`\bcompared (?:with|to)\b|\bvs\.?(?=\s)|\bversus\b|\b(?:faster|slower|simpler|lighter|heavier|better|worse) than\b|\binstead of\b|\bin contrast to\b|\bdiffers from\b` },
    { type: 'RUNS_ON', pattern: String.raw`\bruns? (?:on|inside|in)\b|\b(?:is|are) deployed (?:on|to)\b` },
    { type: 'COMMAND_OF', pattern: String.raw`\b(?:is|are) (?:the |a )?(?:command(?:-line)?|cli|client|admin) (?:tool |client |interface )?(?:of|for)\b` },
  ],
  aliasPatterns: [
    // "X, also called Y", "X (also known as Y)", "X, aka Y", "X, short for Y", "X -- Y", "X (Y)" with an acronym.
    {
      pattern: String.raw`(?<term>[A-Za-z][\w+#./-]*(?: [A-Za-z][\w+#./-]*){0,3}),? (?:also (?:called|known as)|aka|a\.k\.a\.|or simply|short for|abbreviated(?: as)?) (?<alias>[A-Za-z][\w+#./-]*(?: [A-Za-z][\w+#./-]*){0,3})`,
      requires: String.raw`also (?:called|known as)|aka|a\.k\.a\.|or simply|short for|abbreviated`,
    },
    String.raw`(?<term>[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){1,4}) \((?<alias>[A-Z][A-Za-z0-9]{1,7})\)`,
    { pattern: String.raw`(?<term>[A-Za-z][\w+#./]*(?: [A-Za-z][\w+#./]*){0,3}) -- (?<alias>[A-Z][A-Za-z0-9]{1,7})\b`, requires: ' -- [A-Z]' },
  ],
  maskPatterns: [
    // Dates written with weekday or month names: "Mon Sep 16 15:51:14 2015", "Tue, 3 Mar 2020", "Sep 2022".
    String.raw`\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? (?:\d{1,2} )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b(?: \d{1,2})?`,
    String.raw`\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{1,2}(?:, \d{4})?\b|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b`,
  ],
  terms: englishTerms,
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
