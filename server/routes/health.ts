import type { HealthResponse } from '../../common/contract.js';
import { defineRoute } from '../route-spec.js';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    summary:
      'Database reachable, Neo4j version and graph counts; 503 with the reason when Neo4j is down. Answers in about 0.1 s: while Neo4j is too busy to answer a fresh probe in that time, the last successful one (at most 30 s old) is reported with its age',
    returns: 'HealthResponse',
    handler: async (_input, { health, db }): Promise<HealthResponse> => {
      const { status, checkedAt, ageMs } = await health.check();
      return {
        status: 'ok',
        neo4j: { version: status.version, edition: status.edition, address: status.address, database: db.name },
        counts: { sources: status.sources, notes: status.notes, concepts: status.concepts, relations: status.relations },
        checked: { at: new Date(checkedAt).toISOString(), ageMs },
      };
    },
  }),
];
