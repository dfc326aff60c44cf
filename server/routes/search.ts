import type { SearchResponse } from '../../common/contract.js';
import { searchQuery } from '../api-schemas.js';
import { defineRoute } from '../route-spec.js';
import { searchGraph } from '../use-cases/search.js';

export const searchRoutes = [
  defineRoute({
    method: 'get',
    path: '/search',
    summary: 'Full-text search over concept names and aliases and note text (Chinese and English), with snippets; prefix matches for autocomplete',
    query: searchQuery,
    returns: 'SearchResponse',
    handler: async ({ query }, { db }): Promise<SearchResponse> => searchGraph(db, query),
  }),
];
