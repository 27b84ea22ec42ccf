// Calendar subscription: each user can create a private ICS feed URL of their planned visits and open
// tasks. Calendar apps cannot sign in, so the feed itself is public and the random token in its URL is
// the credential (only its SHA-256 is stored; rotating or revoking ends the old URL at once).
import { z } from 'zod';
import {
  calendarFeedFor,
  calendarStatus,
  revokeCalendarToken,
  rotateCalendarToken,
} from '../../../commands/reports/calendarFeed';
import { actorOf, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';

const FEED_PATH = '/api/calendar/feed';

export default async function calendarRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  const me = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    if (a.id === null)
      throw new HttpError(400, 'An API token has no calendar of its own; sign in as the user');
    return { id: a.id, label: a.email, ip: req.ip };
  };

  app.get('/api/calendar', {
    config: { roles: STAFF },
    schema: { tags: ['calendar'], summary: 'Whether you have a calendar feed, and since when' },
    handler: async (req) => calendarStatus(db, me(req).id),
  });

  app.post('/api/calendar/token', {
    config: { roles: STAFF, rateLimit: rateLimitFor('write', config) },
    schema: {
      tags: ['calendar'],
      summary: 'Create (or replace) your private calendar feed URL; it is shown only in this answer',
    },
    handler: async (req, reply) => {
      const token = await rotateCalendarToken(db, me(req));
      const path = `${FEED_PATH}/${token}/rounds.ics`;
      reply.status(201);
      return { path, url: `${req.protocol}://${req.host}${path}` };
    },
  });

  app.delete('/api/calendar/token', {
    config: { roles: STAFF },
    schema: { tags: ['calendar'], summary: 'Turn off your calendar feed (the old URL stops working)' },
    handler: async (req) => {
      await revokeCalendarToken(db, me(req));
      return { ok: true as const };
    },
  });

  app.get(`${FEED_PATH}/:token/rounds.ics`, {
    // Public on purpose: the token is the credential. Rate-limited per IP against guessing.
    config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['calendar'],
      summary: 'ICS feed of planned visits and open tasks (private token URL)',
      params: z.strictObject({ token: z.string().max(200) }),
    },
    handler: async (req, reply) => {
      const ics = await calendarFeedFor(db, req.params.token, req.hostname);
      if (ics === null) throw new HttpError(404, 'token: no calendar feed with this token');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  });
}
