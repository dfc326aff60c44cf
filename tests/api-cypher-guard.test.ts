import { describe, expect, it } from 'vitest';
import { calledProcedures, checkUserCypher, maskCypher } from '../queries/cypher-guard.js';
import { isNotegraphError } from '../common/errors.js';

function ruleOf(query: string): string | undefined {
  try {
    checkUserCypher(query);
    return undefined;
  } catch (error) {
    if (isNotegraphError(error) && error.code === 'CYPHER_REFUSED') return String(error.details?.rule);
    throw error;
  }
}

describe('maskCypher', () => {
  it('empties strings, blanks comments and unquotes backticked names', () => {
    expect(maskCypher("MATCH (n) WHERE n.x = 'a;b' // ; CREATE\nRETURN `my var`")).toBe("MATCH (n) WHERE n.x = ''  \nRETURN my_var");
    expect(maskCypher('RETURN "it\\"s; fine" /* ; */ AS x')).toBe("RETURN ''   AS x");
  });
});

describe('checkUserCypher', () => {
  it.each([
    "MATCH (n) WHERE n.name = 'x; CREATE (m)' RETURN n",
    'MATCH (n) RETURN n; ',
    'MATCH (n) // LOAD CSV and ; in a comment\nRETURN n',
    'MATCH (n) CALL (n) { RETURN n.name AS name } RETURN name',
    'CALL { MATCH (n) RETURN n } RETURN n',
    "CALL db.index.fulltext.queryNodes('note_fulltext', 'ceph') YIELD node RETURN node",
    'MATCH (n) WHERE n.set = 1 AND n.transactions IS NULL RETURN n.use',
    'SHOW INDEXES',
  ])('lets through %s (EXPLAIN decides)', (query) => {
    expect(ruleOf(query)).toBeUndefined();
  });

  it.each([
    ['MATCH (n) RETURN n; MATCH (m) RETURN m', 'single-statement'],
    ["load  csv from 'file:///x' as l return l", 'no-load-csv'],
    ['CALL { MATCH (n) RETURN n } IN 4 CONCURRENT TRANSACTIONS OF 10 ROWS RETURN n', 'no-in-transactions'],
    ["CALL db.createLabel('X')", 'procedure-allow-list'],
    ["CALL `db.createLabel`('X')", 'procedure-allow-list'],
    ["CALL db . createLabel('X')", 'procedure-allow-list'],
    ['PROFILE MATCH (n) RETURN n', 'no-explain'],
    ['USE system SHOW USERS', 'no-use'],
    ["TERMINATE TRANSACTIONS 'x'", 'no-administration'],
    ['create user bob set password "secret123"', 'no-administration'],
  ])('refuses %s by rule %s', (query, rule) => {
    expect(ruleOf(query)).toBe(rule);
  });

  it('reads procedure names after CALL, skipping subqueries', () => {
    expect(calledProcedures(maskCypher('CALL db.labels() YIELD label CALL { RETURN 1 AS x } CALL (label) { RETURN 2 AS y } RETURN *'))).toEqual(['db.labels']);
  });
});
