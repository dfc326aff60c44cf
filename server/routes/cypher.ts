import type { SchemaResponse } from '../../common/contract.js';
import { readCatalog } from '../../queries/catalog.js';
import { runUserCypher } from '../../queries/user-cypher.js';
import { cypherBody } from '../api-schemas.js';
import { JsonBytes, defineRoute } from '../route-spec.js';

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
    summary:
      'Runs one read-only Cypher query (parse-tree allow-list, then EXPLAIN must say read-only) within a time limit, a row cap and a byte budget',
    body: cypherBody,
    returns: 'CypherResponse',
    errors: [403, 409, 413, 415, 422, 429, 504],
    handler: async ({ body }, { db, cypherLimits, consoleAdmission }, context): Promise<JsonBytes> =>
      new JsonBytes(await runUserCypher(db, consoleAdmission, { query: body.query, params: body.params, ...context }, cypherLimits)),
  }),
];
