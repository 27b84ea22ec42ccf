// Public entry of the general solver: Problem → Solution with times, unassigned reasons and the cost.
import { compile, type Model } from './model';
import { timeRoute } from './schedule';
import { search } from './solver/search';
import { State } from './solver/state';
import { solveTsp } from './tsp/tsp';
import type { Problem, RoutePlan, Solution, SolveOptions, UnassignedReason } from './types';

/** Pure TSP (one vehicle, round trip, no windows/capacity/breaks, every job mandatory) gets the TSP engine. */
function isPureTsp(p: Problem): boolean {
  const v = p.vehicles[0];
  return (
    p.vehicles.length === 1 &&
    !!v &&
    (v.end ?? v.start) === v.start &&
    v.latest === Infinity &&
    !v.breaks?.length &&
    p.jobs.every((j) => j.mandatory && !j.windows && !j.windowsByKey && !j.vehicles && j.service === 0)
  );
}

/** 2-opt reverses paths, which only preserves their cost on symmetric matrices. */
function isSymmetric(c: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (c[i * n + j] !== c[j * n + i]) return false;
  return true;
}

export function solve(problem: Problem, options: SolveOptions = {}): Solution {
  const t0 = performance.now();
  const seed = options.seed ?? 1;
  const budget = options.timeLimitMs ?? 2000;
  const minimizeVehicles = options.objective === 'vehicles';
  // Fewest vehicles first: a used route costs more than any possible travel (but less than a dropped job).
  let fleetCost = 0;
  if (minimizeVehicles) {
    const probe = compile(problem);
    let maxC = 0;
    for (let i = 0; i < probe.C.length; i++) if (probe.C[i]! < Infinity) maxC = Math.max(maxC, probe.C[i]!);
    fleetCost = (maxC + 1) * (probe.nJobs + 2 * probe.nVehicles + 1);
  }
  const m = compile(problem, fleetCost);
  // The limit covers everything: keep a small margin for compiling, timing and reporting the answer.
  const timeLimitMs = Math.max(1, budget - (performance.now() - t0) - Math.min(50, 0.02 * budget));
  if (isPureTsp(problem) && m.nJobs >= 4 && isSymmetric(m.C, m.nLoc)) {
    const order = solveTsp(m, { seed, timeLimitMs, iterations: options.iterations });
    const s = new State(m);
    s.setSeq(0, order);
    return toSolution(problem, m, s);
  }
  const { best } = search(m, { seed, timeLimitMs, iterations: options.iterations, minimizeVehicles });
  return toSolution(problem, m, best);
}

function reasonFor(m: Model, s: State, j: number): UnassignedReason {
  let servable = false;
  let higher = false;
  let lower = false;
  for (const r of s.routes) {
    if (!m.allowed[r.v * m.nJobs + j]) continue;
    if (!timeRoute(m, r.v, [j]).feasible || m.demand[j]! > m.vCap[r.v]!) continue;
    servable = true;
    for (const k of r.seq) {
      if (m.penalty[k]! > m.penalty[j]!) higher = true;
      if (m.penalty[k]! < m.penalty[j]!) lower = true;
    }
  }
  if (!servable) return 'closed';
  return higher && !lower ? 'low-priority' : 'no-time';
}

export function toSolution(problem: Problem, m: Model, s: State): Solution {
  const routes: RoutePlan[] = [];
  let cost = 0;
  let priority = 0;
  for (const r of s.routes) {
    if (r.size === 0) continue;
    const v = problem.vehicles[r.v]!;
    const t = timeRoute(m, r.v, r.seq);
    let departure = t.departure;
    if (t.breaks.length === 0) {
      // Leave just in time for the first visit instead of waiting on site.
      const first = m.T[m.vStart[r.v]! * m.nLoc + m.jobLoc[r.seq[0]!]!]!;
      departure = Math.max(departure, t.starts[0]! - first);
    }
    const stops = r.seq.map((j, i) => {
      const arrival =
        i === 0 && t.breaks.length === 0
          ? departure + m.T[m.vStart[r.v]! * m.nLoc + m.jobLoc[j]!]!
          : t.arrivals[i]!;
      return {
        job: problem.jobs[j]!.id,
        arrival,
        start: t.starts[i]!,
        departure: t.starts[i]! + m.svc[j]!,
        wait: Math.max(0, t.starts[i]! - arrival),
      };
    });
    for (const j of r.seq) priority += m.priority[j]!;
    const travel = r.cum[r.size + 1]!;
    cost += travel + (v.fixedCost ?? 0);
    routes.push({
      vehicle: v.id,
      stops,
      ...(t.breaks.length ? { breaks: t.breaks } : {}),
      departure,
      arrival: t.end,
      cost: travel,
      duration: t.end - departure,
    });
  }
  const unassigned = s.absent().map((j) => ({ job: problem.jobs[j]!.id, reason: reasonFor(m, s, j) }));
  return { routes, unassigned, cost, priority };
}
