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
    summary: 'A concept with a page of the notes that mention it (highlight spans, source, lines) and its typed relations',
    params: idParams,
    query: conceptQuery,
    returns: 'ConceptDetailResponse',
    errors: [404],
    handler: async ({ params, query }, { db }): Promise<ConceptDetailResponse> =>
      found(await readConceptDetail(db, params.id, query), params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/concepts/:id/neighbors',
    summary: 'The neighbourhood of a concept for expanding it, capped at `limit` neighbours',
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
    summary: 'Related topics that are not direct neighbours, with a score and its reasons',
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
