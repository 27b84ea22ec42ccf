// Product-level planning: a liaison's day, week, or a team's week. Each (liaison, day) is one vehicle whose
// `windowKey` is the weekday, so a stop's opening hours per weekday become per-vehicle windows; appointments
// are single-instant windows; lunch is a vehicle break.
import { checkSolution } from '../feasibility';
import { solve } from '../solve';
import { estimateMatrices, type LatLon, type TravelMatrices } from '../travel/geo';
import type { Job, Problem, Solution, Vehicle } from '../types';
import type { DayPlan, PlanOptions, PlanResult, PlanStop, WorkDay } from './types';

interface Shift {
  liaison?: string;
  work: WorkDay;
}

const ALL_DAY: [number, number][] = [[0, 24 * 60]];

function matrices(points: LatLon[], o: PlanOptions): TravelMatrices {
  return typeof o.travel === 'function' ? o.travel(points) : estimateMatrices(points, o.travel);
}

function toJob(s: PlanStop, shifts: Shift[]): Job {
  const job: Job = {
    id: s.id,
    location: -1,
    service: s.durationMin,
    priority: s.priority ?? 1,
    mandatory: s.mandatory ?? s.appointment !== undefined,
  };
  if (s.liaison !== undefined) {
    job.vehicles = shifts.map((sh, i) => (sh.liaison === s.liaison ? `v${i}` : '')).filter(Boolean);
  }
  if (s.appointment) {
    const at = s.appointment.at;
    const byKey: Record<string, [number, number][]> = {};
    for (const sh of shifts)
      if (!s.appointment.day || s.appointment.day === sh.work.day) byKey[sh.work.day] = [[at, at]];
    job.windowsByKey = byKey;
  } else if (s.hours) {
    const byKey: Record<string, [number, number][]> = {};
    for (const [day, ws] of Object.entries(s.hours)) if (ws) byKey[day] = ws;
    job.windowsByKey = byKey;
  } else {
    job.windows = ALL_DAY;
  }
  return job;
}

export function buildPlanProblem(
  stops: readonly PlanStop[],
  shifts: Shift[],
  o: PlanOptions,
): { problem: Problem; km: number[][] } {
  const points: LatLon[] = stops.map((s) => s.location);
  const jobs = stops.map((s, i) => ({ ...toJob(s, shifts), location: i }));
  const vehicles: Vehicle[] = shifts.map((sh, i) => {
    const start = points.push(sh.work.startAt) - 1;
    const end = points.push(sh.work.endAt ?? sh.work.startAt) - 1;
    const v: Vehicle = {
      id: `v${i}`,
      start,
      end,
      earliest: sh.work.start,
      latest: sh.work.end,
      windowKey: sh.work.day,
    };
    const l = sh.work.lunch;
    if (l) v.breaks = [{ id: 'lunch', windows: [[l.earliest, l.latest]], duration: l.durationMin }];
    return v;
  });
  const { minutes, km } = matrices(points, o);
  return { problem: { time: minutes, distance: km, jobs, vehicles, costBy: 'time' }, km };
}

export function toPlan(problem: Problem, km: number[][], shifts: Shift[], solution: Solution): PlanResult {
  const byVehicle = new Map(solution.routes.map((r) => [r.vehicle, r]));
  const jobs = new Map(problem.jobs.map((j) => [j.id, j]));
  let travelMinutes = 0;
  const days: DayPlan[] = shifts.map((sh, i) => {
    const v = problem.vehicles[i]!;
    const r = byVehicle.get(v.id);
    const plan: DayPlan = {
      day: sh.work.day,
      ...(sh.work.date ? { date: sh.work.date } : {}),
      ...(sh.liaison ? { liaison: sh.liaison } : {}),
      departure: r?.departure ?? sh.work.start,
      returnAt: r?.arrival ?? sh.work.start,
      visits: (r?.stops ?? []).map((s) => ({
        stopId: s.job,
        arrival: s.arrival,
        start: s.start,
        end: s.departure,
        wait: s.wait,
      })),
      travelMinutes: r?.cost ?? 0,
      km: 0,
    };
    const lunch = r?.breaks?.[0];
    if (lunch) plan.lunch = { start: lunch.start, end: lunch.end };
    let loc = v.start;
    for (const s of r?.stops ?? []) {
      const l = jobs.get(s.job)!.location;
      plan.km += km[loc]![l]!;
      loc = l;
    }
    if (r) plan.km += km[loc]![v.end ?? v.start]!;
    travelMinutes += plan.travelMinutes;
    return plan;
  });
  return {
    days,
    unassigned: solution.unassigned.map((u) => ({ stopId: u.job, reason: u.reason })),
    priority: solution.priority ?? 0,
    travelMinutes,
    feasible: checkSolution(problem, solution).feasible,
  };
}

function planShifts(stops: readonly PlanStop[], shifts: Shift[], o: PlanOptions): PlanResult {
  const { problem, km } = buildPlanProblem(stops, shifts, o);
  const solution = solve(problem, { seed: o.seed ?? 1, timeLimitMs: o.timeLimitMs ?? 1000 });
  return toPlan(problem, km, shifts, solution);
}

/** One liaison, one day: a timed visit order plus the stops that did not fit and why. */
export function planDay(input: { day: WorkDay; stops: readonly PlanStop[] } & PlanOptions): PlanResult {
  return planShifts(input.stops, [{ work: input.day }], input);
}

/** One liaison over several days: each stop is visited at most once, on a day it is open. */
export function planWeek(
  input: { days: readonly WorkDay[]; stops: readonly PlanStop[] } & PlanOptions,
): PlanResult {
  return planShifts(
    input.stops,
    input.days.map((work) => ({ work })),
    input,
  );
}

/** Several liaisons, each with their own days, start points and hours. */
export function planTeam(
  input: {
    liaisons: readonly { id: string; days: readonly WorkDay[] }[];
    stops: readonly PlanStop[];
  } & PlanOptions,
): PlanResult {
  const shifts = input.liaisons.flatMap((l) => l.days.map((work) => ({ liaison: l.id, work })));
  return planShifts(input.stops, shifts, input);
}
