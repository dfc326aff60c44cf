import type { Finding, RedactionLayer, TextScan } from './types.js';
import { isPlaceholder, unquote } from './shape.js';

/**
 * Statements and command lines that carry a secret by their grammar rather than a label: `GRANT … IDENTIFIED
 * BY '…'`, `AES_ENCRYPT('…', '…')`, `mysql -p…`, `sshpass -p …`, `curl -u user:pass`, `scheme://user:pass@host`.
 * The packs hold the patterns (a `value` group each); quotes around a value stay in the text.
 */
/** `username:password`, `<USER>:<PASSWORD>`, `$USER:$PASS`: every part a placeholder, a label or a user label. */
export function isPlaceholderCredential(value: string, scan: TextScan): boolean {
  return value.split(':').every((part) => part === '' || isPlaceholder(part) || scan.rules.labels.whole.test(part) || scan.rules.userLabel.test(part) || scan.rules.notValues.has(part.toLowerCase()));
}

export const statementLayer: RedactionLayer = {
  name: 'label',
  find(scan) {
    const found: Finding[] = [];
    for (const rule of scan.rules.statements) {
      for (const match of scan.text.matchAll(rule.pattern)) {
        const span = match.indices?.groups?.value;
        const raw = match.groups?.value;
        if (!span || !raw) continue;
        const value = unquote(raw);
        if (value === '' || isPlaceholderCredential(value, scan) || scan.rules.notSecret.has(value)) continue;
        const inset = raw.length === value.length ? 0 : 1;
        found.push({ start: span[0] + inset, end: span[1] - inset, kind: rule.kind, layer: 'label', value, spread: 'secret' });
      }
    }
    return found;
  },
};
