import { describe, expect, it } from 'vitest';
import { checkSolution } from './feasibility';
import type { Problem, Solution } from './types';

// Locations on a line, travel = distance = |i - j| × 10.
const line = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => Math.abs(i - j) * 10));

function problem(): Problem {
  return {
    time: line,
    vehicles: [
      { id: 'v', start: 0, earliest: 0, latest: 100, capacity: 3 },
      { id: 'w', start: 0, earliest: 0, latest: 100, capacity: 3 },
    ],
    jobs: [
      { id: 'a', location: 1, service: 5, windows: [[0, 20]], demand: 1 },
      { id: 'b', location: 2, service: 5, windows: [[30, 40]], demand: 2, mandatory: true },
      { id: 'c', location: 3, service: 5, demand: 1, vehicles: ['w'] },
    ],
  };
}

// v: 0 →(10) a [10,15] →(10) b arrive 25, wait to 30, [30,35] →(20) back at 55. w: 0 → c (30) [30,35] → 65.
function good(): Solution {
  return {
    routes: [
      {
        vehicle: 'v',
        stops: [
          { job: 'a', arrival: 10, start: 10, departure: 15, wait: 0 },
          { job: 'b', arrival: 25, start: 30, departure: 35, wait: 5 },
        ],
      },
      { vehicle: 'w', stops: [{ job: 'c', arrival: 30, start: 30, departure: 35, wait: 0 }] },
    ],
    unassigned: [],
    cost: 40 + 60,
  };
}

const kinds = (s: Solution, p = problem()) =>
  checkSolution(p, s)
    .violations.map((v) => v.kind)
    .sort();

describe('checkSolution', () => {
  it('accepts a correct solution and recomputes its cost', () => {
    const r = checkSolution(problem(), good());
    expect(r.violations).toEqual([]);
    expect(r.feasible).toBe(true);
    expect(r.cost).toBe(100);
    expect(r.served).toBe(3);
  });

  it('recomputes times itself when the stops carry none', () => {
    const s = good();
    for (const r of s.routes)
      for (const st of r.stops)
        Object.assign(st, { arrival: Number.NaN, start: Number.NaN, departure: Number.NaN });
    expect(kinds(s)).toEqual([]);
  });

  it('reports a service after its window closed (late)', () => {
    const p = problem();
    p.jobs[0]!.windows = [[0, 5]];
    expect(kinds(good(), p)).toEqual(['late-service']);
  });

  it('reports a service before its window opens', () => {
    const s = good();
    s.routes[0]!.stops[1] = { job: 'b', arrival: 25, start: 25, departure: 30, wait: 0 };
    expect(kinds(s)).toEqual(['window']);
  });

  it('reports capacity, return-time and vehicle restrictions', () => {
    const p = problem();
    p.vehicles[0]!.capacity = 2;
    p.vehicles[0]!.latest = 50;
    const s = good();
    s.routes[1]!.vehicle = 'v2';
    p.vehicles.push({ id: 'v2', start: 0, earliest: 0, latest: 100 });
    expect(kinds(s, p)).toEqual(['capacity', 'late-return', 'not-allowed']);
  });

  it('reports missing, duplicate and unknown jobs', () => {
    const s = good();
    s.routes[0]!.stops.pop(); // mandatory b is gone
    s.routes[1]!.stops.push({ job: 'a', arrival: 55, start: 55, departure: 60, wait: 0 });
    s.routes[1]!.stops.push({ job: 'zz', arrival: 70, start: 70, departure: 70, wait: 0 });
    s.cost = 20 + 60 + 40;
    const k = kinds(s);
    expect(k).toContain('missing-job');
    expect(k).toContain('duplicate-job');
    expect(k).toContain('unknown-job');
  });

  it('reports a silently dropped optional job and a wrong cost', () => {
    const s = good();
    s.routes.pop();
    expect(kinds(s)).toEqual(['missing-job', 'wrong-cost']);
    s.unassigned.push({ job: 'c', reason: 'no-time' });
    s.cost = 40;
    expect(kinds(s)).toEqual([]);
  });

  it('reports times that do not follow from the travel times', () => {
    const s = good();
    s.routes[0]!.stops[0] = { job: 'a', arrival: 5, start: 5, departure: 10, wait: 0 };
    expect(kinds(s)).toEqual(['time-inconsistent']);
  });

  it('checks breaks: taken once, inside their window, not during a visit', () => {
    const p = problem();
    p.vehicles[0]!.breaks = [{ id: 'lunch', windows: [[15, 20]], duration: 10 }];
    const s = good();
    expect(kinds(s, p)).toContain('break');
    // Lunch right after a (15–25): b is reached at 35 > 30 open, still in window [30, 40].
    s.routes[0]!.breaks = [{ id: 'lunch', start: 15, end: 25 }];
    s.routes[0]!.stops[1] = { job: 'b', arrival: 35, start: 35, departure: 40, wait: 0 };
    expect(kinds(s, p)).toEqual([]);
    s.routes[0]!.breaks = [{ id: 'lunch', start: 12, end: 22 }];
    expect(kinds(s, p)).toEqual(['break', 'break']);
  });
});
