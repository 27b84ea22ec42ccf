import { describe, expect, it } from 'vitest';
import { compile } from '../model';
import type { Job, Problem } from '../types';
import { crossExchange, exchange, orOpt, relocate, twoOpt, twoOptStar } from './localSearch';
import { State } from './state';

/** Jobs at integer points of a line; location 0 is the depot at x = 0; travel = |x - y|. */
function lineState(
  xs: number[],
  routes: number[][],
  capacity?: number,
): { s: State; xOf: (j: number) => number } {
  const pts = [0, ...xs];
  const matrix = pts.map((a) => pts.map((b) => Math.abs(a - b)));
  const jobs: Job[] = xs.map((x, i) => ({ id: `x${x}`, location: i + 1, service: 0, demand: 1 }));
  const vehicles = routes.map((_, k) => ({ id: `v${k}`, start: 0, earliest: 0, latest: 1000, capacity }));
  const problem: Problem = { time: matrix, jobs, vehicles };
  const s = new State(compile(problem));
  for (const [k, seq] of routes.entries())
    s.setSeq(
      k,
      seq.map((x) => xs.indexOf(x)),
    );
  return { s, xOf: (j) => xs[j]! };
}

const xsOf = (s: State, xOf: (j: number) => number) => s.routes.map((r) => r.seq.map(xOf));

describe('local search moves (hand-computed on a line)', () => {
  it('2-opt reverses a crossed segment: 0-1-3-2-4-0 (10) → 0-1-2-3-4-0 (8)', () => {
    const { s, xOf } = lineState([1, 2, 3, 4], [[1, 3, 2, 4]]);
    expect(s.travel()).toBe(10);
    expect(twoOpt(s)).toBe(2);
    expect(xsOf(s, xOf)).toEqual([[1, 2, 3, 4]]);
    expect(twoOpt(s)).toBe(0);
  });

  it('Or-opt moves a segment within the route: 0-3-1-2-4-0 (12) → 0-1-2-3-4-0 (8)', () => {
    const { s, xOf } = lineState([1, 2, 3, 4], [[3, 1, 2, 4]]);
    expect(s.travel()).toBe(12);
    expect(orOpt(s)).toBe(4);
    expect(xsOf(s, xOf)).toEqual([[1, 2, 3, 4]]);
  });

  it('relocate moves a job to the route on its side (capacity blocks the reverse move)', () => {
    // A: 0→-2→5→0 = 14, B: 0→6→0 = 12; moving 5 into B: A = 4, B = 12 → gain 10.
    const { s, xOf } = lineState([-2, 5, 6], [[-2, 5], [6]], 2);
    expect(relocate(s)).toBe(10);
    expect(xsOf(s, xOf)[0]).toEqual([-2]);
    expect(xsOf(s, xOf)[1]!.sort()).toEqual([5, 6]);
  });

  it('exchange swaps two jobs between full routes: 84 → 44', () => {
    const { s, xOf } = lineState(
      [10, -11, -10, 11],
      [
        [10, -11],
        [-10, 11],
      ],
      2,
    );
    expect(s.travel()).toBe(84);
    expect(exchange(s)).toBe(40);
    expect(s.travel()).toBe(44);
    for (const r of xsOf(s, xOf)) expect(new Set(r.map(Math.sign)).size).toBe(1);
  });

  it('2-opt* swaps route tails: A 0,-1,10 + B 0,1,-10 (44) → 0,-1,-10 + 0,1,10 (40)', () => {
    const { s, xOf } = lineState(
      [-1, 10, 1, -10],
      [
        [-1, 10],
        [1, -10],
      ],
    );
    expect(s.travel()).toBe(44);
    expect(twoOptStar(s)).toBe(4);
    expect(xsOf(s, xOf)).toEqual([
      [-1, -10],
      [1, 10],
    ]);
  });

  it('cross-exchange swaps two segments of length 2: 48 → 44', () => {
    const { s, xOf } = lineState(
      [-1, 10, 11, 1, -10, -11],
      [
        [-1, 10, 11],
        [1, -10, -11],
      ],
      3,
    );
    expect(s.travel()).toBe(48);
    expect(crossExchange(s)).toBe(4);
    // Either route may take either side (a tie); each must end up one-sided.
    expect(
      xsOf(s, xOf)
        .map((r) => r.join(','))
        .sort(),
    ).toEqual(['-1,-10,-11', '1,10,11']);
  });

  it('respects time windows: the stop at x=4 (window [0,4], 1 min visits) must come first', () => {
    const pts = [0, 1, 2, 3, 4];
    const matrix = pts.map((a) => pts.map((b) => Math.abs(a - b)));
    const jobs: Job[] = [1, 2, 3, 4].map((x) => ({
      id: `x${x}`,
      location: x,
      service: 1,
      windows: x === 4 ? [[0, 4]] : undefined,
    }));
    const s = new State(
      compile({ time: matrix, jobs, vehicles: [{ id: 'v', start: 0, earliest: 0, latest: 100 }] }),
    );
    s.setSeq(0, [3, 0, 1, 2]); // 0-4-1-2-3-0 = 12
    expect(s.routes[0]!.feasible()).toBe(true);
    // The unconstrained best, 0-1-2-3-4, reaches x=4 at t=7: 2-opt must instead reverse 1-2-3.
    expect(twoOpt(s)).toBe(4);
    expect(s.routes[0]!.seq.map((j) => j + 1)).toEqual([4, 3, 2, 1]);
    expect(s.routes[0]!.feasible()).toBe(true);
    expect(twoOpt(s) + orOpt(s)).toBe(0);
  });
});
