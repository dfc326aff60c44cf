import { buildOpenApiDocument } from '../openapi.js';
import { defineRoute, type RouteSpec } from '../route-spec.js';
import { conceptRoutes } from './concepts.js';
import { curationRouteDocs } from './curation.js';
import { cypherRoutes } from './cypher.js';
import { graphRoutes } from './graph.js';
import { healthRoutes } from './health.js';
import { noteRoutes } from './notes.js';
import { pathRoutes } from './path.js';
import { searchRoutes } from './search.js';

const resourceRoutes: RouteSpec[] = [
  ...healthRoutes,
  ...graphRoutes,
  ...conceptRoutes,
  ...pathRoutes,
  ...searchRoutes,
  ...noteRoutes,
  ...cypherRoutes,
];

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

const openApiRoute = defineRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'This API described as OpenAPI 3, generated from the zod schemas that validate each route',
  returns: 'OpenAPI document',
  handler: async () => {
    document ??= buildOpenApiDocument([...apiRoutes, ...curationRouteDocs]);
    return document;
  },
});

/** Every /api route, in the order they are mounted. */
export const apiRoutes: RouteSpec[] = [...resourceRoutes, openApiRoute];
