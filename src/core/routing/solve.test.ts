import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSolution } from './feasibility';
import { Rng } from './rng';
import { solve } from './solve';
import { solveInstance } from './solveBenchmark';
import type { Job, Problem } from './types';

const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/routing');

/** Independent brute force: best (max priority, then min cost) over all ordered subsets, split over vehicles. */
function bruteForce(p: Problem): { priority: number; cost: number } {
  const n = p.jobs.length;
  let best = { priority: -1, cost: Infinity };
  const t = p.time as number[][];
  const vs = p.vehicles;
  // Assign each job to a vehicle or to nobody (-1), then try every order per vehicle.
  const assign = new Array<number>(n).fill(-1);
  const perms = (xs: number[]): number[][] =>
    xs.length <= 1
      ? [xs]
      : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((r) => [x, ...r]));
  const bestRoute = (v: number, jobs: number[]): number => {
    const veh = vs[v]!;
    let b = Infinity;
    const load = jobs.reduce((s, j) => s + (p.jobs[j]!.demand ?? 0), 0);
    if (load > (veh.capacity ?? Infinity)) return Infinity;
    for (const order of perms(jobs)) {
      let time = veh.earliest;
      let loc = veh.start;
      let cost = 0;
      let ok = true;
      for (const j of order) {
        const job = p.jobs[j]!;
        time += t[loc]![job.location]!;
        cost += t[loc]![job.location]!;
        const w = (job.windows ?? [[-Infinity, Infinity]]).find(([, z]) => time <= z);
        if (!w) {
          ok = false;
          break;
        }
        time = Math.max(time, w[0]) + job.service;
        loc = job.location;
      }
      time += t[loc]![veh.end ?? veh.start]!;
      cost += t[loc]![veh.end ?? veh.start]!;
      if (ok && time <= veh.latest && cost < b) b = order.length ? cost : 0;
    }
    return b;
  };
  const rec = (k: number) => {
    if (k === n) {
      let cost = 0;
      let prio = 0;
      for (let v = 0; v < vs.length; v++)
        cost += bestRoute(
          v,
          assign.flatMap((a, j) => (a === v ? [j] : [])),
        );
      assign.forEach((a, j) => {
        if (a >= 0) prio += p.jobs[j]!.priority ?? 1;
      });
      if (cost < Infinity && (prio > best.priority || (prio === best.priority && cost < best.cost - 1e-9)))
        best = { priority: prio, cost };
      return;
    }
    for (let a = -1; a < vs.length; a++) {
      assign[k] = a;
      rec(k + 1);
    }
  };
  rec(0);
  return best;
}

function randomInstance(seed: number, n: number, vehicles: number, tight: boolean): Problem {
  const rng = new Rng(seed);
  const pts = Array.from({ length: n + 1 }, () => [rng.int(100), rng.int(100)] as const);
  const time = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  const jobs: Job[] = pts.slice(1).map((_, i) => {
    const a = rng.int(200);
    return {
      id: `j${i}`,
      location: i + 1,
      service: 5,
      windows: tight ? [[a, a + 40 + rng.int(60)]] : undefined,
      priority: 1 + rng.int(3),
      demand: 1 + rng.int(3),
    };
  });
  const vs = Array.from({ length: vehicles }, (_, k) => ({
    id: `v${k}`,
    start: 0,
    earliest: 0,
    latest: tight ? 330 : 260,
    capacity: vehicles > 1 ? 7 : undefined,
  }));
  return { time, jobs, vehicles: vs };
}

describe('solve', () => {
  it('finds the brute-force optimum on random tiny instances (priority first, then travel)', () => {
    let count = 0;
    for (let seed = 1; seed <= Number(process.env.BRUTE_SEEDS ?? 24); seed++) {
      const vehicles = seed % 3 === 0 ? 2 : 1;
      const n = vehicles === 2 ? 6 : 7 + (seed % 2);
      const p = randomInstance(seed, n, vehicles, seed % 2 === 0);
      const expected = bruteForce(p);
      const sol = solve(p, { seed, timeLimitMs: 10_000, iterations: 1500 });
      const check = checkSolution(p, sol);
      expect(check.violations).toEqual([]);
      expect({ seed, p: check.priority }).toEqual({ seed, p: expected.priority });
      expect({ seed, cost: Math.round(check.cost * 1e6) / 1e6 }).toEqual({
        seed,
        cost: Math.round(expected.cost * 1e6) / 1e6,
      });
      count++;
    }
    expect(count).toBe(Number(process.env.BRUTE_SEEDS ?? 24));
  });

  it('selects by priority when the day is too short (hand-computed)', () => {
    // Depot at 0; stops at distance 10 in three directions, 30 apart from each other. Day of 50:
    // two stops (10 + 30 + 10) fit, not three. Priorities 5, 1, 4 → serve the 5 and the 4.
    const time = [
      [0, 10, 10, 10],
      [10, 0, 30, 30],
      [10, 30, 0, 30],
      [10, 30, 30, 0],
    ];
    const jobs: Job[] = [
      { id: 'a', location: 1, service: 0, priority: 5 },
      { id: 'b', location: 2, service: 0, priority: 1 },
      { id: 'c', location: 3, service: 0, priority: 4 },
    ];
    const p: Problem = { time, jobs, vehicles: [{ id: 'v', start: 0, earliest: 0, latest: 50 }] };
    const sol = solve(p, { seed: 3, timeLimitMs: 5000, iterations: 300 });
    expect(sol.routes[0]!.stops.map((s) => s.job).sort()).toEqual(['a', 'c']);
    expect(sol.unassigned).toEqual([{ job: 'b', reason: 'low-priority' }]);
    expect(sol.priority).toBe(9);
    expect(checkSolution(p, sol).feasible).toBe(true);
  });

  it('explains closed stops', () => {
    const p: Problem = {
      time: [
        [0, 10],
        [10, 0],
      ],
      jobs: [{ id: 'x', location: 1, service: 5, windowsByKey: { tue: [[0, 100]] } }],
      vehicles: [{ id: 'mon', start: 0, earliest: 0, latest: 100, windowKey: 'mon' }],
    };
    expect(solve(p, { iterations: 10 }).unassigned).toEqual([{ job: 'x', reason: 'closed' }]);
  });

  it('is deterministic for a seed (iteration cap, generous time limit)', () => {
    const text = readFileSync(path.join(data, 'solomon/RC201.txt'), 'utf8');
    const a = solveInstance(text, 'solomon', { seed: 7, timeLimitMs: 60_000, iterations: 400 });
    const b = solveInstance(text, 'solomon', { seed: 7, timeLimitMs: 60_000, iterations: 400 });
    expect(a.feasible).toBe(true);
    expect(b.routes).toEqual(a.routes);
    expect(b.cost).toBe(a.cost);
    const t1 = solveInstance(readFileSync(path.join(data, 'tsplib/eil51.tsp'), 'utf8'), 'tsplib', {
      seed: 3,
      timeLimitMs: 60_000,
      iterations: 3000,
    });
    const t2 = solveInstance(readFileSync(path.join(data, 'tsplib/eil51.tsp'), 'utf8'), 'tsplib', {
      seed: 3,
      timeLimitMs: 60_000,
      iterations: 3000,
    });
    expect(t2.routes).toEqual(t1.routes);
  });

  it('certifies benchmark answers with the independent checker', () => {
    const tsptw = solveInstance(readFileSync(path.join(data, 'tsptw/n20w20.001.txt'), 'utf8'), 'tsptw', {
      timeLimitMs: 1000,
    });
    expect(tsptw.feasible).toBe(true);
    expect(tsptw.cost).toBe(378);
    expect(tsptw.routes[0]).toHaveLength(20);
    const tsp = solveInstance(readFileSync(path.join(data, 'tsplib/ulysses22.tsp'), 'utf8'), 'tsplib', {
      timeLimitMs: 500,
    });
    expect(tsp.cost).toBe(7013);
    expect(new Set(tsp.routes[0]).size).toBe(22);
  });
});
