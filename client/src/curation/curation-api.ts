/**
 * The HTTP edge of curation in the client: one typed call per POST /api/curation/* route, the status, and the
 * edit token a network-facing server asks for (kept for this tab only, in sessionStorage).
 */
import type { ErrorResponse } from '../../../common/contract.js';
import type {
  AddConceptCommand,
  AddRelationCommand,
  CurationResult,
  CurationStatus,
  HideCommand,
  KindCommand,
  MergeCommand,
  RelationCommand,
  RenameCommand,
  SplitCommand,
} from '../../../common/curation-contract.js';
import { ApiError } from '../api.js';

const tokenKey = 'notegraph-edit-token';

export const editToken = {
  get: (): string | null => sessionStorage.getItem(tokenKey),
  set: (token: string): void => sessionStorage.setItem(tokenKey, token),
  clear: (): void => sessionStorage.removeItem(tokenKey),
};

async function post<T>(path: string, body: unknown): Promise<T> {
  const token = editToken.get();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', `The server did not answer (${String(cause)}). Is it running?`);
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return answer as T;
  const error = (answer as ErrorResponse | null)?.error;
  throw new ApiError(response.status, error?.code ?? 'HTTP', error?.message ?? `The server answered ${response.status}.`, error?.details);
}

export const curationApi = {
  status: async (): Promise<CurationStatus | null> => {
    const response = await fetch('/api/curation', { headers: { accept: 'application/json' } }).catch(() => null);
    return response?.ok ? ((await response.json()) as CurationStatus) : null;
  },
  rename: (command: RenameCommand) => post<CurationResult>('/curation/rename', command),
  kind: (command: KindCommand) => post<CurationResult>('/curation/kind', command),
  merge: (command: MergeCommand) => post<CurationResult>('/curation/merge', command),
  split: (command: SplitCommand) => post<CurationResult>('/curation/split', command),
  hide: (command: HideCommand) => post<CurationResult>('/curation/hide', command),
  addConcept: (command: AddConceptCommand) => post<CurationResult>('/curation/concepts', command),
  removeRelation: (command: RelationCommand) => post<CurationResult>('/curation/relations/remove', command),
  addRelation: (command: AddRelationCommand) => post<CurationResult>('/curation/relations/add', command),
  undo: (changeId: string) => post<CurationResult>('/curation/undo', { changeId }),
};
