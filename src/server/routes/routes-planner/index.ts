// Route planner API: plan a liaison's day (saved), re-plan after drag/pin, mark a visit done and re-plan,
// export the day as ICS, a proposed week, and a manager's team day. Travel times are a straight-line estimate
// unless ROUTING_URL/ROUTING_ENGINE point at an OSRM or Valhalla server; every answer says which.
import { z } from 'zod';
import { CrmError } from '../../../commands/crm/errors';
import { NetworkError } from '../../../commands/network/errors';
import { addDays } from '../../../commands/routes/compute';
import { getHomeBase, setHomeBase } from '../../../commands/routes/homeBase';
import { routeIcs } from '../../../commands/routes/ics';
import { resolvePlace } from '../../../commands/routes/places';
import {
  markVisitDone,
  planRouteDay,
  type Actor as RouteActor,
  reorderRoute,
  type TravelResolver,
} from '../../../commands/routes/planDay';
import { presentPlan } from '../../../commands/routes/present';
import { RouteError } from '../../../commands/routes/types';
import { proposeTeamDay, proposeWeek } from '../../../commands/routes/weekTeam';
import { PinError } from '../../../core/routing';
import { searchOffices } from '../../../db/queries/routes/offices';
import { getRoutePlan, listRoutePlans, type RoutePlanRow } from '../../../db/queries/routes/plans';
import { actorOf, MANAGERS, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { idParam, text } from '../../lib/schemas';
import { TravelError, travelFor } from '../../lib/travel';
import { canSee, type Liaison, resolveLiaison } from './access';
import {
  doneBody,
  homeBaseBody,
  homeBaseQuery,
  listQuery,
  officesQuery,
  planBody,
  reorderBody,
  teamBody,
  weekQuery,
} from './schemas';

async function asHttp<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RouteError || e instanceof CrmError || e instanceof NetworkError)
      throw new HttpError(e.status, e.message);
    if (e instanceof PinError) throw new HttpError(422, `pinned: ${e.message}`);
    if (e instanceof TravelError) throw new HttpError(503, `routing engine: ${e.message}`);
    throw e;
  }
}

const today = () => new Date().toISOString().slice(0, 10);

export default async function routePlannerRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  const resolve: TravelResolver = (points) => travelFor(db, config, points);
  const who = (req: Parameters<typeof actorOf>[0]): RouteActor => {
    const a = actorOf(req);
    return { id: a.id, label: a.email, ip: req.ip, role: a.role };
  };
  const liaisonOf = async (row: RoutePlanRow): Promise<Liaison | null> => {
    const u = await db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('id', '=', row.liaison_id)
      .executeTakeFirst();
    return u ? { id: Number(u.id), email: u.email, name: u.name } : null;
  };
  const loadVisible = async (req: Parameters<typeof actorOf>[0], id: number) => {
    const row = await getRoutePlan(db, id);
    if (!row || !canSee(actorOf(req), row.liaison_id)) throw new HttpError(404, `route plan ${id} not found`);
    return row;
  };

  app.post('/api/routes/plan', {
    config: { roles: STAFF },
    schema: {
      tags: ['routes'],
      summary:
        'Plan and save a liaison’s day: timed visit order, stops left out with the reason, mileage, links',
      body: planBody,
    },
    handler: async (req, reply) => {
      const b = req.body;
      const liaison = await resolveLiaison(db, actorOf(req), b.liaison, 'body.liaison');
      const [start, end] = await asHttp(() =>
        Promise.all([
          b.start && resolvePlace(db, b.start, 'body.start', 'start'),
          b.end && resolvePlace(db, b.end, 'body.end', 'end'),
        ]),
      );
      const row = await asHttp(() =>
        planRouteDay(db, who(req), resolve, {
          liaisonId: liaison.id,
          date: b.date,
          source: {
            targets: b.targets,
            npis: b.npis,
            locationIds: b.locationIds,
            limit: b.limit,
            appointments: b.appointments,
          },
          start,
          end,
          dayStart: b.dayStart,
          dayEnd: b.dayEnd,
          lunch: b.lunch,
          pinned: b.pinned,
          timeLimitMs: b.timeLimitSec === undefined ? undefined : Math.round(b.timeLimitSec * 1000),
          seed: b.seed,
        }),
      );
      reply.status(201);
      return presentPlan(row, liaison);
    },
  });

  app.get('/api/routes', {
    config: { roles: STAFF },
    schema: {
      tags: ['routes'],
      summary: 'Saved day plans of a liaison (the current plan of each day) in a date range',
      querystring: listQuery,
    },
    handler: async (req) => {
      const liaison = await resolveLiaison(db, actorOf(req), req.query.liaison, 'querystring.liaison');
      const from = req.query.from ?? addDays(today(), -7);
      const rows = await listRoutePlans(db, {
        liaisonId: liaison.id,
        from,
        to: req.query.to ?? addDays(from, 30),
        latestPerDay: true,
      });
      return { liaison, items: rows.map((r) => summary(presentPlan(r, liaison))) };
    },
  });

  app.get('/api/routes/week', {
    config: { roles: STAFF },
    schema: {
      tags: ['routes'],
      summary:
        'A week: the saved plan of each day, and (with `targets`) a proposal spreading the stops over the days',
      querystring: weekQuery,
    },
    handler: async (req) => {
      const q = req.query;
      const liaison = await resolveLiaison(db, actorOf(req), q.liaison, 'querystring.liaison');
      const start = q.start ?? today();
      const saved = await listRoutePlans(db, {
        liaisonId: liaison.id,
        from: start,
        to: addDays(start, q.days + 2),
        latestPerDay: true,
      });
      const proposal = q.targets
        ? await asHttp(async () =>
            proposeWeek(db, resolve, {
              liaisonId: liaison.id,
              startDate: start,
              days: q.days,
              source: { targets: q.targets, limit: q.limit },
              start: q.from && (await resolvePlace(db, q.from, 'querystring.from', 'start')),
              end: q.to && (await resolvePlace(db, q.to, 'querystring.to', 'end')),
              dayStart: q.dayStart,
              dayEnd: q.dayEnd,
              lunch: q.lunch,
              timeLimitMs: Math.round(q.timeLimitSec * 1000),
            }),
          )
        : null;
      return {
        liaison,
        start,
        days: q.days,
        saved: saved.map((r) => summary(presentPlan(r, liaison))),
        proposal,
      };
    },
  });

  app.post('/api/routes/team', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['routes'],
      summary: 'Managers: one day for several liaisons sharing their due stops (not saved)',
      body: teamBody,
    },
    handler: async (req) => {
      const b = req.body;
      const liaisons: Liaison[] = [];
      for (const ref of b.liaisons)
        liaisons.push(await resolveLiaison(db, actorOf(req), ref, 'body.liaisons'));
      return asHttp(() =>
        proposeTeamDay(db, resolve, {
          date: b.date,
          liaisons,
          source: { targets: b.targets, limit: b.limit },
          timeLimitMs: b.timeLimitSec === undefined ? undefined : Math.round(b.timeLimitSec * 1000),
        }),
      );
    },
  });

  app.get('/api/routes/home-base', {
    config: { roles: STAFF },
    schema: {
      tags: ['routes'],
      summary: 'A liaison’s home base (where their days start and end when a plan names no start)',
      querystring: homeBaseQuery,
    },
    handler: async (req) => {
      const liaison = await resolveLiaison(db, actorOf(req), req.query.liaison, 'querystring.liaison');
      return { liaison, homeBase: await getHomeBase(db, liaison.id) };
    },
  });

  app.put('/api/routes/home-base', {
    config: { roles: STAFF },
    schema: {
      tags: ['routes'],
      summary: 'Set (or, with place null, clear) a liaison’s home base: a ZIP, coordinates or an office',
      body: homeBaseBody,
    },
    handler: async (req) => {
      const liaison = await resolveLiaison(db, actorOf(req), req.body.liaison, 'body.liaison');
      const homeBase = await asHttp(() => setHomeBase(db, who(req), liaison.id, req.body.place));
      return { liaison, homeBase };
    },
  });

  app.get('/api/routes/offices', {
    config: { roles: STAFF },
    schema: {
      tags: ['routes'],
      summary:
        'Offices by name, organization, street, city or ZIP — for a fixed appointment or a start point',
      querystring: officesQuery,
    },
    handler: async (req) => ({ items: await searchOffices(db, req.query.q, req.query.limit) }),
  });

  app.get('/api/routes/:id', {
    config: { roles: STAFF },
    schema: { tags: ['routes'], summary: 'A saved day plan', params: idParam },
    handler: async (req) => {
      const row = await loadVisible(req, req.params.id);
      return presentPlan(row, await liaisonOf(row));
    },
  });

  app.post('/api/routes/:id/reorder', {
    config: { roles: STAFF },
    schema: {
      tags: ['routes'],
      summary:
        'New order from the list: pinned stops keep their place, the others are re-optimised around them',
      params: idParam,
      body: reorderBody,
    },
    handler: async (req) => {
      const current = await loadVisible(req, req.params.id);
      if (req.body.version !== undefined && req.body.version !== current.version)
        throw new HttpError(409, 'body.version: this plan was changed meanwhile; reload it and try again');
      const b = req.body;
      const row = await asHttp(() =>
        reorderRoute(db, who(req), resolve, req.params.id, {
          order: b.order,
          pinned: b.pinned,
          timeLimitMs: b.timeLimitSec === undefined ? undefined : Math.round(b.timeLimitSec * 1000),
        }),
      );
      return presentPlan(row, await liaisonOf(row));
    },
  });

  app.post('/api/routes/:id/visits/:stopId/done', {
    config: { roles: STAFF },
    schema: {
      tags: ['routes'],
      summary: 'Mark a visit done (logs the visit as an activity) and re-plan the rest of the day from there',
      // Any short text: an unknown stop id is a 404 from the plan, not a schema error.
      params: z.strictObject({ id: idParam.shape.id, stopId: text(40).pipe(z.string().min(1)) }),
      body: doneBody,
    },
    handler: async (req) => {
      await loadVisible(req, req.params.id);
      const row = await asHttp(() =>
        markVisitDone(db, who(req), resolve, req.params.id, req.params.stopId, req.body),
      );
      return presentPlan(row, await liaisonOf(row));
    },
  });

  app.get('/api/routes/:id/ics', {
    config: { roles: STAFF },
    schema: {
      tags: ['routes'],
      summary: 'The day as an iCalendar file (one event per visit, in order)',
      params: idParam,
    },
    handler: async (req, reply) => {
      const row = await loadVisible(req, req.params.id);
      const plan = presentPlan(row, await liaisonOf(row));
      return reply
        .header('content-disposition', `attachment; filename="rounds-route-${plan.date}.ics"`)
        .type('text/calendar; charset=utf-8')
        .send(routeIcs(plan));
    },
  });
}

function summary(p: ReturnType<typeof presentPlan>) {
  return {
    id: p.id,
    date: p.date,
    weekday: p.weekday,
    status: p.status,
    stops: p.totals.stops,
    planned: p.totals.planned,
    left: p.unassigned.length,
    travelMinutes: p.totals.travelMinutes,
    km: p.mileage.km,
    miles: p.mileage.miles,
    departure: p.departure,
    returnAt: p.returnAt,
    travel: p.travel,
    visits: p.visits.map((v) => ({
      seq: v.seq,
      stopId: v.stopId,
      name: v.name,
      lat: v.lat,
      lon: v.lon,
      start: v.start,
      end: v.end,
      done: v.done,
    })),
  };
}
