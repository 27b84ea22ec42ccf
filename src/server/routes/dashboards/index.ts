// Dashboards: Today (a liaison's day), Team (manager), Executive (market) and Return on visit. Each
// answer is a list of panels — rows plus source, data date and definition — that the page draws and
// the reports API exports unchanged. The market overview and return on visit are served from stored
// views that referral imports refresh (commands/dashboards/marketView.ts, returnOnVisit.ts).
import { z } from 'zod';
import { buildExecutive } from '../../../commands/dashboards/executive';
import { isoToday } from '../../../commands/dashboards/panel';
import { buildReturnOnVisitPanel } from '../../../commands/dashboards/returnOnVisit';
import { buildTeam } from '../../../commands/dashboards/team';
import { buildToday } from '../../../commands/dashboards/today';
import { todayUserId } from '../../../commands/reports/panelRegistry';
import { ROV_DEFINITIONS } from '../../../core/returnOnVisit/definitions';
import { ALL_ROLES, actorOf } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { asHttp, dateField } from '../goals';

const MANAGERS_AND_ANALYSTS = ['admin', 'manager', 'analyst'] as const;
const serviceLine = z.string().regex(/^[a-z_]{2,40}$/, 'must be a service-line key such as cardiology');

export default async function dashboardRoutes(app: App, { database }: ServerContext) {
  const db = database.db;
  const viewer = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    return { id: a.id, role: a.role };
  };

  app.get('/api/dashboards/today', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['dashboards'],
      summary:
        'A liaison’s day: goal rings, today’s route, follow-ups, overdue visits, alerts, new-to-market physicians',
      querystring: z.strictObject({
        date: dateField.optional(),
        liaisonId: z.coerce
          .number()
          .int()
          .positive()
          .max(2 ** 31 - 1)
          .optional(),
      }),
    },
    handler: async (req) =>
      asHttp(async () =>
        buildToday(db, todayUserId(viewer(req), req.query.liaisonId), req.query.date ?? isoToday()),
      ),
  });

  app.get('/api/dashboards/team', {
    config: { roles: [...MANAGERS_AND_ANALYSTS] },
    schema: {
      tags: ['dashboards'],
      summary:
        'Team activity, coverage, overdue A-tier physicians, open issues, goal attainment and leaderboard',
      querystring: z.strictObject({ weeks: z.coerce.number().int().min(1).max(52).optional() }),
    },
    handler: async (req) => asHttp(() => buildTeam(db, viewer(req), { weeks: req.query.weeks ?? 12 })),
  });

  app.get('/api/dashboards/executive', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['dashboards'],
      summary:
        'Market share and leakage trend by service line, risers and fallers, value of leakage, new physicians',
      querystring: z.strictObject({
        months: z.coerce.number().int().min(3).max(36).optional(),
        serviceLine: serviceLine.optional(),
      }),
    },
    handler: async (req) =>
      asHttp(() =>
        buildExecutive(db, { months: req.query.months ?? 24, serviceLine: req.query.serviceLine }),
      ),
  });

  app.get('/api/dashboards/return-on-visit', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['dashboards'],
      summary:
        'Return on visit (difference in differences against matched unvisited physicians) with intervals',
      querystring: z.strictObject({
        by: z.enum(['liaison', 'type', 'campaign', 'tag', 'all']).optional(),
        windowMonths: z.coerce.number().int().min(1).max(6).optional(),
      }),
    },
    handler: async (req) =>
      asHttp(async () => ({
        panel: await buildReturnOnVisitPanel(db, {
          windowMonths: req.query.windowMonths ?? 3,
          by: req.query.by ?? 'liaison',
        }),
        definitions: ROV_DEFINITIONS,
      })),
  });
}
