// Independent certificate of a Solution. Deliberately shares no code with the solver (not even the compiled
// model): it re-reads the Problem, recomputes every time and every cost from the matrices, and lists every
// violation it finds. The bench only prints "feasible" when this returns no violation.
import type { MatrixLike, Problem, Solution, Window } from './types';

export type ViolationKind =
  | 'unknown-vehicle'
  | 'duplicate-vehicle'
  | 'unknown-job'
  | 'duplicate-job'
  | 'missing-job'
  | 'not-allowed'
  | 'window'
  | 'late-service'
  | 'capacity'
  | 'early-departure'
  | 'late-return'
  | 'time-inconsistent'
  | 'break'
  | 'wrong-cost';

export interface Violation {
  kind: ViolationKind;
  vehicle?: string;
  job?: string;
  message: string;
}

export interface CheckResult {
  feasible: boolean;
  violations: Violation[];
  /** Recomputed objective terms. */
  cost: number;
  distance: number;
  travelTime: number;
  served: number;
  priority: number;
}

const EPS = 1e-6;

function at(m: MatrixLike, i: number, j: number): number {
  const v = Array.isArray(m)
    ? (m as readonly (readonly number[])[])[i]?.[j]
    : (m as { at(a: number, b: number): number }).at(i, j);
  if (v === undefined || !Number.isFinite(v)) throw new Error(`matrix has no finite entry [${i}][${j}]`);
  return v;
}

export function checkSolution(problem: Problem, solution: Solution, tolerance = EPS): CheckResult {
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, message: string, vehicle?: string, job?: string) =>
    violations.push({ kind, message, vehicle, job });
  const jobs = new Map(problem.jobs.map((j) => [j.id, j]));
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  const dist = problem.distance ?? problem.time;
  const costBy = problem.costBy ?? (problem.distance ? 'distance' : 'time');
  const seen = new Set<string>();
  const usedVehicles = new Set<string>();
  let distance = 0;
  let travelTime = 0;
  let fixed = 0;
  let priority = 0;

  for (const route of solution.routes) {
    const v = vehicles.get(route.vehicle);
    if (!v) {
      add('unknown-vehicle', `route uses unknown vehicle ${route.vehicle}`, route.vehicle);
      continue;
    }
    if (usedVehicles.has(v.id)) add('duplicate-vehicle', `vehicle ${v.id} has two routes`, v.id);
    usedVehicles.add(v.id);
    if (route.stops.length === 0) continue;
    fixed += v.fixedCost ?? 0;
    const end = v.end ?? v.start;
    const timed = route.stops.every((s) => Number.isFinite(s.start) && Number.isFinite(s.departure));
    const breaks = [...(route.breaks ?? [])].sort((a, b) => a.start - b.start);
    for (const br of v.breaks ?? []) {
      const taken = breaks.filter((b) => b.id === br.id);
      if (taken.length !== 1) add('break', `break ${br.id} taken ${taken.length} times`, v.id);
      for (const b of taken) {
        if (!br.windows.some(([a, z]) => b.start >= a - tolerance && b.start <= z + tolerance))
          add('break', `break ${br.id} starts at ${b.start}, outside its windows`, v.id);
        if (b.end - b.start < br.duration - tolerance) add('break', `break ${br.id} is too short`, v.id);
      }
    }
    if ((v.breaks?.length ?? 0) > 0 && !timed)
      add('break', 'a route with breaks must report its times', v.id);

    let load = 0;
    let loc = v.start;
    let t = timed ? (route.departure ?? v.earliest) : v.earliest;
    if (t < v.earliest - tolerance) add('early-departure', `departs at ${t} before ${v.earliest}`, v.id);
    const legTo = (to: number, until: number) => {
      // Breaks reported inside this leg (between t and `until`) add their duration to the travel time.
      let busy = at(problem.time, loc, to);
      for (const b of breaks) {
        if (b.start >= t - tolerance && b.end <= until + tolerance) busy += b.end - b.start;
      }
      distance += at(dist, loc, to);
      travelTime += at(problem.time, loc, to);
      return busy;
    };
    for (const stop of route.stops) {
      const job = jobs.get(stop.job);
      if (!job) {
        add('unknown-job', `unknown job ${stop.job}`, v.id, stop.job);
        continue;
      }
      if (seen.has(job.id)) add('duplicate-job', `job ${job.id} served twice`, v.id, job.id);
      seen.add(job.id);
      priority += job.priority ?? 1;
      load += job.demand ?? 0;
      if (job.vehicles && !job.vehicles.includes(v.id))
        add('not-allowed', `job ${job.id} not allowed on ${v.id}`, v.id, job.id);
      const windows: readonly Window[] =
        job.windowsByKey !== undefined
          ? ((v.windowKey !== undefined ? job.windowsByKey[v.windowKey] : job.windows) ?? [])
          : (job.windows ?? [[-Infinity, Infinity]]);
      const arrival = t + legTo(job.location, timed ? stop.start : Infinity);
      let start: number;
      if (timed) {
        start = stop.start;
        if (start < arrival - tolerance)
          add(
            'time-inconsistent',
            `job ${job.id} starts at ${start} before it can arrive (${arrival})`,
            v.id,
            job.id,
          );
        if (
          Math.abs(stop.departure - start - job.service) > tolerance &&
          stop.departure < start + job.service
        )
          add('time-inconsistent', `job ${job.id} departs before its service ends`, v.id, job.id);
        const serviceEnd = start + job.service;
        for (const b of breaks) {
          if (b.start < serviceEnd - tolerance && b.end > start + tolerance)
            add('break', `break ${b.id} overlaps the visit to ${job.id}`, v.id, job.id);
        }
      } else {
        const w = windows.find(([, z]) => arrival <= z + tolerance);
        start = w ? Math.max(arrival, w[0]) : arrival;
      }
      const inWindow = windows.some(([a, z]) => start >= a - tolerance && start <= z + tolerance);
      if (!inWindow) {
        const late = windows.length > 0 && windows.some(([a]) => start >= a - tolerance);
        add(
          late ? 'late-service' : 'window',
          `job ${job.id} starts at ${start}, outside ${JSON.stringify(windows)}`,
          v.id,
          job.id,
        );
      }
      t = timed ? Math.max(stop.departure, start + job.service) : start + job.service;
      loc = job.location;
    }
    const back = t + legTo(end, timed && route.arrival !== undefined ? route.arrival : Infinity);
    if (back > v.latest + tolerance) add('late-return', `returns at ${back}, after ${v.latest}`, v.id);
    if (load > (v.capacity ?? Infinity) + tolerance)
      add('capacity', `load ${load} > capacity ${v.capacity}`, v.id);
  }

  const listed = new Set<string>();
  for (const u of solution.unassigned) {
    if (!jobs.has(u.job)) add('unknown-job', `unknown unassigned job ${u.job}`, undefined, u.job);
    if (seen.has(u.job) || listed.has(u.job))
      add('duplicate-job', `job ${u.job} both served and unassigned`, undefined, u.job);
    listed.add(u.job);
  }
  for (const job of problem.jobs) {
    if (seen.has(job.id)) continue;
    if (job.mandatory) add('missing-job', `mandatory job ${job.id} is not served`, undefined, job.id);
    else if (!listed.has(job.id))
      add('missing-job', `job ${job.id} is neither served nor unassigned`, undefined, job.id);
  }

  const cost = (costBy === 'distance' ? distance : travelTime) + fixed;
  if (Math.abs(cost - solution.cost) > tolerance * Math.max(1, Math.abs(cost)))
    add('wrong-cost', `reported cost ${solution.cost}, recomputed ${cost}`);
  if (solution.priority !== undefined && Math.abs(solution.priority - priority) > tolerance)
    add('wrong-cost', `reported priority ${solution.priority}, recomputed ${priority}`);
  return {
    feasible: violations.length === 0,
    violations,
    cost,
    distance,
    travelTime,
    served: seen.size,
    priority,
  };
}
