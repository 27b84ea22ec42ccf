// Recreate step: greedy cheapest insertion with "blinks" (SISR, Christiaens & Vanden Berghe 2020). Each job
// goes to its cheapest feasible position over all routes; a small blink rate skips positions at random so
// repeated recreates explore different but still good solutions.
import type { Model } from '../model';
import type { Rng } from '../rng';
import { routeFeasible } from '../schedule';
import type { Route } from './route';
import type { State } from './state';

export interface Insertion {
  route: number;
  pos: number;
  delta: number;
}

/** Cheapest feasible insertion of job j, or null. Empty routes are tried once per vehicle type. */
export function bestInsertion(s: State, j: number, rng: Rng | null, blink: number): Insertion | null {
  const m = s.m;
  let best: Insertion | null = null;
  let bound = Infinity;
  const seenEmptyType = new Set<number>();
  for (let ri = 0; ri < s.routes.length; ri++) {
    const r = s.routes[ri]!;
    if (!m.allowed[r.v * m.nJobs + j]) continue;
    if (r.size === 0) {
      const t = m.vType[r.v]!;
      if (seenEmptyType.has(t)) continue;
      seenEmptyType.add(t);
    }
    if (r.load[r.size + 1]! + m.demand[j]! > m.vCap[r.v]!) continue;
    const ins: { pos: number; delta: number } | null = r.slow
      ? bestInRouteSlow(r, j, bound)
      : bestInRoute(r, j, rng, blink, bound);
    if (ins && ins.delta < bound) {
      best = { route: ri, pos: ins.pos, delta: ins.delta };
      bound = ins.delta;
    }
  }
  return best;
}

function bestInRoute(
  r: Route,
  j: number,
  rng: Rng | null,
  blink: number,
  bound: number,
): { pos: number; delta: number } | null {
  const m: Model = r.m;
  const N = m.nLoc;
  const c = m.vClass[r.v]!;
  const lj = m.jobLoc[j]!;
  const k = c * m.nJobs + j;
  const lastClose = m.winB[m.winOff[k]! + m.winCnt[k]! - 1]!;
  const svc = m.svc[j]!;
  const fixed = r.size === 0 ? m.vFixed[r.v]! : 0;
  let bestPos = -1;
  let bestDelta = bound;
  const n = r.size;
  const wOff = m.winOff[k]!;
  const wEnd = wOff + m.winCnt[k]!;
  for (let p = 0; p <= n; p++) {
    const a = r.loc[p]!;
    const b = r.loc[p + 1]!;
    const delta = m.C[a * N + lj]! + m.C[lj * N + b]! - m.C[a * N + b]! + fixed;
    if (delta >= bestDelta) continue;
    const arr = r.dep(p) + m.T[a * N + lj]!;
    // Departures only grow along the route: once the job's last window has closed, no later slot works.
    if (arr > lastClose) break;
    if (rng && blink > 0 && rng.float() < blink) continue;
    let st = Infinity;
    for (let w = wOff; w < wEnd; w++) {
      if (arr <= m.winB[w]!) {
        st = Math.max(arr, m.winA[w]!);
        break;
      }
    }
    if (st + svc + m.T[lj * N + b]! > r.L[p + 1]!) continue;
    bestDelta = delta;
    bestPos = p;
  }
  return bestPos >= 0 ? { pos: bestPos, delta: bestDelta } : null;
}

function bestInRouteSlow(r: Route, j: number, bound: number): { pos: number; delta: number } | null {
  const m = r.m;
  const N = m.nLoc;
  const lj = m.jobLoc[j]!;
  const fixed = r.size === 0 ? m.vFixed[r.v]! : 0;
  let bestPos = -1;
  let bestDelta = bound;
  for (let p = 0; p <= r.size; p++) {
    const a = r.loc[p]!;
    const b = r.loc[p + 1]!;
    const delta = m.C[a * N + lj]! + m.C[lj * N + b]! - m.C[a * N + b]! + fixed;
    if (delta >= bestDelta) continue;
    const seq = r.seq.slice();
    seq.splice(p, 0, j);
    if (!routeFeasible(m, r.v, seq)) continue;
    bestDelta = delta;
    bestPos = p;
  }
  return bestPos >= 0 ? { pos: bestPos, delta: bestDelta } : null;
}

/** Inserts jobs in the given order; returns the jobs that did not fit anywhere. */
export function recreate(s: State, jobs: readonly number[], rng: Rng | null, blink: number): number[] {
  const left: number[] = [];
  for (const j of jobs) {
    const ins = bestInsertion(s, j, rng, blink);
    if (ins) s.insert(ins.route, ins.pos, j);
    else left.push(j);
  }
  return left;
}

/**
 * Regret-k insertion (used for the first solution): repeatedly inserts the job whose best option is most
 * better than its k-th best route, so hard-to-place jobs (tight windows, far away) go first.
 */
export function regretInsert(s: State, jobs: readonly number[], k = 3): number[] {
  const m = s.m;
  const pending = new Set(jobs);
  while (pending.size > 0) {
    let pick = -1;
    let pickIns: Insertion | null = null;
    let pickScore = -Infinity;
    for (const j of pending) {
      const perRoute: Insertion[] = [];
      const seenEmptyType = new Set<number>();
      for (let ri = 0; ri < s.routes.length; ri++) {
        const r = s.routes[ri]!;
        if (!m.allowed[r.v * m.nJobs + j]) continue;
        if (r.size === 0) {
          if (seenEmptyType.has(m.vType[r.v]!)) continue;
          seenEmptyType.add(m.vType[r.v]!);
        }
        if (r.load[r.size + 1]! + m.demand[j]! > m.vCap[r.v]!) continue;
        const ins = r.slow ? bestInRouteSlow(r, j, Infinity) : bestInRoute(r, j, null, 0, Infinity);
        if (ins) perRoute.push({ route: ri, pos: ins.pos, delta: ins.delta });
      }
      if (perRoute.length === 0) continue;
      perRoute.sort((a, b) => a.delta - b.delta);
      let score = m.penalty[j]! * 1e-9; // tie-break towards important jobs
      for (let i = 1; i < k; i++)
        score += (perRoute[i]?.delta ?? perRoute[0]!.delta * 2 + 1e6) - perRoute[0]!.delta;
      if (score > pickScore) {
        pickScore = score;
        pick = j;
        pickIns = perRoute[0]!;
      }
    }
    if (pick < 0 || !pickIns) break;
    s.insert(pickIns.route, pickIns.pos, pick);
    pending.delete(pick);
  }
  return [...pending];
}
