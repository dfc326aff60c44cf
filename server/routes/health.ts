import type { HealthResponse } from '../../common/contract.js';
import { readDatabaseStatus } from '../../queries/health.js';
import { defineRoute } from '../route-spec.js';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    summary: 'Database reachable, Neo4j version and graph counts; 503 with the reason when Neo4j is down',
    returns: 'HealthResponse',
    handler: async (_input, { db }): Promise<HealthResponse> => {
      const status = await readDatabaseStatus(db);
      return {
        status: 'ok',
        neo4j: { version: status.version, edition: status.edition, address: status.address, database: db.name },
        counts: { sources: status.sources, notes: status.notes, concepts: status.concepts, relations: status.relations },
      };
    },
  }),
];
