// Sessions: everyone sees and ends their own (sign out everywhere); admins do it for any user.
import { z } from 'zod';
import { ALL_ROLES, actorOf, SESSION_COOKIE } from '../../auth/guard';
import { currentSessionId, listSessions, revokeAllSessions, revokeSession } from '../../auth/sessionAdmin';
import type { App, ServerContext } from '../../context';
import { badRequest, HttpError, notFound } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';

const userIdField = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export default async function sessionRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  /** Whose sessions: your own, or (admins only) another user's. */
  const targetUser = (req: Parameters<typeof actorOf>[0], userId?: number) => {
    const a = actorOf(req);
    if (userId !== undefined && userId !== a.id) {
      if (a.role !== 'admin') throw new HttpError(403, 'Only admins may manage other users’ sessions');
      return userId;
    }
    if (!a.id) throw badRequest('API tokens have no sessions; pass userId');
    return a.id;
  };
  const who = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    return { id: a.id, label: a.email, ip: req.ip };
  };

  app.get('/api/sessions', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['sessions'],
      summary: 'Active sessions of you (or, for admins, of userId)',
      querystring: z.strictObject({ userId: userIdField.optional() }),
    },
    handler: async (req) => {
      const userId = targetUser(req, req.query.userId);
      return { items: await listSessions(db, userId, currentSessionId(req.cookies[SESSION_COOKIE])) };
    },
  });

  app.delete('/api/sessions/:handle', {
    config: { roles: ALL_ROLES, rateLimit: rateLimitFor('write', config) },
    schema: {
      tags: ['sessions'],
      summary: 'End one session (by its handle from GET /api/sessions)',
      params: z.strictObject({
        handle: z.string().regex(/^[0-9a-f]{16}$/, 'must be a 16-hex-digit session handle'),
      }),
      querystring: z.strictObject({ userId: userIdField.optional() }),
    },
    handler: async (req) => {
      const userId = targetUser(req, req.query.userId);
      if (!(await revokeSession(db, who(req), userId, req.params.handle)))
        throw notFound(`session ${req.params.handle}`);
      return { ok: true as const };
    },
  });

  app.post('/api/sessions/revoke-all', {
    config: { roles: ALL_ROLES, rateLimit: rateLimitFor('write', config) },
    schema: {
      tags: ['sessions'],
      summary:
        'Sign out everywhere: end all sessions of you (or, for admins, of userId); scope "others" keeps this one',
      body: z.strictObject({ scope: z.enum(['all', 'others']), userId: userIdField.optional() }),
    },
    handler: async (req, reply) => {
      const a = actorOf(req);
      const userId = targetUser(req, req.body.userId);
      const own = userId === a.id;
      const current = currentSessionId(req.cookies[SESSION_COOKIE]);
      const keep = own && req.body.scope === 'others' ? current : null;
      const ended = await revokeAllSessions(db, who(req), userId, keep);
      if (own && req.body.scope === 'all') reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const, ended };
    },
  });
}
