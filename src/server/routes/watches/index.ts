// Watching physicians (commands/watches.ts): the caller's watch list, one physician's watch state,
// and watching / no longer watching one (audited). Per user: not in the read cache.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listWatched, setWatch, watchState } from '../../../commands/watches';
import { ALL_ROLES, actorOf } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { npiParam } from '../../lib/schemas';
import { run } from '../crm/lib';

const watcher = (req: FastifyRequest) => {
  const a = actorOf(req);
  if (a.id === null) throw new HttpError(403, 'watching belongs to a signed-in user; an API token has none');
  return { id: a.id, label: a.email, ip: req.ip };
};

export default async function watchRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/watches', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['notifications'], summary: 'The physicians you watch' },
    handler: async (req) => ({ items: await listWatched(db, watcher(req).id) }),
  });

  app.get('/api/watches/:npi', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'Whether you watch this physician, and how many people do',
      params: npiParam,
    },
    handler: async (req) => watchState(db, watcher(req).id, req.params.npi),
  });

  app.put('/api/watches/:npi', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['notifications'],
      summary:
        'Watch a physician (be told when others log an activity with them, report an issue about them, or an alert finds them shifting), or stop',
      params: npiParam,
      body: z.strictObject({ watching: z.boolean() }),
    },
    handler: async (req) => run(() => setWatch(db, watcher(req), req.params.npi, req.body.watching)),
  });
}
