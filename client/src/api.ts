/**
 * The HTTP edge of the client: one typed function per /api route. Errors come back as ApiError carrying the
 * server's stable code, message and details (e.g. a Cypher syntax error's position).
 */
import type {
  ConceptDetailResponse,
  CypherRequest,
  CypherResponse,
  ErrorResponse,
  GraphQuery,
  GraphResponse,
  NeighborsResponse,
  NoteDetailResponse,
  NoteTimeRange,
  PathResponse,
  RelatedResponse,
  SchemaResponse,
  SearchResponse,
} from '../../common/contract.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | boolean | string[] | number[] | undefined | null;

/** Builds `path?query`, dropping empty values; arrays become comma-separated lists. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `/api${path}?${text}` : `/api${path}`;
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  return typeof body === 'object' && body !== null && 'error' in body && typeof (body as ErrorResponse).error?.message === 'string';
}

async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', `The server did not answer (${String(cause)}). Is it running?`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorResponse(body)) throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
    throw new ApiError(response.status, 'HTTP', `The server answered ${response.status} ${response.statusText}.`);
  }
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  graph: (query: GraphQuery) =>
    requestJson<GraphResponse>(
      apiUrl('/graph', { limit: query.limit, kinds: query.kinds, communities: query.communities, minWeight: query.minWeight, from: query.from, to: query.to, undated: query.undated }),
    ),
  concept: (id: string, query: { offset?: number; limit?: number } & NoteTimeRange = {}) =>
    requestJson<ConceptDetailResponse>(apiUrl(`/concepts/${enc(id)}`, { ...query })),
  neighbors: (id: string, options: { depth?: number; limit?: number; types?: string[] } = {}) =>
    requestJson<NeighborsResponse>(apiUrl(`/concepts/${enc(id)}/neighbors`, options)),
  related: (id: string, limit = 10) => requestJson<RelatedResponse>(apiUrl(`/concepts/${enc(id)}/related`, { limit })),
  path: (from: string, to: string, maxLength?: number) => requestJson<PathResponse>(apiUrl('/path', { from, to, maxLength })),
  search: (q: string, limit = 10, signal?: AbortSignal) =>
    requestJson<SearchResponse>(apiUrl('/search', { q, limit }), { signal }),
  note: (id: string) => requestJson<NoteDetailResponse>(apiUrl(`/notes/${enc(id)}`)),
  schema: () => requestJson<SchemaResponse>(apiUrl('/schema')),
  /** Sent once: a timeout (504 CYPHER_TIMEOUT, or 408 from older servers) is final, never retried here. */
  cypher: (request: CypherRequest, signal?: AbortSignal) =>
    requestJson<CypherResponse>(apiUrl('/cypher'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal,
    }),
};
