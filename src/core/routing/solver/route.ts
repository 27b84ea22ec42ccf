// Route state with forward/backward time bookkeeping that makes "prefix + new middle + suffix" checks cost
// O(|middle|): E[p] = earliest service start at position p given the prefix, L[p] = latest service start at p
// that keeps the suffix feasible. Position 0 is the start depot, m+1 the end depot. Because waiting is allowed
// and travel is FIFO, the feasible start times at p are exactly windows(p) ∩ (-∞, L[p]], so a new arrival
// `a` at p is feasible iff a ≤ L[p] — even with several windows per stop.
import { earliestStart, latestStart, type Model } from '../model';
import { routeFeasible } from '../schedule';

export class Route {
  seq: number[] = [];
  loc: number[] = [];
  E: number[] = [];
  L: number[] = [];
  /** load[p] = demand served at positions 1..p. */
  load: number[] = [];
  /** cum[p] = travel cost from the start to position p. */
  cum: number[] = [];
  cost = 0;
  /** Breaks make O(1) checks invalid: such routes are always re-timed in full. */
  readonly slow: boolean;

  constructor(
    readonly m: Model,
    readonly v: number,
  ) {
    this.slow = m.vBreaks[v]!.length > 0;
    this.update();
  }

  clone(): Route {
    const r = new Route(this.m, this.v);
    r.seq = this.seq.slice();
    r.update();
    return r;
  }

  get size(): number {
    return this.seq.length;
  }

  update(): void {
    const { m, v, seq } = this;
    const n = seq.length;
    const c = m.vClass[v]!;
    const N = m.nLoc;
    const loc = new Array<number>(n + 2);
    const E = new Array<number>(n + 2);
    const L = new Array<number>(n + 2);
    const load = new Array<number>(n + 2);
    const cum = new Array<number>(n + 2);
    this.loc = loc;
    this.E = E;
    this.L = L;
    this.load = load;
    this.cum = cum;
    loc[0] = m.vStart[v]!;
    for (let i = 0; i < n; i++) loc[i + 1] = m.jobLoc[seq[i]!]!;
    loc[n + 1] = m.vEnd[v]!;
    E[0] = m.vEarliest[v]!;
    load[0] = 0;
    cum[0] = 0;
    let prevSvc = 0;
    for (let p = 1; p <= n + 1; p++) {
      const arr = E[p - 1]! + prevSvc + m.T[loc[p - 1]! * N + loc[p]!]!;
      cum[p] = cum[p - 1]! + m.C[loc[p - 1]! * N + loc[p]!]!;
      if (p <= n) {
        const j = seq[p - 1]!;
        E[p] = earliestStart(m, c, j, arr);
        load[p] = load[p - 1]! + m.demand[j]!;
        prevSvc = m.svc[j]!;
      } else {
        E[p] = arr;
        load[p] = load[p - 1]!;
      }
    }
    L[n + 1] = m.vLatest[v]!;
    for (let p = n; p >= 1; p--) {
      const j = seq[p - 1]!;
      L[p] = latestStart(m, c, j, L[p + 1]! - m.T[loc[p]! * N + loc[p + 1]!]! - m.svc[j]!);
    }
    L[0] = L[1]! - m.T[loc[0]! * N + loc[1]!]!;
    this.cost = cum[n + 1]! + (n > 0 ? m.vFixed[v]! : 0);
  }

  feasible(): boolean {
    if (this.slow) return routeFeasible(this.m, this.v, this.seq);
    for (let p = 0; p < this.E.length; p++) if (!(this.E[p]! <= this.L[p]!)) return false;
    return this.load[this.load.length - 1]! <= this.m.vCap[this.v]!;
  }

  /** Departure time (service end) at position p. */
  dep(p: number): number {
    return p === 0 ? this.E[0]! : this.E[p]! + this.m.svc[this.seq[p - 1]!]!;
  }
}

/**
 * Is "positions 0..p of `pre`, then jobs `mid`, then positions q..end of `suf`" feasible for pre's vehicle?
 * `suf` may be another route (2-opt*, cross-exchange); its L values are reused only when both vehicles are
 * interchangeable, otherwise the candidate is re-timed in full. Capacity is checked by the caller.
 */
export function feasibleJoin(pre: Route, p: number, mid: readonly number[], suf: Route, q: number): boolean {
  const m = pre.m;
  const v = pre.v;
  const compatible = pre === suf || m.vType[v] === m.vType[suf.v];
  if (pre.slow || !compatible) {
    const seq = pre.seq.slice(0, p).concat(mid, suf.seq.slice(Math.max(0, q - 1)));
    return routeFeasible(m, v, seq);
  }
  const c = m.vClass[v]!;
  const N = m.nLoc;
  let t = pre.dep(p);
  let loc = pre.loc[p]!;
  for (let i = 0; i < mid.length; i++) {
    const j = mid[i]!;
    if (!m.allowed[v * m.nJobs + j]) return false;
    const s = earliestStart(m, c, j, t + m.T[loc * N + m.jobLoc[j]!]!);
    if (s === Infinity) return false;
    t = s + m.svc[j]!;
    loc = m.jobLoc[j]!;
  }
  return t + m.T[loc * N + suf.loc[q]!]! <= suf.L[q]!;
}

/** Travel cost of the same composite sequence (prefix/suffix costs come from the cumulative arrays). */
export function joinCost(pre: Route, p: number, mid: readonly number[], suf: Route, q: number): number {
  const m = pre.m;
  const N = m.nLoc;
  let cost = pre.cum[p]!;
  let loc = pre.loc[p]!;
  for (let i = 0; i < mid.length; i++) {
    const l = m.jobLoc[mid[i]!]!;
    cost += m.C[loc * N + l]!;
    loc = l;
  }
  const last = suf.loc.length - 1;
  const endLoc = m.vEnd[pre.v]!;
  if (q === last) return cost + m.C[loc * N + endLoc]!;
  cost += m.C[loc * N + suf.loc[q]!]! + suf.cum[last - 1]! - suf.cum[q]!;
  return cost + m.C[suf.loc[last - 1]! * N + endLoc]!;
}
