// Proposals across several days (one liaison's week) and several liaisons (a manager's team day). They are
// not saved: the liaison turns a proposed day into a saved plan with "Plan this day".
import type { Kysely } from 'kysely';
import { type DayPlan, type PlanResult, planTeam, planWeek } from '../../core/routing';
import type { DB } from '../../db/schema';
import { addDays, toPlanStops, toWorkDay, weekdayOfDate } from './compute';
import { gatherStops, type StopSource } from './gatherStops';
import { homeBasePoint } from './homeBase';
import { type DayRequest, settingsFor, type TravelResolver } from './planDay';
import { KM_PER_MILE } from './present';
import type { RouteStop } from './types';

const round1 = (x: number) => Math.round(x * 10) / 10;

function presentDay(d: DayPlan, byId: Map<string, RouteStop>) {
  return {
    date: d.date ?? null,
    weekday: d.day,
    liaison: d.liaison ?? null,
    departure: d.departure,
    returnAt: d.returnAt,
    lunch: d.lunch ?? null,
    travelMinutes: Math.round(d.travelMinutes),
    km: round1(d.km),
    miles: round1(d.km / KM_PER_MILE),
    visits: d.visits.map((v, i) => {
      const s = byId.get(v.stopId)!;
      return {
        seq: i + 1,
        stopId: v.stopId,
        name: s.name,
        lat: s.lat,
        lon: s.lon,
        start: v.start,
        end: v.end,
        waitMin: Math.round(v.wait),
        priority: s.priority,
      };
    }),
  };
}

function presentResult(r: PlanResult, stops: RouteStop[], label: string, source: string) {
  const byId = new Map(stops.map((s) => [s.id, s]));
  return {
    travel: { source, label, estimate: source === 'estimate' },
    days: r.days.map((d) => presentDay(d, byId)),
    unassigned: r.unassigned.map((u) => ({
      stopId: u.stopId,
      name: byId.get(u.stopId)?.name ?? u.stopId,
      reason: u.reason,
    })),
    totals: {
      stops: r.days.reduce((s, d) => s + d.visits.length, 0),
      planned: stops.length,
      travelMinutes: Math.round(r.travelMinutes),
      km: round1(r.days.reduce((s, d) => s + d.km, 0)),
      priority: r.priority,
    },
    feasible: r.feasible,
  };
}

/** Spreads the liaison's stops over the working days (Mon–Fri) from `start`, each stop on a day it is open. */
export async function proposeWeek(
  db: Kysely<DB>,
  resolve: TravelResolver,
  req: Omit<DayRequest, 'date' | 'pinned' | 'start'> & {
    startDate: string;
    days: number;
    start?: DayRequest['start'];
  },
) {
  const { stops, skipped } = await gatherStops(db, req.liaisonId, req.source);
  const start = req.start ?? (await homeBasePoint(db, req.liaisonId)) ?? undefined;
  const settings = settingsFor({ ...req, start }, stops);
  const dates: string[] = [];
  for (let d = req.startDate; dates.length < req.days; d = addDays(d, 1))
    if (!['sat', 'sun'].includes(weekdayOfDate(d))) dates.push(d);
  const { planStops } = toPlanStops(stops);
  const { travel, info } = await resolve([
    ...stops.map((s) => ({ lat: s.lat, lon: s.lon })),
    settings.start,
    settings.end,
  ]);
  const t0 = performance.now();
  const r = planWeek({
    days: dates.map((d) => toWorkDay(settings, d)),
    stops: planStops,
    travel,
    seed: settings.seed,
    timeLimitMs: settings.timeLimitMs,
  });
  return {
    ...presentResult(r, stops, info.label, info.source),
    skipped,
    settings,
    ms: Math.round(performance.now() - t0),
  };
}

/** One day for several liaisons sharing their stops (each starts from the centre of their own stops unless given). */
export async function proposeTeamDay(
  db: Kysely<DB>,
  resolve: TravelResolver,
  req: {
    date: string;
    liaisons: { id: number; email: string }[];
    source: StopSource;
    timeLimitMs?: number;
    seed?: number;
  },
) {
  const all = new Map<string, RouteStop>();
  const shifts: { id: string; days: ReturnType<typeof toWorkDay>[] }[] = [];
  const skipped: { liaison: string; what: string; reason: string }[] = [];
  for (const l of req.liaisons) {
    try {
      const g = await gatherStops(db, l.id, req.source);
      for (const s of g.stops) all.set(s.id, s);
      for (const s of g.skipped) skipped.push({ liaison: l.email, ...s });
      // each liaison leaves from their home base when they have one, else from the centre of their stops
      const start = (await homeBasePoint(db, l.id)) ?? undefined;
      shifts.push({
        id: l.email,
        days: [
          toWorkDay(settingsFor({ timeLimitMs: req.timeLimitMs, seed: req.seed, start }, g.stops), req.date),
        ],
      });
    } catch (e) {
      skipped.push({ liaison: l.email, what: 'all stops', reason: (e as Error).message });
    }
  }
  const stops = [...all.values()];
  if (stops.length === 0)
    return { travel: null, days: [], unassigned: [], totals: null, feasible: true, skipped, ms: 0 };
  const { planStops } = toPlanStops(stops);
  const points = [
    ...stops.map((s) => ({ lat: s.lat, lon: s.lon })),
    ...shifts.map((s) => s.days[0]!.startAt),
  ];
  const { travel, info } = await resolve(points);
  const t0 = performance.now();
  const r = planTeam({
    liaisons: shifts,
    stops: planStops,
    travel,
    seed: req.seed ?? 1,
    timeLimitMs: req.timeLimitMs ?? 3000,
  });
  return {
    ...presentResult(r, stops, info.label, info.source),
    skipped,
    ms: Math.round(performance.now() - t0),
  };
}
