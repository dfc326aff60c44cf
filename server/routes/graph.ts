import { Router } from 'express';
import { z } from 'zod';
import type { GraphResponse } from '../../common/contract.js';
import type { Database } from '../../queries/database.js';
import { readOverview } from '../../queries/overview.js';
import { parseQuery } from '../validate.js';

const graphQuery = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(300) });

export function graphRouter(db: Database): Router {
  const router = Router();
  router.get('/graph', async (request, response) => {
    const { limit } = parseQuery(graphQuery, request.query);
    const elements = await readOverview(db, limit);
    const body: GraphResponse = { ...elements, capped: elements.nodes.length >= limit, totalConcepts: elements.nodes.length };
    response.json(body);
  });
  return router;
}
