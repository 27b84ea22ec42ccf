// Goals API: managers set goals per liaison, team or campaign; everyone sees progress, pace and the
// projection (liaisons their own). Metric definitions are served so the UI shows them under each ring.
import { z } from 'zod';
import { DashboardError, isoToday } from '../../../commands/dashboards/panel';
import { createGoal, deleteGoal, updateGoal } from '../../../commands/goals/manage';
import { goalsPanel } from '../../../commands/goals/panel';
import { GoalError } from '../../../commands/goals/validate';
import { GOAL_METRICS, METRIC_DEFINITIONS } from '../../../core/goals/metrics';
import { ALL_ROLES, actorOf, MANAGERS } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { idParam, text } from '../../lib/schemas';

export const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a real date');
const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

export async function asHttp<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof GoalError || e instanceof DashboardError) throw new HttpError(e.status, e.message);
    throw e;
  }
}

export default async function goalRoutes(app: App, { database }: ServerContext) {
  const db = database.db;
  const who = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    return { id: a.id, label: a.email, ip: req.ip };
  };

  app.get('/api/goals/metrics', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['goals'], summary: 'Goal metrics and how each is measured' },
    handler: async () => ({ items: GOAL_METRICS.map((m) => METRIC_DEFINITIONS[m]) }),
  });

  app.get('/api/goals', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['goals'],
      summary: 'Goals active on a day with progress, pace and projection (liaisons see their own)',
      querystring: z.strictObject({
        activeOn: dateField.optional(),
        ownerId: z.coerce
          .number()
          .int()
          .positive()
          .max(2 ** 31 - 1)
          .optional(),
      }),
    },
    handler: async (req) => {
      const a = actorOf(req);
      return asHttp(() =>
        goalsPanel(db, { id: a.id, role: a.role }, req.query.activeOn ?? isoToday(), req.query.ownerId),
      );
    },
  });

  app.post('/api/goals', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['goals'],
      summary: 'Set a goal for a liaison, the team or a campaign (target list)',
      body: z.strictObject({
        scope: z.enum(['liaison', 'team', 'campaign']),
        ownerId: id,
        campaignId: id.nullable().optional(),
        metric: z.enum(GOAL_METRICS),
        serviceLine: z.string().max(60).nullable().optional(),
        periodStart: dateField,
        periodEnd: dateField,
        target: z.number().min(0).max(1e9),
        withinDays: z.number().int().positive().max(3650).nullable().optional(),
        note: text(500).optional(),
      }),
    },
    handler: async (req, reply) => {
      const b = req.body;
      const row = await asHttp(() =>
        createGoal(db, who(req), {
          ...b,
          campaignId: b.campaignId ?? null,
          serviceLine: b.serviceLine || null,
          withinDays: b.withinDays ?? null,
          note: b.note ?? '',
        }),
      );
      reply.status(201);
      return row;
    },
  });

  app.patch('/api/goals/:id', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['goals'],
      summary: 'Change a goal’s target, period or note (send the version you read)',
      params: idParam,
      body: z.strictObject({
        version: z
          .number()
          .int()
          .positive()
          .max(2 ** 31 - 1),
        target: z.number().min(0).max(1e9).optional(),
        periodStart: dateField.optional(),
        periodEnd: dateField.optional(),
        withinDays: z.number().int().positive().max(3650).nullable().optional(),
        note: text(500).optional(),
      }),
    },
    handler: async (req) => {
      const { version, ...patch } = req.body;
      return asHttp(() => updateGoal(db, who(req), req.params.id, version, patch));
    },
  });

  app.delete('/api/goals/:id', {
    config: { roles: MANAGERS },
    schema: { tags: ['goals'], summary: 'Delete a goal', params: idParam },
    handler: async (req) => {
      await asHttp(() => deleteGoal(db, who(req), req.params.id));
      return { ok: true as const };
    },
  });
}
