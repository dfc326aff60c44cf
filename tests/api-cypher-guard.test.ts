import { describe, expect, it } from 'vitest';
import { isNotegraphError } from '../common/errors.js';
import { checkCypherFacts } from '../queries/cypher-guard.js';
import { cypherGrammar } from '../queries/cypher-grammar.js';
import { analyseCypher } from '../queries/cypher-syntax.js';
import { refusedQueries } from './support/hostile-queries.js';
import { readOnlyQueries } from './support/read-only-queries.js';

const grammar = await cypherGrammar();
const limits = { maxNesting: 100, parseBudgetMs: 1000 };

/** The code and rule the gate answers for a query, or undefined when it lets the query through. */
function gate(query: string): { code: string; rule?: unknown } | undefined {
  try {
    checkCypherFacts(analyseCypher(grammar, query, limits));
    return undefined;
  } catch (error) {
    if (isNotegraphError(error)) return { code: error.code, rule: error.details?.rule };
    throw error;
  }
}

describe('the Cypher gate lets read-only queries through', () => {
  it.each(readOnlyQueries)('%s', (_name, query) => {
    expect(gate(query)).toBeUndefined();
  });
});

describe('the Cypher gate refuses what only reads must never do', () => {
  it.each(refusedQueries)('%s', (_name, query, rule) => {
    expect(gate(query)).toEqual({ code: 'CYPHER_REFUSED', rule });
  });
});

describe('the Cypher gate reads the parse tree', () => {
  it('reads procedure names with their namespace, unescaped', () => {
    const facts = analyseCypher(grammar, 'CALL `db`.`index`.fulltext.queryNodes("a", "b") YIELD node CALL { RETURN 1 AS x } RETURN *', limits);
    expect(facts.procedures).toEqual([['db', 'index', 'fulltext', 'queryNodes']]);
    expect(facts.statements).toBe(1);
  });

  it('names the refused command in its message', () => {
    expect(() => checkCypherFacts(analyseCypher(grammar, 'SHOW SETTINGS', limits))).toThrow(/SHOW SETTINGS/);
  });

  it('refuses a query that does not parse, with the position of the problem', () => {
    try {
      analyseCypher(grammar, 'MATCH (n)\nRETRUN n', limits);
      expect.unreachable();
    } catch (error) {
      expect(isNotegraphError(error) && error.code).toBe('CYPHER_SYNTAX');
      expect(isNotegraphError(error) && error.details?.position).toEqual({ line: 2, column: 1, offset: 10 });
      expect((error as Error).message).toContain('RETRUN');
    }
  });

  it('refuses an unterminated string instead of guessing where it ends', () => {
    expect(gate("RETURN 'abc")?.code).toBe('CYPHER_SYNTAX');
  });

  it('refuses brackets nested deeper than the limit before parsing', () => {
    expect(gate(`RETURN ${'('.repeat(9000)}1${')'.repeat(9000)}`)?.code).toBe('QUERY_TOO_NESTED');
    expect(gate(`RETURN ${'['.repeat(101)}1${']'.repeat(101)}`)?.code).toBe('QUERY_TOO_NESTED');
    expect(gate(`RETURN ${'('.repeat(100)}1${')'.repeat(100)}`)).toBeUndefined();
  });

  it('stops parsing at the parse budget (deeply nested CASE grows cubically)', () => {
    const started = performance.now();
    const nestedCase = `RETURN ${'CASE WHEN 1 = 1 THEN '.repeat(300)}1${' END'.repeat(300)}`;
    expect(analyseOutcome(nestedCase, { maxNesting: 100, parseBudgetMs: 200 })).toBe('QUERY_TOO_COMPLEX');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

function analyseOutcome(query: string, options: typeof limits): string {
  try {
    analyseCypher(grammar, query, options);
    return 'parsed';
  } catch (error) {
    return isNotegraphError(error) ? error.code : 'threw';
  }
}
