import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errorCodes } from '../common/errors.js';
import type { RouteDoc } from './route-spec.js';

const errorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input; `error.details.field` names the parameter',
  404: 'Unknown id',
  408: 'The query ran past its time limit',
  413: 'The request body is over the size limit',
  503: 'Neo4j is not reachable',
};

/** `/concepts/:id` → `/concepts/{id}`. */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

/** The OpenAPI 3 document of the given routes, generated from the zod schemas that validate them. */
export function buildOpenApiDocument(routes: RouteDoc[]): ReturnType<OpenApiGeneratorV3['generateDocument']> {
  const registry = new OpenAPIRegistry();
  for (const route of routes) {
    const statuses = [400, ...(route.errors ?? []), 503];
    registry.registerPath({
      method: route.method,
      path: `/api${toOpenApiPath(route.path)}`,
      summary: route.summary,
      request: {
        params: route.params,
        query: route.query,
        body: route.body ? { required: true, content: { 'application/json': { schema: route.body } } } : undefined,
      },
      responses: {
        200: { description: `JSON: ${route.returns} (see common/contract.ts)` },
        ...Object.fromEntries(
          statuses.map((status) => [status, { description: errorDescriptions[status] ?? 'Error', content: { 'application/json': { schema: errorBody } } }]),
        ),
      },
    });
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: 'notegraph API', version: '0.1.0', description: 'Knowledge graph of technical notes, served from Neo4j.' },
  });
}
