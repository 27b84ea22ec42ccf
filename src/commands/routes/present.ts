// What leaves the server for a saved plan: every visit with its times, the leg driven to it, the stops left
// out with a reason a liaison understands, mileage for expense reports and navigation links.
import type { PlanResult } from '../../core/routing';
import { unassignedReasonText } from '../../core/routing/reasonText';
import type { RoutePlanRow } from '../../db/queries/routes/plans';
import type { Skipped } from './gatherStops';
import { appleMapsLink, googleMapsLinks } from './links';
import type { DoneVisit, Pin, RouteSettings, RouteStop } from './types';

export const KM_PER_MILE = 1.609344;

/** Minutes after midnight → "HH:MM", rounded to the nearest minute as the ICS export does (never "09:60"). */
export const hhmm = (m: number) => {
  const r = Math.round(m);
  return `${String(Math.floor(r / 60)).padStart(2, '0')}:${String(r % 60).padStart(2, '0')}`;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

export type StoredPlanResult = PlanResult & { travelLabel: string; skipped?: Skipped[]; invalid?: Skipped[] };

export function presentPlan(row: RoutePlanRow, liaison: { id: number; email: string; name: string } | null) {
  const settings = row.settings as RouteSettings;
  const stops = row.stops as RouteStop[];
  const pins = row.pinned as Pin[];
  const done = row.done as DoneVisit[];
  const result = row.result as StoredPlanResult;
  const day = result.days[0]!;
  const byId = new Map(stops.map((s) => [s.id, s]));
  let prev = settings.start;
  const visits = day.visits.map((v, i) => {
    const s = byId.get(v.stopId)!;
    const d = done.find((x) => x.stopId === v.stopId);
    const item = {
      seq: i + 1,
      stopId: v.stopId,
      locationId: s.locationId,
      name: s.name,
      address: s.address,
      lat: s.lat,
      lon: s.lon,
      geoPrecision: s.geoPrecision,
      providers: s.providers,
      priority: s.priority,
      prioritySource: s.prioritySource,
      why: s.why,
      visitType: s.visitType,
      durationMin: s.durationMin,
      appointmentAt: s.appointmentAt,
      hours: s.hours,
      visitRules: s.visitRules,
      arrival: v.arrival,
      start: v.start,
      end: v.end,
      waitMin: Math.round(v.wait),
      times: { arrival: hhmm(v.arrival), start: hhmm(v.start), end: hhmm(v.end) },
      pinned: pins.some((p) => p.stopId === v.stopId),
      done: !!d,
      activityId: d?.activityId ?? null,
      from: prev,
    };
    prev = { lat: s.lat, lon: s.lon, label: s.name };
    return item;
  });
  const path = visits.map((v) => ({ lat: v.lat, lon: v.lon }));
  const km = round1(day.km);
  return {
    id: Number(row.id),
    version: row.version,
    status: row.status,
    date: row.plan_date,
    weekday: day.day,
    liaison,
    settings,
    travel: {
      source: row.travel_source,
      label: result.travelLabel,
      estimate: row.travel_source === 'estimate',
    },
    departure: day.departure,
    returnAt: day.returnAt,
    lunch: day.lunch ?? null,
    visits: visits.map(({ from: _from, ...v }) => v),
    unassigned: result.unassigned.map((u) => {
      const s = byId.get(u.stopId);
      const bad = result.invalid?.find((x) => (x as { stopId?: string }).stopId === u.stopId);
      return {
        stopId: u.stopId,
        name: s?.name ?? u.stopId,
        npis: s?.providers.map((p) => p.npi) ?? [],
        lat: s?.lat ?? null,
        lon: s?.lon ?? null,
        priority: s?.priority ?? null,
        reason: u.reason,
        reasonText: bad?.reason ?? unassignedReasonText(u.reason),
        hours: s?.hours ?? null,
        visitRules: s?.visitRules ?? null,
      };
    }),
    skipped: result.skipped ?? [],
    totals: {
      stops: visits.length,
      planned: stops.length,
      travelMinutes: Math.round(day.travelMinutes),
      priority: result.priority,
      priorityAvailable: stops.reduce((s, x) => s + x.priority, 0),
    },
    mileage: {
      km,
      miles: round1(day.km / KM_PER_MILE),
      basis:
        row.travel_source === 'estimate'
          ? 'straight-line estimate × 1.3 circuity'
          : `road distance (${row.travel_source})`,
    },
    links: {
      google: googleMapsLinks(settings.start, path, settings.end),
      apple: appleMapsLink(settings.start, path, settings.end),
    },
    solver: { ms: row.solver_ms, timeLimitMs: row.time_limit_ms, seed: row.seed, feasible: row.feasible },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type PresentedPlan = ReturnType<typeof presentPlan>;
