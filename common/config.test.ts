import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';

describe('configuration', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config).toMatchObject({
      NEO4J_USER: 'neo4j',
      PORT: 8080,
      HOST: '127.0.0.1',
      NOTES_DIR: './notes',
      LOCAL_NEO4J_DATA: '.data/neo4j',
      LOCAL_NEO4J_HEAP_MB: 1024,
      CYPHER_TIMEOUT_MS: 5000,
      CYPHER_MAX_ROWS: 1000,
    });
  });

  it('treats an empty NEO4J_URI as unset, so .env.example can be copied as it is', () => {
    const config = parseConfig({ NEO4J_URI: '', NEO4J_PASSWORD: '' });
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_PASSWORD).toBeUndefined();
  });

  it.each(['bolt://localhost:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io', 'bolt+ssc://h:1'])(
    'accepts the Neo4j URI %s',
    (uri) => {
      expect(parseConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    },
  );

  it.each([
    [{ NEO4J_URI: 'http://localhost:7474' }, /NEO4J_URI/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('rejects %o with a message naming the variable', (env, name) => {
    expect(() => parseConfig(env)).toThrow(name);
  });

  it('names every invalid variable at once', () => {
    expect(() => parseConfig({ PORT: 'x', CYPHER_MAX_ROWS: '0' })).toThrow(/PORT[\s\S]*CYPHER_MAX_ROWS/);
  });
});
