import { NotegraphError } from '../../common/errors.js';
import type { PathResponse } from '../../common/contract.js';
import { readShortestPaths } from '../../queries/paths.js';
import { pathQuery } from '../api-schemas.js';
import { defineRoute } from '../route-spec.js';

export const pathRoutes = [
  defineRoute({
    method: 'get',
    path: '/path',
    summary: 'Shortest paths between two concepts over typed and co-occurrence edges, as graph elements',
    query: pathQuery,
    returns: 'PathResponse',
    errors: [404],
    handler: async ({ query }, { db }): Promise<PathResponse> => {
      const paths = await readShortestPaths(db, query);
      if (!paths) throw new NotegraphError('NOT_FOUND', `no concept with id "${query.from}" or "${query.to}"`, { details: { from: query.from, to: query.to } });
      return paths;
    },
  }),
];
