// Field app: POST /api/sync applies a batch of offline mutations in order, exactly once (idempotency
// keys); GET /api/field/bundle returns what the phone caches for a day.
import { z } from 'zod';
import { fieldBundle } from '../../../commands/field/bundle';
import { syncItem } from '../../../commands/field/payloads';
import { applySyncBatch } from '../../../commands/field/sync';
import { NetworkError } from '../../../commands/network/errors';
import { actorOf, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { crmActor } from '../crm/lib';

const MAX_BATCH = 100;
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  // getTime() first: toISOString() throws on an invalid date (2024-13-45), which would be a 500
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a calendar date');

export default async function syncRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.post('/api/sync', {
    config: { roles: STAFF },
    schema: {
      tags: ['field'],
      summary:
        'Apply offline mutations in order, each exactly once: per item applied, conflict (with the current record), rejected, or error (send again)',
      body: z.strictObject({ items: z.array(syncItem).min(1).max(MAX_BATCH) }),
    },
    handler: async (req) => {
      const actor = crmActor(req);
      if (actor.id === null)
        throw new HttpError(400, 'sync needs a user account (API tokens of the system cannot sync)');
      return applySyncBatch(db, actor, req.body.items);
    },
  });

  app.get('/api/field/bundle', {
    config: { roles: STAFF },
    schema: {
      tags: ['field'],
      summary: 'What the phone caches for a day: route, targets, provider/organization cards, tasks, alerts',
      querystring: z.strictObject({ date: isoDate.optional() }),
    },
    handler: async (req) => {
      const a = actorOf(req);
      if (a.id === null) throw new HttpError(400, 'the field bundle is per user; sign in as a user');
      const date = req.query.date ?? new Date().toISOString().slice(0, 10);
      try {
        return await fieldBundle(db, { id: a.id, email: a.email, name: a.name }, date);
      } catch (e) {
        if (e instanceof NetworkError) throw new HttpError(e.status, e.message);
        throw e;
      }
    },
  });
}
