// POST /api/targets/add-to-route: put physicians from a target list or "who to see next" on a
// liaison's day plan (today by default) in one step; the day is re-solved and saved.
import { z } from 'zod';
import { CrmError } from '../../../commands/crm/errors';
import { addTargetsToRoute } from '../../../commands/network/addToRoute';
import { NetworkError } from '../../../commands/network/errors';
import type { TravelResolver } from '../../../commands/routes/planDay';
import { presentPlan } from '../../../commands/routes/present';
import { RouteError } from '../../../commands/routes/types';
import { PinError } from '../../../core/routing';
import { actorOf, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { npiString } from '../../lib/schemas';
import { TravelError, travelFor } from '../../lib/travel';
import { resolveLiaison } from '../routes-planner/access';
import { isoDate, liaisonRef } from '../routes-planner/schemas';

/** The server's calendar date (the route planner's "today" for a request without a date). */
export const localToday = () => new Date().toLocaleDateString('en-CA');

export default async function addToRouteRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  const resolve: TravelResolver = (points) => travelFor(db, config, points);

  app.post('/api/targets/add-to-route', {
    config: { roles: STAFF },
    schema: {
      tags: ['targets'],
      summary:
        'Add physicians to a liaison’s day plan (default: today) in one step: their offices join the current plan, which is re-solved and saved',
      body: z.strictObject({
        npis: z.array(npiString).min(1).max(50),
        liaison: liaisonRef.optional(),
        date: isoDate.optional(),
      }),
    },
    handler: async (req, reply) => {
      const a = actorOf(req);
      const liaison = await resolveLiaison(db, a, req.body.liaison, 'body.liaison');
      try {
        const r = await addTargetsToRoute(
          db,
          { id: a.id, label: a.email, ip: req.ip, role: a.role },
          resolve,
          { liaisonId: liaison.id, date: req.body.date ?? localToday(), npis: req.body.npis },
        );
        reply.status(r.added.length ? 201 : 200);
        const plan = presentPlan(r.plan, liaison);
        // Added to the day's stops but not to its visits: the office does not fit the day (closed
        // that day, no time left after the visits already done, …). Said, so nobody reads "added" as "visiting".
        const notFitting = r.added.flatMap((npi) => {
          const u = plan.unassigned.find((x) => x.npis.includes(npi));
          return u ? [{ npi, office: u.name, reason: u.reason, reasonText: u.reasonText }] : [];
        });
        return {
          added: r.added,
          notFitting,
          alreadyOnRoute: r.alreadyOnRoute,
          skipped: r.skipped,
          replaced: r.replaced,
          plan,
        };
      } catch (e) {
        if (e instanceof RouteError || e instanceof CrmError || e instanceof NetworkError)
          throw new HttpError(e.status, e.message);
        if (e instanceof PinError) throw new HttpError(422, `pinned: ${e.message}`);
        if (e instanceof TravelError) throw new HttpError(503, `routing engine: ${e.message}`);
        throw e;
      }
    },
  });
}
