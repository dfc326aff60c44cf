import type { CypherResponse, SchemaResponse } from '../../common/contract.js';
import { readCatalog } from '../../queries/catalog.js';
import { runUserCypher } from '../../queries/user-cypher.js';
import { cypherBody } from '../api-schemas.js';
import { defineRoute } from '../route-spec.js';

export const cypherRoutes = [
  defineRoute({
    method: 'get',
    path: '/schema',
    summary: 'Labels, relationship types and property keys (for the Cypher editor completion)',
    returns: 'SchemaResponse',
    handler: async (_input, { db }): Promise<SchemaResponse> => readCatalog(db),
  }),
  defineRoute({
    method: 'post',
    path: '/cypher',
    summary: 'Runs one read-only Cypher query (EXPLAIN must say read-only) with a timeout and a row cap',
    body: cypherBody,
    returns: 'CypherResponse',
    errors: [408, 413],
    handler: async ({ body }, { db, cypherLimits }): Promise<CypherResponse> =>
      runUserCypher(db, body.query, body.params, cypherLimits),
  }),
];
