// Re-planning with stops pinned at positions ("this one stays 3rd, optimise the rest"). Done/kept stops form an
// ordered prefix; each pinned stop splits the rest of the day into segments. Segment i runs from the previous
// pin to pin i and holds at most (position gap) free stops; it is solved as its own one-vehicle problem whose
// end is the pin, with a deadline that keeps every later pin reachable (a backward pass over the pins alone).
// The composed sequence is re-timed as a whole (lunch included) and certified by the independent checker.
import { checkSolution } from '../feasibility';
import { compile, latestStart, type Model } from '../model';
import { timeRoute } from '../schedule';
import { solve } from '../solve';
import type { Problem, Solution, UnassignedReason, Vehicle } from '../types';
import { buildPlanProblem, toPlan } from './plan';
import { reoptimizeWithPins } from './reoptimize';
import type { PlanOptions, PlanResult, PlanStop, WorkDay } from './types';

export interface PinnedInput extends PlanOptions {
  day: WorkDay;
  stops: readonly PlanStop[];
  /** Stop ids kept first, in this order (visited or locked). */
  keep?: readonly string[];
  /** Stops that must be visited at this 0-based position of the day's visit order. */
  pins: readonly { stopId: string; position: number }[];
}

export class PinError extends Error {}

const travel = (m: Model, a: number, b: number) => m.T[a * m.nLoc + b]!;

/** Latest start of each pin such that the pins alone (no free stops between them) still fit the day. */
function pinDeadlines(m: Model, pins: number[]): number[] {
  const out = new Array<number>(pins.length);
  let bound = m.vLatest[0]!;
  let next = m.vEnd[0]!;
  for (let k = pins.length - 1; k >= 0; k--) {
    const j = pins[k]!;
    const s = latestStart(m, m.vClass[0]!, j, bound - travel(m, m.jobLoc[j]!, next) - m.svc[j]!);
    out[k] = s;
    bound = s;
    next = m.jobLoc[j]!;
  }
  return out;
}

export function reoptimizeWithPositions(input: PinnedInput): PlanResult {
  const keep = input.keep ?? [];
  const pinList = input.pins.filter((p) => !keep.includes(p.stopId)).sort((a, b) => a.position - b.position);
  if (pinList.length === 0) return reoptimizeWithPins({ ...input, keep });
  const { problem, km } = buildPlanProblem(input.stops, [{ work: input.day }], input);
  const index = new Map(problem.jobs.map((j, i) => [j.id, i]));
  const find = (id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new PinError(`unknown stop ${id}`);
    return i;
  };
  const prefix = keep.map(find);
  const pins = pinList.map((p) => find(p.stopId));
  if (new Set([...prefix, ...pins]).size !== prefix.length + pins.length)
    throw new PinError('a stop is kept or pinned twice');
  pinList.forEach((p, k) => {
    if (!Number.isInteger(p.position) || p.position < prefix.length + k)
      throw new PinError(`stop ${p.stopId} cannot be at position ${p.position + 1}`);
  });
  const v0 = problem.vehicles[0]!;
  const noLunch: Problem = { ...problem, vehicles: [{ ...v0, breaks: [] }] };
  const m0 = compile(noLunch);
  if (!timeRoute(m0, 0, [...prefix, ...pins]).feasible)
    throw new PinError('the kept and pinned stops cannot be visited in that order within their hours');
  const deadlines = pinDeadlines(m0, pins);

  const pinned = new Set([...prefix, ...pins]);
  let free = problem.jobs.map((_, i) => i).filter((i) => !pinned.has(i));
  const tPrefix = timeRoute(m0, 0, prefix);
  const last = prefix[prefix.length - 1];
  let t = last === undefined ? v0.earliest : tPrefix.starts[tPrefix.starts.length - 1]! + m0.svc[last]!;
  let loc = last === undefined ? v0.start : m0.jobLoc[last]!;
  let lunchTaken = false;
  const seq = [...prefix];
  const budget = Math.max(50, Math.floor((input.timeLimitMs ?? 1000) / (pins.length + 1)));
  for (let k = 0; k <= pins.length; k++) {
    const pin = pins[k];
    const cap = pin === undefined ? free.length : pinList[k]!.position - seq.length;
    const end = pin === undefined ? (v0.end ?? v0.start) : m0.jobLoc[pin]!;
    const latest = pin === undefined ? v0.latest : deadlines[k]!;
    let chosen: number[] = [];
    if (cap > 0 && free.length > 0) {
      const lunch = lunchTaken
        ? []
        : (v0.breaks ?? []).filter((b) => b.windows.some(([a, z]) => z >= t && a <= latest));
      const vehicle: Vehicle = { ...v0, start: loc, end, earliest: t, latest, capacity: cap, breaks: lunch };
      const sub: Problem = {
        ...problem,
        jobs: free.map((i) => ({ ...problem.jobs[i]!, demand: 1 })),
        vehicles: [vehicle],
      };
      const sol = solve(sub, { seed: input.seed ?? 1, timeLimitMs: budget });
      const route = sol.routes[0];
      chosen = (route?.stops ?? []).map((s) => index.get(s.job)!);
      if (route?.breaks?.length) lunchTaken = true;
    }
    const timed = timeRoute(m0, 0, [...seq, ...chosen, ...(pin === undefined ? [] : [pin])]);
    if (!timed.feasible) chosen = []; // the pins alone always fit (checked above)
    seq.push(...chosen);
    free = free.filter((i) => !chosen.includes(i));
    if (pin === undefined) break;
    seq.push(pin);
    const tt = timeRoute(m0, 0, seq);
    t = tt.starts[tt.starts.length - 1]! + m0.svc[pin]!;
    loc = m0.jobLoc[pin]!;
  }
  return finish(problem, km, input.day, seq, free, pinned);
}

/** Times the composed order with lunch; drops the least important free stops until it fits. */
function finish(
  problem: Problem,
  km: number[][],
  day: WorkDay,
  order: number[],
  left: number[],
  pinned: Set<number>,
): PlanResult {
  const m = compile(problem);
  const seq = [...order];
  const dropped: number[] = [];
  let t = timeRoute(m, 0, seq);
  while (!t.feasible) {
    const candidates = seq.filter((j) => !pinned.has(j));
    if (candidates.length === 0) throw new PinError('the pinned stops and lunch do not fit in the day');
    const worst = candidates.reduce((a, b) => (m.priority[b]! < m.priority[a]! ? b : a));
    seq.splice(seq.indexOf(worst), 1);
    dropped.push(worst);
    t = timeRoute(m, 0, seq);
  }
  const served = new Set(seq);
  let cost = 0;
  let at = m.vStart[0]!;
  for (const j of seq) {
    cost += travel(m, at, m.jobLoc[j]!);
    at = m.jobLoc[j]!;
  }
  cost += travel(m, at, m.vEnd[0]!);
  const maxServed = Math.max(0, ...seq.filter((j) => !pinned.has(j)).map((j) => m.priority[j]!));
  const reason = (j: number): UnassignedReason => {
    if (
      !timeRoute(compile({ ...problem, vehicles: [{ ...problem.vehicles[0]!, breaks: [] }] }), 0, [j])
        .feasible
    )
      return 'closed';
    return m.priority[j]! < maxServed ? 'low-priority' : 'no-time';
  };
  const solution: Solution = {
    routes: seq.length
      ? [
          {
            vehicle: problem.vehicles[0]!.id,
            stops: seq.map((j, i) => ({
              job: problem.jobs[j]!.id,
              arrival: t.arrivals[i]!,
              start: t.starts[i]!,
              departure: t.starts[i]! + m.svc[j]!,
              wait: t.starts[i]! - t.arrivals[i]!,
            })),
            ...(t.breaks.length ? { breaks: t.breaks } : {}),
            departure: t.departure,
            arrival: t.end,
            cost,
            duration: t.end - t.departure,
          },
        ]
      : [],
    unassigned: [...left, ...dropped]
      .filter((j) => !served.has(j))
      .map((j) => ({ job: problem.jobs[j]!.id, reason: reason(j) })),
    cost,
    priority: seq.reduce((s, j) => s + m.priority[j]!, 0),
  };
  const plan = toPlan(problem, km, [{ work: day }], solution);
  plan.feasible = checkSolution(problem, solution).feasible;
  return plan;
}
