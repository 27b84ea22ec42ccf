// The metaheuristic: regret construction, then ruin-and-recreate (SISR strings, route elimination) under a
// simulated-annealing acceptance whose temperature follows the *iteration* count, so a seed and an iteration
// cap fix the whole trajectory; the wall clock can only stop it early (anytime: the best state is kept).
// Every new best is polished by the local search (relocate, exchange, 2-opt, Or-opt, 2-opt*, cross).
import type { Model } from '../model';
import { Rng } from '../rng';
import { recreate, regretInsert } from './insert';
import { localSearch } from './localSearch';
import { neighborLists, ruinRandom, ruinRoute, ruinStrings } from './ruin';
import { State } from './state';

export interface SearchOptions {
  seed: number;
  timeLimitMs: number;
  iterations?: number;
  minimizeVehicles?: boolean;
  /** Start from this state instead of constructing one. */
  initial?: State;
}

export interface SearchResult {
  best: State;
  iterations: number;
}

const now = () => performance.now();

/** Default work cap: scaled so that on a 2-core laptop the schedule ends a little before the time limit. */
export function defaultIterations(m: Model, timeLimitMs: number): number {
  const perIterationUs = 0.6 * (m.nJobs + 10) ** 1.1;
  // Small instances converge long before the time limit: stop early instead of burning the budget.
  const bySize = 1000 + 400 * m.nJobs;
  return Math.max(200, Math.min(bySize, Math.round((timeLimitMs * 1000 * 0.85) / perIterationUs)));
}

export function construct(m: Model): State {
  const s = new State(m);
  // Highest priority first, so lower-priority stops only take the room that is left.
  const byPrio = new Map<number, number[]>();
  for (let j = 0; j < m.nJobs; j++) {
    const p = m.mandatory[j] ? Infinity : m.priority[j]!;
    byPrio.set(p, [...(byPrio.get(p) ?? []), j]);
  }
  for (const p of [...byPrio.keys()].sort((a, b) => b - a)) {
    const group = byPrio.get(p)!;
    if (m.nJobs <= 250) regretInsert(s, group);
    else recreate(s, group, null, 0);
  }
  return s;
}

function insertionOrder(s: State, jobs: number[], rng: Rng): number[] {
  const m = s.m;
  const depotLoc = m.vStart[0] ?? 0;
  const far = (j: number) => m.C[depotLoc * m.nLoc + m.jobLoc[j]!]!;
  const r = rng.float() * 11;
  rng.shuffle(jobs);
  if (r < 4) {
    // random
  } else if (r < 8) jobs.sort((a, b) => m.demand[b]! - m.demand[a]!);
  else if (r < 10) jobs.sort((a, b) => far(b) - far(a));
  else jobs.sort((a, b) => far(a) - far(b));
  // Important jobs first (stable): when not everything fits, priority must win the free room.
  if (rng.float() < 0.7) jobs.sort((a, b) => m.penalty[b]! - m.penalty[a]!);
  return jobs;
}

export function search(m: Model, o: SearchOptions): SearchResult {
  const deadline = now() + o.timeLimitMs;
  const rng = new Rng(o.seed);
  const iterations = o.iterations ?? defaultIterations(m, o.timeLimitMs);
  let cur = o.initial ?? construct(m);
  localSearch(cur, deadline);
  let best = cur.clone();
  let bestCost = best.total();
  let curCost = bestCost;
  if (m.nJobs === 0) return { best, iterations: 0 };

  const adj = neighborLists(m);
  // Temperatures relative to the typical distance between neighbouring jobs, so they are scale-free.
  let nn = 0;
  for (let j = 0; j < m.nJobs; j++) {
    const k = adj[j]![0];
    if (k !== undefined) nn += m.C[m.jobLoc[j]! * m.nLoc + m.jobLoc[k]!]!;
  }
  nn = Math.max(1e-9, nn / m.nJobs);
  const t0 = 3 * nn;
  const tf = 0.02 * nn;
  // SISR's c̄ = 10 removed jobs; small instances need proportionally larger ruins to leave deep local optima.
  const params = { avgRemoved: Math.min(10, Math.max(3, m.nJobs / 3)), maxString: 10 };

  let it = 0;
  for (; it < iterations; it++) {
    if ((it & 15) === 0 && now() > deadline) break;
    const temp = t0 * (tf / t0) ** (it / iterations);
    const cand = cur.clone();
    const u = rng.float();
    let removed: number[];
    if (o.minimizeVehicles && u < 0.05) removed = ruinRoute(cand, rng);
    else if (u < 0.05) removed = ruinRandom(cand, rng, 1 + rng.int(Math.ceil(2 * params.avgRemoved)));
    else removed = ruinStrings(cand, adj, rng, params);
    const pending = insertionOrder(
      cand,
      [...removed, ...cand.absent().filter((j) => !removed.includes(j))],
      rng,
    );
    recreate(cand, pending, rng, 0.01);
    const cost = cand.total();
    if (cost < curCost - temp * Math.log(rng.float() + 1e-300)) {
      cur = cand;
      curCost = cost;
      if (cost < bestCost - 1e-9) {
        localSearch(cur, deadline);
        curCost = cur.total();
        best = cur.clone();
        bestCost = curCost;
      }
    }
  }
  return { best, iterations: it };
}
