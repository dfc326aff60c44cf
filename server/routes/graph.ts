import type { GraphResponse } from '../../common/contract.js';
import { readOverview } from '../../queries/overview.js';
import { graphQuery } from '../api-schemas.js';
import { defineRoute } from '../route-spec.js';

export const graphRoutes = [
  defineRoute({
    method: 'get',
    path: '/graph',
    summary: 'Overview: the top concepts by rank and the typed and co-occurrence edges among them; with a time range, only concepts and edges with notes in it',
    query: graphQuery,
    returns: 'GraphResponse',
    handler: async ({ query }, { db }): Promise<GraphResponse> => {
      const overview = await readOverview(db, query);
      return { ...overview, capped: overview.totalConcepts > overview.nodes.length };
    },
  }),
];
