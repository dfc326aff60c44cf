import { inject } from 'vitest';
import { Database } from '../../queries/database.js';

/** A Database connected to the run's Neo4j (started by global-setup). Close it in afterAll. */
export function connectTestDatabase(): Database {
  return new Database({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword') || undefined,
  });
}

/** A prefix unique to one test file's run, so tests own their data and never collide. */
export function uniquePrefix(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
