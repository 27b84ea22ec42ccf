// Benchmark front door: instance text → Problem → solve → independent check. `feasible` is the checker's
// verdict, never the solver's, so an infeasible answer can not be reported as feasible.
import { checkSolution } from './feasibility';
import { parseSolomon, solomonDistance } from './formats/solomon';
import { parseTsplib } from './formats/tsplib';
import { parseTsptw } from './formats/tsptw';
import { solve } from './solve';
import type { Job, Problem, Solution } from './types';

export type BenchmarkFormat = 'tsplib' | 'solomon' | 'tsptw';

export interface BenchmarkOptions {
  timeLimitMs?: number;
  seed?: number;
  /** Solomon only: 'distance' (default; vehicle count ≤ the file's limit) or 'vehicles' (fewest, then distance). */
  objective?: 'distance' | 'vehicles';
  iterations?: number;
}

export interface BenchmarkResult {
  cost: number;
  feasible: boolean;
  /**
   * Node ids in visiting order. TSPLIB: ids from NODE_COORD_SECTION, one closed tour listing every node and
   * starting at the first node of the file. Solomon: CUST NO. per vehicle, depot excluded. TSPTW: row
   * indices, depot 0 excluded.
   */
  routes: number[][];
  unassigned: number[];
  ms: number;
  vehicles: number;
  violations: string[];
}

interface Built {
  problem: Problem;
  /** job index → output node id */
  ids: number[];
  /** Output ids prepended to the route (TSPLIB lists the start node too). */
  head: number[];
}

function fromTsplib(text: string): Built {
  const inst = parseTsplib(text);
  const jobs: Job[] = [];
  for (let i = 1; i < inst.dimension; i++)
    jobs.push({ id: String(i), location: i, service: 0, mandatory: true });
  return {
    problem: {
      time: inst.matrix,
      jobs,
      vehicles: [{ id: 'tour', start: 0, end: 0, earliest: 0, latest: Infinity }],
      costBy: 'time',
    },
    ids: inst.ids.slice(1),
    head: [inst.ids[0]!],
  };
}

function fromSolomon(text: string): Built {
  const inst = parseSolomon(text);
  const c = inst.customers;
  const matrix = c.map((a) => c.map((b) => solomonDistance(a, b)));
  const depot = c[0]!;
  const jobs: Job[] = c.slice(1).map((x, i) => ({
    id: String(x.id),
    location: i + 1,
    service: x.service,
    windows: [[x.ready, x.due]],
    demand: x.demand,
    mandatory: true,
  }));
  const vehicles = Array.from({ length: inst.vehicles }, (_, k) => ({
    id: `v${k}`,
    start: 0,
    end: 0,
    earliest: depot.ready,
    latest: depot.due,
    capacity: inst.capacity,
  }));
  return {
    problem: { time: matrix, distance: matrix, jobs, vehicles, costBy: 'distance' },
    ids: c.slice(1).map((x) => x.id),
    head: [],
  };
}

function fromTsptw(text: string): Built {
  const inst = parseTsptw(text);
  const jobs: Job[] = [];
  for (let i = 1; i < inst.n; i++)
    jobs.push({ id: String(i), location: i, service: 0, windows: [inst.windows[i]!], mandatory: true });
  const [a0, b0] = inst.windows[0]!;
  return {
    problem: {
      time: inst.matrix,
      jobs,
      vehicles: [{ id: 'tour', start: 0, end: 0, earliest: a0, latest: b0 }],
      costBy: 'time',
    },
    ids: jobs.map((_, i) => i + 1),
    head: [],
  };
}

export function buildProblem(text: string, format: BenchmarkFormat): Built {
  if (format === 'tsplib') return fromTsplib(text);
  if (format === 'solomon') return fromSolomon(text);
  if (format === 'tsptw') return fromTsptw(text);
  throw new Error(`unknown format ${String(format)}`);
}

export function solveInstance(
  text: string,
  format: BenchmarkFormat,
  options: BenchmarkOptions = {},
): BenchmarkResult {
  const t0 = performance.now();
  const built = buildProblem(text, format);
  const solution: Solution = solve(built.problem, {
    seed: options.seed ?? 1,
    timeLimitMs: Math.max(1, (options.timeLimitMs ?? 2000) - (performance.now() - t0)),
    iterations: options.iterations,
    objective: format === 'solomon' && options.objective === 'vehicles' ? 'vehicles' : 'cost',
  });
  const ms = performance.now() - t0;
  const check = checkSolution(built.problem, solution);
  const index = new Map(built.problem.jobs.map((j, i) => [j.id, i]));
  const routes = solution.routes.map((r) => [
    ...built.head,
    ...r.stops.map((s) => built.ids[index.get(s.job)!]!),
  ]);
  return {
    cost: check.cost,
    feasible: check.feasible,
    routes,
    unassigned: solution.unassigned.map((u) => built.ids[index.get(u.job)!]!),
    ms,
    vehicles: routes.length,
    violations: check.violations.map((v) => `${v.kind}: ${v.message}`),
  };
}
