// Turns stored route inputs into a solver call and back: stops → PlanStops (windows from hours and visit rules),
// settings → WorkDay, and visits already done → the fixed beginning of the day, re-planned from the last one.
import { HoursParseError } from '../../core/officeHours';
import {
  type DayPlan,
  type LatLon,
  type PlanResult,
  type PlanStop,
  reoptimizeWithPositions,
  type TravelMatrices,
  type Weekday,
  type WorkDay,
} from '../../core/routing';
import type { Skipped } from './gatherStops';
import type { DoneVisit, Pin, RouteSettings, RouteStop } from './types';
import { visitWindows } from './windows';

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Weekday of a YYYY-MM-DD calendar date (no time zone involved). */
export function weekdayOfDate(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Solver stops; stops whose hours or rules cannot be read are left out with the reason. */
export function toPlanStops(stops: readonly RouteStop[]): {
  planStops: PlanStop[];
  invalid: (Skipped & { stopId: string })[];
} {
  const planStops: PlanStop[] = [];
  const invalid: (Skipped & { stopId: string })[] = [];
  for (const s of stops) {
    const base: PlanStop = {
      id: s.id,
      location: { lat: s.lat, lon: s.lon },
      durationMin: s.durationMin,
      priority: s.priority,
    };
    if (s.appointmentAt !== null) {
      planStops.push({ ...base, appointment: { at: s.appointmentAt } });
      continue;
    }
    try {
      const w = visitWindows(s.hours, s.visitRules, s.durationMin);
      planStops.push(w.hours ? { ...base, hours: w.hours } : base);
    } catch (e) {
      if (!(e instanceof HoursParseError)) throw e;
      invalid.push({
        stopId: s.id,
        what: s.name,
        reason: `cannot read the office hours or visit rules: ${e.message}`,
      });
    }
  }
  return { planStops, invalid };
}

export function toWorkDay(settings: RouteSettings, date: string): WorkDay {
  return {
    day: weekdayOfDate(date),
    date,
    start: settings.dayStart,
    end: settings.dayEnd,
    startAt: { lat: settings.start.lat, lon: settings.start.lon },
    endAt: { lat: settings.end.lat, lon: settings.end.lon },
    ...(settings.lunch ? { lunch: settings.lunch } : {}),
  };
}

export type ComputeInput = {
  settings: RouteSettings;
  date: string;
  stops: readonly RouteStop[];
  pins: readonly Pin[];
  done: readonly DoneVisit[];
  travel: (points: readonly LatLon[]) => TravelMatrices;
};

/**
 * Plans the rest of the day. Done visits are facts: they stay first, at the times they were marked, and the
 * solver starts from the last one when it ended. Pin positions count all visits of the day, done ones included.
 */
export function computeDay(input: ComputeInput): {
  result: PlanResult;
  invalid: (Skipped & { stopId: string })[];
  ms: number;
} {
  const t0 = performance.now();
  const doneIds = new Set(input.done.map((d) => d.stopId));
  const byId = new Map(input.stops.map((s) => [s.id, s]));
  const { planStops, invalid } = toPlanStops(input.stops.filter((s) => !doneIds.has(s.id)));
  let day = toWorkDay(input.settings, input.date);
  const last = input.done[input.done.length - 1];
  if (last) {
    const s = byId.get(last.stopId)!;
    day = { ...day, start: Math.max(day.start, last.at), startAt: { lat: s.lat, lon: s.lon } };
    if (day.lunch && day.lunch.latest < day.start) day = { ...day, lunch: undefined };
    if (day.start >= day.end) day = { ...day, end: day.start };
  }
  const valid = new Set(planStops.map((p) => p.id));
  const pins = input.pins
    .filter((p) => valid.has(p.stopId))
    .map((p) => ({ stopId: p.stopId, position: Math.max(0, p.position - input.done.length) }));
  // Two pins may not share a position: keep the earlier one, move the next one just after it.
  pins.sort((a, b) => a.position - b.position);
  for (let i = 1; i < pins.length; i++)
    pins[i]!.position = Math.max(pins[i]!.position, pins[i - 1]!.position + 1);
  const result = reoptimizeWithPositions({
    day,
    stops: planStops,
    pins,
    travel: input.travel,
    seed: input.settings.seed,
    timeLimitMs: input.settings.timeLimitMs,
  });
  if (input.done.length) prependDone(result, input, byId);
  for (const bad of invalid) result.unassigned.push({ stopId: bad.stopId, reason: 'closed' });
  return { result, invalid, ms: performance.now() - t0 };
}

/** Adds the done visits (and the legs driven to them) in front of the re-planned remainder. */
function prependDone(result: PlanResult, input: ComputeInput, byId: Map<string, RouteStop>) {
  const d: DayPlan = result.days[0]!;
  const start = { lat: input.settings.start.lat, lon: input.settings.start.lon };
  const points: LatLon[] = [
    start,
    ...input.done.map((v) => ({ lat: byId.get(v.stopId)!.lat, lon: byId.get(v.stopId)!.lon })),
  ];
  const m = input.travel(points);
  let minutes = 0;
  let km = 0;
  for (let i = 1; i < points.length; i++) {
    minutes += m.minutes[i - 1]![i]!;
    km += m.km[i - 1]![i]!;
  }
  const doneVisits = input.done.map((v) => {
    const dur = byId.get(v.stopId)!.durationMin;
    return { stopId: v.stopId, arrival: v.at - dur, start: v.at - dur, end: v.at, wait: 0 };
  });
  d.departure = Math.min(d.departure, input.settings.dayStart);
  if (d.visits.length === 0) d.returnAt = Math.max(d.returnAt, input.done[input.done.length - 1]!.at);
  d.visits = [...doneVisits, ...d.visits];
  d.travelMinutes += minutes;
  d.km += km;
  result.travelMinutes += minutes;
  result.priority += input.done.reduce((s, v) => s + (byId.get(v.stopId)?.priority ?? 0), 0);
}
