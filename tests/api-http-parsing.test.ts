import { describe, expect, it } from 'vitest';
import { parseConfig } from '../common/config.js';
import { isNotegraphError } from '../common/errors.js';
import { publicMessage, translateDriverError } from '../queries/driver-errors.js';
import { toDriverParams } from '../queries/values.js';
import { hostName } from '../server/http-hygiene.js';
import { jsonDepth, parseJsonBody } from '../server/json-body.js';

describe('JSON bodies keep what the text said about numbers', () => {
  it('reads 1.0 and 2e3 as floats, 1 and 2^53+1 as exact integers', () => {
    expect(parseJsonBody('{"a": 1.0, "b": 2e3, "c": 1, "d": 9007199254740993, "e": [-7]}')).toEqual({ a: 1, b: 2000, c: 1n, d: 9007199254740993n, e: [-7n] });
  });

  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a": [[1]], "s": "[[[[{{{"}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });

  it('refuses a body nested deeper than the limit before parsing it', () => {
    expect(() => parseJsonBody(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)).toThrow(expect.objectContaining({ code: 'REQUEST_TOO_NESTED' }));
  });

  it('answers BAD_REQUEST for broken JSON', () => {
    expect(() => parseJsonBody('{"query": ')).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});

describe('parameters to driver values', () => {
  it('makes bigints Cypher integers and keeps floats floats', () => {
    const params = toDriverParams({ n: 3n, x: 1.5, list: [1n, { big: 9007199254740993n }] });
    expect(String(params.n)).toBe('3');
    expect(params.x).toBe(1.5);
    expect(String((params.list as unknown[])[0])).toBe('1');
    expect(String(((params.list as unknown[])[1] as { big: unknown }).big)).toBe('9007199254740993');
  });

  it('refuses integers beyond 64 bits and parameters nested too deep, without recursion', () => {
    expect(() => toDriverParams({ x: 2n ** 64n })).toThrow(expect.objectContaining({ code: 'PARAM_OUT_OF_RANGE' }));
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(() => toDriverParams({ deep })).toThrow(expect.objectContaining({ code: 'REQUEST_TOO_NESTED' }));
  });
});

describe('driver errors reach clients without internals', () => {
  it('scrubs class names, addresses, paths and URLs from Neo4j messages', () => {
    const message = publicMessage(
      "org.neo4j.exceptions.ArithmeticException: / by zero at bolt://127.0.0.1:7687 reading file:///etc/passwd in /var/lib/neo4j/data",
    );
    expect(message).not.toMatch(/org\.neo4j|127\.0\.0\.1|\/etc\/passwd|\/var\/lib/);
    expect(message).toContain('/ by zero');
  });

  it.each([
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'CYPHER_TIMEOUT'],
    ['Neo.ClientError.Transaction.Terminated', 'CYPHER_TERMINATED'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'CYPHER_MEMORY_LIMIT'],
    ['Neo.TransientError.General.TransactionOutOfMemoryError', 'CYPHER_MEMORY_LIMIT'],
    ['Neo.DatabaseError.Statement.ExecutionFailed', 'CYPHER_FAILED'],
    ['Neo.ClientError.Statement.ArithmeticError', 'CYPHER_FAILED'],
    ['ServiceUnavailable', 'DB_UNAVAILABLE'],
    ['N/A', 'DB_ERROR'],
  ])('maps %s to %s by its code', (code, expected) => {
    const translated = translateDriverError(Object.assign(new Error('Connection to 10.0.0.1:7687 failed at org.neo4j.Foo'), { code }));
    expect(isNotegraphError(translated) && translated.code).toBe(expected);
    expect(translated.message).not.toMatch(/10\.0\.0\.1|org\.neo4j/);
  });
});

describe('hosts', () => {
  it.each([
    ['localhost:8080', 'localhost'],
    ['[::1]:8080', '[::1]'],
    ['Example.ORG', 'example.org'],
  ])('reads the host name of %s as %s', (header, name) => {
    expect(hostName(header)).toBe(name);
  });

  it('reads ALLOWED_HOSTS as a lower-case list, loopback names by default', () => {
    expect(parseConfig({}).ALLOWED_HOSTS).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(parseConfig({ ALLOWED_HOSTS: 'Notes.LAN, localhost' }).ALLOWED_HOSTS).toEqual(['notes.lan', 'localhost']);
  });
});
