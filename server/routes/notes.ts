import { NotegraphError } from '../../common/errors.js';
import type { NoteDetailResponse } from '../../common/contract.js';
import { readNoteDetail } from '../../queries/notes.js';
import { idParams } from '../api-schemas.js';
import { defineRoute } from '../route-spec.js';

export const noteRoutes = [
  defineRoute({
    method: 'get',
    path: '/notes/:id',
    summary: 'One note with the previous and next note of its source file and the concepts it mentions',
    params: idParams,
    returns: 'NoteDetailResponse',
    errors: [404],
    handler: async ({ params }, { db }): Promise<NoteDetailResponse> => {
      const note = await readNoteDetail(db, params.id);
      if (!note) throw new NotegraphError('NOT_FOUND', `no note with id "${params.id}"`, { details: { id: params.id } });
      return note;
    },
  }),
];
