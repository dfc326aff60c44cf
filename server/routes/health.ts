import { Router } from 'express';
import type { HealthResponse } from '../../common/contract.js';
import type { Database } from '../../queries/database.js';
import { readDatabaseStatus } from '../../queries/health.js';

export function healthRouter(db: Database): Router {
  const router = Router();
  router.get('/health', async (_request, response) => {
    const status = await readDatabaseStatus(db);
    const body: HealthResponse = {
      status: 'ok',
      neo4j: { version: status.version, edition: status.edition, address: status.address, database: db.name },
      counts: { sources: status.sources, notes: status.notes, concepts: status.concepts, relations: status.relations },
    };
    response.json(body);
  });
  return router;
}
