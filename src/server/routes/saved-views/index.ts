// Saved views: a user's named filters for a list page (the page's URL query string). Not in the
// read cache: the answer depends on who asks, and the writes announce no change (db/changes.ts).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { deleteSavedView, listSavedViews, SavedViewError, saveView } from '../../../commands/savedViews';
import { VIEW_NAME_MAX, VIEW_PAGES, VIEW_QUERY_MAX } from '../../../core/savedViews';
import { ALL_ROLES, actorOf } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { idParam, text } from '../../lib/schemas';

async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof SavedViewError) throw new HttpError(e.status, e.message);
    throw e;
  }
}

const who = (req: FastifyRequest) => {
  const a = actorOf(req);
  return { id: a.id, label: a.email, role: a.role, ip: req.ip };
};

export default async function savedViewRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/saved-views', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['saved-views'],
      summary: 'Your saved views and everyone’s shared ones (of one page, or all): yours first, then by name',
      querystring: z.strictObject({ page: z.enum(VIEW_PAGES).optional() }),
    },
    handler: async (req) => ({ items: await listSavedViews(db, actorOf(req).id, req.query.page) }),
  });

  app.post('/api/saved-views', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['saved-views'],
      summary:
        'Save the filters of a list page under a name (201); the same name on the same page replaces that view (200)',
      body: z.strictObject({
        page: z.enum(VIEW_PAGES),
        name: text(VIEW_NAME_MAX).pipe(z.string().min(1)),
        query: text(VIEW_QUERY_MAX),
        shared: z.boolean().optional(),
      }),
    },
    handler: async (req, reply) => {
      const { view, created } = await run(() => saveView(db, who(req), req.body));
      reply.status(created ? 201 : 200);
      return view;
    },
  });

  app.delete('/api/saved-views/:id', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['saved-views'],
      summary: 'Delete a saved view (its owner, or an admin)',
      params: idParam,
    },
    handler: async (req, reply) => {
      await run(() => deleteSavedView(db, who(req), req.params.id));
      return reply.status(204).send();
    },
  });
}
