import { Router } from 'express';
import type { z } from 'zod';
import type { CurationResult, CurationStatus } from '../../common/curation-contract.js';
import { addConceptBody, addRelationBody, hideBody, kindBody, mergeBody, relationBody, renameBody, splitBody, undoBody } from '../curation/commands.js';
import type { CurationService } from '../curation/curation-service.js';
import { requireEditAccess, type EditAccess } from '../curation/edit-access.js';
import type { LiveEvents } from '../live-events.js';
import type { RouteDoc } from '../route-spec.js';
import { parseBody } from '../validate.js';

/**
 * Curation and live-notes routes: GET /api/curation (may this explorer edit, what can be undone), GET /api/events
 * (server-sent events), and one POST per command. Every POST passes the edit guard first (same origin, loopback
 * or token) and is validated by its schema; none of them takes Cypher.
 */
export interface CurationRoutesDeps {
  service: CurationService;
  events: LiveEvents;
  access: EditAccess;
}

interface CommandRoute {
  path: string;
  summary: string;
  body: z.ZodType;
  /** Validates the raw body with `body` and runs the command. */
  run: (service: CurationService, rawBody: unknown) => Promise<CurationResult>;
}

function route<S extends z.ZodType>(path: string, summary: string, body: S, run: (service: CurationService, body: z.infer<S>) => Promise<CurationResult>): CommandRoute {
  return { path, summary, body, run: (service, rawBody) => run(service, parseBody(body, rawBody)) };
}

const commandRoutes: CommandRoute[] = [
  route('/curation/rename', 'Renames a concept (the id stays; the old name becomes an alias)', renameBody, (service, body) => service.execute({ command: 'rename', body })),
  route('/curation/kind', 'Changes the kind of a concept', kindBody, (service, body) => service.execute({ command: 'kind', body })),
  route('/curation/merge', 'Merges one concept into another: names become aliases, notes and edges combine', mergeBody, (service, body) => service.execute({ command: 'merge', body })),
  route('/curation/split', 'Splits an alias off its concept into a concept of its own', splitBody, (service, body) => service.execute({ command: 'split', body })),
  route('/curation/hide', 'Hides a concept: its name becomes a stopword and it goes with its edges', hideBody, (service, body) => service.execute({ command: 'hide', body })),
  route('/curation/concepts', 'Makes a concept from text selected in a note', addConceptBody, (service, body) => service.execute({ command: 'concept', body })),
  route('/curation/relations/remove', 'Removes a wrong typed relation', relationBody, (service, body) => service.execute({ command: 'remove-relation', body })),
  route('/curation/relations/add', 'Adds a typed relation with the selected sentence as its evidence', addRelationBody, (service, body) => service.execute({ command: 'add-relation', body })),
  route('/curation/undo', 'Takes back the latest change (files and graph)', undoBody, (service, body) => service.undo(body.changeId)),
];

/** The curation routes as documentation rows (for /api/openapi.json). */
export const curationRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/curation', summary: 'Whether this explorer may correct the graph, and what Undo would take back', returns: 'CurationStatus' },
  { method: 'get', path: '/events', summary: 'Server-sent events: notes re-ingested, graph recomputed, curation by another window', returns: 'text/event-stream of LiveEvent' },
  ...commandRoutes.map((command): RouteDoc => ({ method: 'post', path: command.path, summary: command.summary, body: command.body, returns: 'CurationResult', errors: [401, 403, 404, 409, 413] })),
];

/** Without curation (an API-only app, benchmarks): GET /api/curation still answers, saying nothing can be edited. */
export function readOnlyCurationRouter(): Router {
  const router = Router();
  const status: CurationStatus = {
    editable: false,
    access: 'read-only',
    message: 'This server was started without curation, so the graph is read-only.',
    undo: null,
    watching: false,
    events: false,
  };
  router.get('/curation', (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    response.json(status);
  });
  return router;
}

export function curationRouter({ service, events, access }: CurationRoutesDeps): Router {
  const router = Router();
  router.get('/curation', (_request, response) => {
    const status: CurationStatus = service.status();
    response.setHeader('Cache-Control', 'no-store');
    response.json(status);
  });
  router.get('/events', events.handler());
  const guard = requireEditAccess(access);
  for (const command of commandRoutes) {
    router.post(command.path, guard, async (request, response) => {
      response.json(await command.run(service, request.body ?? {}));
    });
  }
  return router;
}
