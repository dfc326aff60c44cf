import { NotegraphError } from '../common/errors.js';

/**
 * Static refusals for user Cypher, checked before anything reaches Neo4j. EXPLAIN + a READ transaction are the
 * real guard; these rules refuse, with a clear message, what must never run whatever EXPLAIN reports:
 * several statements, LOAD CSV, CALL … IN TRANSACTIONS, and procedures outside a read-only allow-list.
 */

/** Procedures a user query may call (all read-only). Compared case-insensitively. */
export const allowedProcedures: ReadonlySet<string> = new Set(
  [
    'db.labels',
    'db.relationshipTypes',
    'db.propertyKeys',
    'db.schema.visualization',
    'db.schema.nodeTypeProperties',
    'db.schema.relTypeProperties',
    'db.index.fulltext.queryNodes',
    'db.index.fulltext.queryRelationships',
    'db.index.fulltext.listAvailableAnalyzers',
    'db.info',
    'db.ping',
  ].map((name) => name.toLowerCase()),
);

/**
 * The query with string literals emptied, comments blanked and backtick-quoted names unquoted (with characters
 * other than letters, digits, `_` and `.` replaced by `_`), so keyword checks cannot be fooled by quoting.
 */
export function maskCypher(query: string): string {
  let out = '';
  let index = 0;
  while (index < query.length) {
    const char = query[index]!;
    const next = query[index + 1];
    if (char === '/' && next === '/') {
      const end = query.indexOf('\n', index);
      index = end === -1 ? query.length : end;
      out += ' ';
    } else if (char === '/' && next === '*') {
      const end = query.indexOf('*/', index + 2);
      index = end === -1 ? query.length : end + 2;
      out += ' ';
    } else if (char === "'" || char === '"') {
      index = skipQuoted(query, index, char);
      out += "''";
    } else if (char === '`') {
      const end = query.indexOf('`', index + 1);
      const name = query.slice(index + 1, end === -1 ? query.length : end);
      out += name.replace(/[^\p{L}\p{N}_.]/gu, '_');
      index = end === -1 ? query.length : end + 1;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

function skipQuoted(query: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < query.length) {
    const char = query[index];
    if (char === '\\') index += 2;
    else if (char === quote) return index + 1;
    else index += 1;
  }
  return query.length;
}

/** Administration commands (some, like TERMINATE TRANSACTIONS, report query type `r`). */
const administrationCommand =
  /^\s*(?:GRANT|DENY|REVOKE|ALTER|START|STOP|ENABLE|DEALLOCATE|REALLOCATE|RENAME|DRYRUN|(?:CREATE|DROP)\s+(?:OR\s+REPLACE\s+)?(?:COMPOSITE\s+)?(?:DATABASE|USER|ROLE|ALIAS|SERVER))\b/iu;

function refuse(message: string, rule: string): never {
  throw new NotegraphError('CYPHER_REFUSED', message, { details: { rule } });
}

/** Procedure names after each CALL that is not a subquery (`CALL {` or `CALL (…) {`). */
export function calledProcedures(masked: string): string[] {
  const names: string[] = [];
  for (const match of masked.matchAll(/\bCALL\b\s*/giu)) {
    const rest = masked.slice((match.index ?? 0) + match[0].length);
    if (rest.startsWith('{') || rest.startsWith('(')) continue;
    const name = /^[\p{L}_][\p{L}\p{N}_]*(?:\s*\.\s*[\p{L}_][\p{L}\p{N}_]*)*/u.exec(rest)?.[0] ?? '';
    names.push(name.replace(/\s+/g, ''));
  }
  return names;
}

/** Throws CYPHER_REFUSED when the query breaks a static rule; returns the query unchanged otherwise. */
export function checkUserCypher(query: string): string {
  const masked = maskCypher(query);
  if (/;\s*\S/u.test(masked)) refuse('Only one statement per query: remove the ";" between statements.', 'single-statement');
  if (/^\s*(EXPLAIN|PROFILE)\b/iu.test(masked)) refuse('EXPLAIN and PROFILE are not available here; send the query itself.', 'no-explain');
  if (/\bLOAD\s+CSV\b/iu.test(masked)) refuse('LOAD CSV is not allowed: queries here only read the graph.', 'no-load-csv');
  if (/\bIN\s+(?:\S+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b/iu.test(masked)) {
    refuse('CALL { … } IN TRANSACTIONS is not allowed: queries here only read the graph.', 'no-in-transactions');
  }
  if (/(^|\{)\s*USE\s+[\p{L}_]/iu.test(masked)) refuse('USE is not allowed: queries run against the notegraph database.', 'no-use');
  if (administrationCommand.test(masked) || /\bTERMINATE\s+TRANSACTIONS?\b/iu.test(masked)) {
    refuse('Administration commands are not allowed: queries here only read the graph.', 'no-administration');
  }
  for (const name of calledProcedures(masked)) {
    if (!allowedProcedures.has(name.toLowerCase())) {
      refuse(
        `Procedure ${name || '(unnamed)'} is not allowed; read-only procedures allowed here: ${[...allowedProcedures].join(', ')}.`,
        'procedure-allow-list',
      );
    }
  }
  return query;
}
