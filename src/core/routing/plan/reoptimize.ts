// Mid-day re-planning: the first visits (already done, or promised in this order) are kept as they are, the
// rest of the day is re-optimised from where the liaison will be after them. Time-pinned stops are expressed
// as appointments on PlanStop and stay exactly on their time.
import { compile } from '../model';
import { timeRoute } from '../schedule';
import { solve } from '../solve';
import type { Problem } from '../types';
import { buildPlanProblem, toPlan } from './plan';
import type { PlanOptions, PlanResult, PlanStop, Visit, WorkDay } from './types';

export interface ReoptimizeInput extends PlanOptions {
  day: WorkDay;
  stops: readonly PlanStop[];
  /** Stop ids kept first, in this order (visited or locked). */
  keep: readonly string[];
}

export function reoptimizeWithPins(input: ReoptimizeInput): PlanResult {
  const { problem, km } = buildPlanProblem(input.stops, [{ work: input.day }], input);
  const index = new Map(problem.jobs.map((j, i) => [j.id, i]));
  const prefix = input.keep.map((id) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`reoptimizeWithPins: unknown stop ${id}`);
    return i;
  });
  // Time the kept prefix on its own (lunch is decided together with the re-optimised remainder).
  const v0 = problem.vehicles[0]!;
  const noLunch: Problem = { ...problem, vehicles: [{ ...v0, breaks: [] }] };
  const t = timeRoute(compile(noLunch), 0, prefix);
  if (!t.feasible && prefix.length > 0)
    throw new Error('reoptimizeWithPins: the kept stops cannot be visited in that order');
  const last = prefix[prefix.length - 1];
  const lastDeparture =
    last === undefined ? v0.earliest : t.starts[t.starts.length - 1]! + problem.jobs[last]!.service;
  const lunch = v0.breaks?.filter((b) => b.windows.some(([, z]) => z >= lastDeparture));
  const keepSet = new Set(prefix);
  const rest: Problem = {
    ...problem,
    jobs: problem.jobs.filter((_, i) => !keepSet.has(i)),
    vehicles: [
      {
        ...v0,
        start: last === undefined ? v0.start : problem.jobs[last]!.location,
        earliest: lastDeparture,
        breaks: lunch,
      },
    ],
  };
  const solution = solve(rest, { seed: input.seed ?? 1, timeLimitMs: input.timeLimitMs ?? 1000 });
  const plan = toPlan(rest, km, [{ work: input.day }], solution);
  const day = plan.days[0]!;
  const kept: Visit[] = prefix.map((j, k) => ({
    stopId: problem.jobs[j]!.id,
    arrival: t.arrivals[k]!,
    start: t.starts[k]!,
    end: t.starts[k]! + problem.jobs[j]!.service,
    wait: t.starts[k]! - t.arrivals[k]!,
  }));
  let loc = v0.start;
  for (const j of prefix) {
    const l = problem.jobs[j]!.location;
    const time = problem.time as number[][];
    day.travelMinutes += time[loc]![l]!;
    day.km += km[loc]![l]!;
    loc = l;
  }
  if (prefix.length > 0)
    day.departure = Math.max(
      v0.earliest,
      t.starts[0]! - (problem.time as number[][])[v0.start]![problem.jobs[prefix[0]!]!.location]!,
    );
  if (day.visits.length === 0 && prefix.length > 0) {
    const end = v0.end ?? v0.start;
    const leg = (problem.time as number[][])[loc]![end]!;
    day.returnAt = lastDeparture + leg;
    day.travelMinutes += leg;
    day.km += km[loc]![end]!;
  }
  day.visits = kept.concat(day.visits);
  for (const j of prefix) plan.priority += problem.jobs[j]!.priority ?? 1;
  plan.travelMinutes = day.travelMinutes;
  return plan;
}
