// Shifting-referrer alerts: list (a liaison sees their territories), detail, acknowledge, assign,
// resolve, and an on-demand detector run.
import { z } from 'zod';
import {
  AlertError,
  acknowledgeAlert,
  assignAlert,
  resolveAlert,
  runAlertDetection,
} from '../../../commands/referrals/alerts';
import { alertInUserTerritory, getAlert, listAlerts } from '../../../db/queries/referrals/alerts';
import { ALL_ROLES, actorOf, MANAGERS, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { idParam, idQuery, text } from '../../lib/schemas';
import { monthField } from '../referrals/schemas';

export default async function alertRoutes(app: App, { database }: ServerContext) {
  const db = database.db;
  const who = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    return { id: a.id, label: a.email, ip: req.ip, role: a.role };
  };
  const check = (userId: number, alertId: number) => alertInUserTerritory(db, userId, alertId);
  const wrap = async <T>(fn: () => Promise<T>) => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AlertError) throw new HttpError(e.status, e.message);
      throw e;
    }
  };

  app.get('/api/alerts', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['alerts'],
      summary:
        'Shifting-referrer alerts, most significant first; liaisons see the physicians in their territories',
      querystring: z.strictObject({
        status: z.enum(['open', 'new', 'acknowledged', 'assigned', 'resolved']).default('open'),
        asOf: monthField.optional(),
        county: z
          .string()
          .regex(/^\d{5}$/, 'must be a 5-digit county FIPS')
          .optional(),
        zip: z
          .string()
          .regex(/^\d{5}$/, 'must be a 5-digit ZIP')
          .optional(),
        territoryId: idQuery.optional(),
        mine: z.enum(['true', 'false']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
    },
    handler: async (req) => {
      const a = actorOf(req);
      const q = req.query;
      const items = await listAlerts(db, {
        ...q,
        territoryUserId: a.role === 'liaison' && a.id !== null ? a.id : undefined,
        assigneeUserId: q.mine === 'true' && a.id !== null ? a.id : undefined,
      });
      return { items, scopedToTerritories: a.role === 'liaison' };
    },
  });

  app.get('/api/alerts/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['alerts'], summary: 'One alert with its evidence series', params: idParam },
    handler: async (req) => {
      const a = actorOf(req);
      const alert = await getAlert(db, req.params.id);
      if (!alert || (a.role === 'liaison' && a.id !== null && !(await check(a.id, alert.id))))
        throw new HttpError(404, `alert ${req.params.id} not found`);
      return alert;
    },
  });

  app.post('/api/alerts/:id/acknowledge', {
    config: { roles: STAFF },
    schema: {
      tags: ['alerts'],
      summary: 'Acknowledge an alert',
      params: idParam,
      body: z.strictObject({}).optional(),
    },
    handler: async (req) => wrap(() => acknowledgeAlert(db, who(req), req.params.id, check)),
  });

  app.post('/api/alerts/:id/assign', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['alerts'],
      summary: 'Assign an alert to a user',
      params: idParam,
      body: z.strictObject({
        assigneeUserId: z
          .number()
          .int()
          .positive()
          .max(2 ** 53 - 1),
      }),
    },
    handler: async (req) =>
      wrap(() => assignAlert(db, who(req), req.params.id, req.body.assigneeUserId, check)),
  });

  app.post('/api/alerts/:id/resolve', {
    config: { roles: STAFF },
    schema: {
      tags: ['alerts'],
      summary: 'Resolve an alert with an optional note',
      params: idParam,
      body: z.strictObject({ note: text(2000).optional() }).optional(),
    },
    handler: async (req) =>
      wrap(() => resolveAlert(db, who(req), req.params.id, req.body?.note ?? null, check)),
  });

  app.post('/api/alerts/run', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['alerts'],
      summary: 'Run the shifting-referrer detector over the whole market now',
      body: z.strictObject({ asOf: monthField.optional() }).optional(),
    },
    handler: async (req) => {
      const r = await runAlertDetection(db, {
        asOf: req.body?.asOf,
        trigger: `manual:${actorOf(req).email}`,
      });
      return r ?? { message: 'No referral data imported yet; nothing to test.' };
    },
  });
}
