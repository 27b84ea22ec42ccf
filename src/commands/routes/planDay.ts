// Verbs on saved day plans: plan (and save) a liaison's day, re-plan after a drag / pin, mark a visit done
// (logging the visit as a CRM activity) and re-plan from there. Each write records an audit entry in the
// same transaction as the plan row.
import type { Kysely } from 'kysely';
import type { LatLon, TravelMatrices } from '../../core/routing';
import { recordAudit } from '../../db/audit';
import {
  getRoutePlan,
  insertRoutePlan,
  lockRoutePlan,
  type RoutePlanRow,
  updateRoutePlan,
} from '../../db/queries/routes/plans';
import type { DB } from '../../db/schema';
import type { TravelSource } from '../../db/tables/routes';
import { logActivity } from '../crm/activities';
import { computeDay } from './compute';
import { gatherStops, type Skipped, type StopSource } from './gatherStops';
import { homeBasePoint } from './homeBase';
import {
  type DoneVisit,
  type Pin,
  type Point,
  RouteError,
  type RouteSettings,
  type RouteStop,
} from './types';

export type Actor = {
  id: number | null;
  label: string;
  ip?: string;
  role: 'admin' | 'manager' | 'liaison' | 'analyst';
};
export type TravelResolver = (points: readonly LatLon[]) => Promise<{
  travel: (pts: readonly LatLon[]) => TravelMatrices;
  info: { source: TravelSource; label: string };
}>;

export type DayRequest = {
  liaisonId: number;
  date: string;
  source: StopSource;
  start?: Point;
  end?: Point;
  dayStart?: number;
  dayEnd?: number;
  /** undefined = default lunch (any time 11:30–13:30, 30 min); null = no lunch. */
  lunch?: RouteSettings['lunch'];
  pinned?: Pin[];
  timeLimitMs?: number;
  seed?: number;
};

export const DEFAULT_LUNCH = { earliest: 690, latest: 810, durationMin: 30 };

const isLunchAndLearnIn = (s: RouteStop, lunch: NonNullable<RouteSettings['lunch']>) =>
  s.visitType === 'lunch_and_learn' &&
  s.appointmentAt !== null &&
  s.appointmentAt >= lunch.earliest &&
  s.appointmentAt < lunch.latest;

export function settingsFor(
  req: Omit<DayRequest, 'source' | 'liaisonId' | 'date'>,
  stops: readonly RouteStop[],
): RouteSettings {
  const dayStart = req.dayStart ?? 480;
  const dayEnd = req.dayEnd ?? 1050;
  if (dayEnd <= dayStart) throw new RouteError('dayEnd: the day must end after it starts');
  const centroid: Point = {
    lat: stops.reduce((s, x) => s + x.lat, 0) / stops.length,
    lon: stops.reduce((s, x) => s + x.lon, 0) / stops.length,
    label: 'centre of the stops (no start point given)',
  };
  const start = req.start ?? centroid;
  const lunch = req.lunch === undefined ? DEFAULT_LUNCH : req.lunch;
  return {
    dayStart,
    dayEnd,
    start,
    end: req.end ?? start,
    startIsDefault: !req.start,
    // A lunch-and-learn booked inside the lunch window is the liaison's lunch: no second break.
    lunch: lunch && stops.some((s) => isLunchAndLearnIn(s, lunch)) ? null : lunch,
    timeLimitMs: req.timeLimitMs ?? 2000,
    seed: req.seed ?? 1,
  };
}

const pointsOf = (settings: RouteSettings, stops: readonly RouteStop[]): LatLon[] => [
  ...stops.map((s) => ({ lat: s.lat, lon: s.lon })),
  settings.start,
  settings.end,
];

async function solveAndStore(
  resolve: TravelResolver,
  settings: RouteSettings,
  date: string,
  stops: RouteStop[],
  pins: Pin[],
  done: DoneVisit[],
) {
  const { travel, info } = await resolve(pointsOf(settings, stops));
  const { result, invalid, ms } = computeDay({ settings, date, stops, pins, done, travel });
  return { result: { ...result, travelLabel: info.label, invalid }, source: info.source, ms };
}

export async function planRouteDay(db: Kysely<DB>, actor: Actor, resolve: TravelResolver, req: DayRequest) {
  const { stops, skipped } = await gatherStops(db, req.liaisonId, req.source);
  const ids = new Set(stops.map((s) => s.id));
  for (const p of req.pinned ?? [])
    if (!ids.has(p.stopId)) throw new RouteError(`pinned: stop ${p.stopId} is not among the planned stops`);
  // No start given: the liaison's home base, else (settingsFor) the centre of the stops.
  const start = req.start ?? (await homeBasePoint(db, req.liaisonId)) ?? undefined;
  const settings = settingsFor({ ...req, start }, stops);
  const solved = await solveAndStore(resolve, settings, req.date, stops, req.pinned ?? [], []);
  return db.transaction().execute(async (trx) => {
    const row = await insertRoutePlan(trx, {
      liaisonId: req.liaisonId,
      date: req.date,
      settings,
      stops,
      pinned: req.pinned ?? [],
      done: [],
      result: { ...solved.result, skipped },
      travelSource: solved.source,
      feasible: solved.result.feasible,
      solverMs: solved.ms,
      timeLimitMs: settings.timeLimitMs,
      seed: settings.seed,
      createdBy: actor.id,
    });
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'create',
      entity: 'route_plan',
      entityId: row.id,
      ip: actor.ip,
      detail: { liaisonId: req.liaisonId, date: req.date, stops: stops.length, source: req.source },
    });
    return row;
  });
}

async function replan(
  db: Kysely<DB>,
  actor: Actor,
  resolve: TravelResolver,
  id: number,
  change: (row: RoutePlanRow) => {
    pins: Pin[];
    done: DoneVisit[];
    timeLimitMs?: number;
    audit: Record<string, unknown>;
  },
  /** Runs inside the write transaction; may return the done list to store (e.g. with an activity id). */
  after?: (trx: Kysely<DB>, row: RoutePlanRow) => Promise<DoneVisit[] | undefined>,
) {
  const current = await getRoutePlan(db, id);
  if (!current) throw new RouteError(`route plan ${id} not found`, 404);
  const { pins, done, timeLimitMs, audit } = change(current);
  const settings = { ...(current.settings as RouteSettings), ...(timeLimitMs ? { timeLimitMs } : {}) };
  const stops = current.stops as RouteStop[];
  const solved = await solveAndStore(resolve, settings, current.plan_date, stops, pins, done);
  const skipped = (current.result as { skipped?: Skipped[] }).skipped ?? [];
  return db.transaction().execute(async (trx) => {
    const locked = await lockRoutePlan(trx, id);
    if (!locked || locked.version !== current.version)
      throw new RouteError('this plan was changed meanwhile; reload it and try again', 409);
    const storedDone = (await after?.(trx, locked)) ?? done;
    const allDone = done.length === stops.length;
    const row = await updateRoutePlan(trx, id, {
      pinned: pins,
      done: storedDone,
      result: { ...solved.result, skipped },
      travelSource: solved.source,
      feasible: solved.result.feasible,
      solverMs: solved.ms,
      timeLimitMs: settings.timeLimitMs,
      status: allDone ? 'done' : done.length ? 'in_progress' : 'planned',
    });
    await recordAudit(trx, {
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: 'update',
      entity: 'route_plan',
      entityId: id,
      ip: actor.ip,
      detail: audit,
    });
    return row;
  });
}

/** A new visit order from the list: pinned stops keep their place in `order`, the rest is re-optimised. */
export function reorderRoute(
  db: Kysely<DB>,
  actor: Actor,
  resolve: TravelResolver,
  id: number,
  body: { order: string[]; pinned: string[]; timeLimitMs?: number },
) {
  return replan(db, actor, resolve, id, (row) => {
    const known = new Set((row.stops as RouteStop[]).map((s) => s.id));
    for (const s of [...body.order, ...body.pinned])
      if (!known.has(s)) throw new RouteError(`stop ${s} is not part of this plan`);
    const done = row.done as DoneVisit[];
    const doneIds = done.map((d) => d.stopId);
    // Done visits always come first, whatever order the list sent.
    const order = [...doneIds, ...body.order.filter((s) => !doneIds.includes(s))];
    const pins = body.pinned
      .filter((s) => !doneIds.includes(s))
      .map((s) => {
        const position = order.indexOf(s);
        if (position < 0) throw new RouteError(`pinned: stop ${s} must also be in order`);
        return { stopId: s, position };
      });
    return { pins, done, timeLimitMs: body.timeLimitMs, audit: { reorder: body.order, pinned: body.pinned } };
  });
}

/** Marks a visit done at `at` (minutes after midnight; default: its planned end) and re-plans from there. */
export function markVisitDone(
  db: Kysely<DB>,
  actor: Actor,
  resolve: TravelResolver,
  id: number,
  stopId: string,
  body: {
    at?: number;
    logActivity?: boolean;
    outcome?: 'positive' | 'neutral' | 'follow_up' | 'concern' | 'no_access';
    notes?: string;
  },
) {
  let stop: RouteStop | undefined;
  let at = 0;
  return replan(
    db,
    actor,
    resolve,
    id,
    (row) => {
      stop = (row.stops as RouteStop[]).find((s) => s.id === stopId);
      if (!stop) throw new RouteError(`stop ${stopId} is not part of this plan`, 404);
      const done = row.done as DoneVisit[];
      if (done.some((d) => d.stopId === stopId)) throw new RouteError(`stop ${stopId} is already done`, 409);
      const planned = (
        row.result as { days: { visits: { stopId: string; end: number }[] }[] }
      ).days[0]?.visits.find((v) => v.stopId === stopId);
      at = body.at ?? planned?.end ?? (row.settings as RouteSettings).dayStart + stop.durationMin;
      const prev = done[done.length - 1];
      if (prev && at < prev.at)
        throw new RouteError(`at: a visit cannot end before the previous one (${prev.at})`);
      const pins = (row.pinned as Pin[]).filter((p) => p.stopId !== stopId);
      return { pins, done: [...done, { stopId, at, activityId: null }], audit: { done: stopId, at } };
    },
    async (trx, row) => {
      if (body.logActivity === false || !stop) return undefined;
      const activity = await logActivity(trx, actor, {
        type: stop.visitType === 'visit' ? 'in_person_visit' : stop.visitType,
        occurredAt: localDate(row.plan_date, at),
        durationMinutes: stop.durationMin,
        organizationId: stop.organizationId,
        locationId: stop.locationId,
        subject: `Visit: ${stop.name}`,
        outcome: body.outcome ?? null,
        notes: body.notes ?? '',
        ownerId: row.liaison_id,
        providerNpis: stop.providers.map((p) => p.npi),
        clientId: `route-${row.id}-${stopId}`,
      });
      return (row.done as DoneVisit[]).concat({ stopId, at, activityId: Number(activity.id) });
    },
  );
}

/** The plan's calendar date at a minute of the day, as a local timestamp. */
export function localDate(date: string, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Planned times are fractional minutes; round like hhmm() so the calendar shows the times the list shows.
  const r = Math.round(minute);
  return new Date(y, m - 1, d, Math.floor(r / 60), r % 60);
}
