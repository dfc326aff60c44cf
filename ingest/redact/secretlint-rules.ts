import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintRuleContext, SecretLintRuleCreator, SecretLintSourceCode } from '@secretlint/types';
import type { RedactionKind } from './kinds.js';

/**
 * Known token formats from secretlint's recommended preset (cloud keys, GitHub/Slack/npm/OpenAI… tokens,
 * private keys, basic auth and database connection strings in URLs), run synchronously.
 *
 * secretlint's public entry point (`lintSource` in @secretlint/core) is async, while the ingest pipeline is a
 * pure synchronous function. Every rule of the preset is a `SecretLintRuleCreator` whose `file` handler reports
 * synchronously for text files (only the GCP rule awaits, for `.p12`/`.json` files, which notes are not), so
 * this adapter drives the rules through the rule API itself with a context that records ranges only. A test
 * checks it reports what `lintSource` reports. The translator returns the message id and never formats a
 * message: secretlint's messages quote the secret.
 */
export interface TokenMatch {
  start: number;
  end: number;
  ruleId: string;
}

const kindByRule: Record<string, RedactionKind> = {
  aws: 'access-key',
  gcp: 'private-key',
  privatekey: 'private-key',
  basicauth: 'url-credentials',
  'database-connection-string': 'url-credentials',
  docker: 'password',
  '1password': 'secret-key',
};

export function kindOfRule(ruleId: string): RedactionKind {
  return kindByRule[ruleId.replace('@secretlint/secretlint-rule-', '')] ?? 'token';
}

// Rules that only filter other rules' reports (`secretlint-disable` comments) have nothing to find in notes.
const scanners = recommendedRules.filter((rule) => rule.meta.type === 'scanner') as SecretLintRuleCreator<Record<string, unknown>>[];

function sourceOf(content: string): SecretLintSourceCode {
  const position = (index: number) => {
    const before = content.slice(0, index);
    const line = before.split('\n').length;
    return { line, column: index - (before.lastIndexOf('\n') + 1) };
  };
  return {
    hasBOM: false,
    content,
    filePath: undefined,
    physicalFilePath: undefined,
    contentType: 'text',
    ext: '.txt',
    getFilePath: () => undefined,
    getPhysicalFilePath: () => undefined,
    locationToRange: () => [0, 0],
    rangeToLocation: (range) => ({ start: position(range[0]), end: position(range[1]) }),
    positionToIndex: () => 0,
    indexToPosition: position,
  };
}

const translate = ((messageId: string) => ({ message: messageId, messageId, data: undefined })) as never;

/**
 * Creates every rule once (a rule's handlers hold no state between files) and returns the scan of one text.
 * Reports go to the list of the scan in progress; scans are synchronous, so one list at a time.
 */
function createTokenFinder(): (content: string) => TokenMatch[] {
  let matches: TokenMatch[] = [];
  const handlers = scanners.map((rule) => {
    const context: SecretLintRuleContext = {
      sharedOptions: {},
      createTranslator: () => translate,
      report: (descriptor) => matches.push({ start: descriptor.range[0], end: descriptor.range[1], ruleId: rule.meta.id }),
      ignore: () => {},
    };
    return rule.create(context, {});
  });
  return (content) => {
    matches = [];
    const source = sourceOf(content);
    for (const handler of handlers) {
      const pending = handler.file?.(source);
      // An async handler's later reports are lost; its rejection must not surface as an unhandled error.
      if (pending) pending.catch(() => {});
    }
    return matches;
  };
}

export const findKnownTokens = createTokenFinder();
