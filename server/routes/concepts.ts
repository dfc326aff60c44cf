import { NotegraphError } from '../../common/errors.js';
import type { ConceptDetailResponse, NeighborsResponse, RelatedResponse } from '../../common/contract.js';
import { readConceptDetail } from '../../queries/concepts.js';
import { readNeighbors } from '../../queries/neighbors.js';
import { readRelated } from '../../queries/related.js';
import { conceptQuery, idParams, neighborsQuery, relatedQuery } from '../api-schemas.js';
import { defineRoute } from '../route-spec.js';

function found<T>(value: T | null, id: string): T {
  if (value === null) throw new NotegraphError('NOT_FOUND', `no concept with id "${id}"`, { details: { id } });
  return value;
}

export const conceptRoutes = [
  defineRoute({
    method: 'get',
    path: '/concepts/:id',
    summary: 'A concept with a page of the distinct notes that mention it (highlight spans, every place with its lines), optionally in a time range, and its typed relations',
    params: idParams,
    query: conceptQuery,
    returns: 'ConceptDetailResponse',
    errors: [404],
    handler: async ({ params, query }, { db }): Promise<ConceptDetailResponse> =>
      found(await readConceptDetail(db, params.id, { offset: query.offset, limit: query.limit }, query), params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/concepts/:id/neighbors',
    summary: 'The neighbourhood of a concept to a depth (local graph, expand), optionally over chosen relationship types, capped at `limit` neighbours',
    params: idParams,
    query: neighborsQuery,
    returns: 'NeighborsResponse',
    errors: [404],
    handler: async ({ params, query }, { db }): Promise<NeighborsResponse> =>
      found(await readNeighbors(db, params.id, query), params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/concepts/:id/related',
    summary: 'Related topics with evidence (shared notes, concepts both have the same typed relation with), in words',
    params: idParams,
    query: relatedQuery,
    returns: 'RelatedResponse',
    errors: [404],
    handler: async ({ params, query }, { db }): Promise<RelatedResponse> => ({
      concept: params.id,
      related: found(await readRelated(db, params.id, query.limit), params.id),
    }),
  }),
];
