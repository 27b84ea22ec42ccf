// Symmetric TSP engine: iterated local search = 2-opt + Or-opt driven by neighbour lists and don't-look bits,
// kicked by *local* double bridges (swap two short adjacent segments), accepting equal-or-better tours.
// A local kick only dirties ~6 nodes, so re-optimising it costs a few dozen move evaluations: that is what
// allows tens of thousands of kicks per second and near-optimal tours on a few hundred nodes in a second.
import type { Model } from '../model';
import { Rng } from '../rng';

export interface TspOptions {
  seed: number;
  timeLimitMs: number;
  /** Kick cap (deterministic schedule); default scales with the time limit. */
  iterations?: number;
}

/** Returns the job visiting order (the vehicle's start location closes the tour). */
export function solveTsp(m: Model, o: TspOptions): number[] {
  const n = m.nJobs + 1; // node 0 = depot, node i = job i-1
  const locs = Int32Array.from({ length: n }, (_, i) => (i === 0 ? m.vStart[0]! : m.jobLoc[i - 1]!));
  const N = m.nLoc;
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) D[i * n + j] = m.C[locs[i]! * N + locs[j]!]!;
  const tour = Tsp.run(n, D, o);
  const start = tour.indexOf(0);
  const order: number[] = [];
  for (let k = 1; k < n; k++) order.push(tour[(start + k) % n]! - 1);
  return order;
}

/** Kicked tours within this fraction of the best are accepted too (a little drift escapes deep valleys). */
const ACCEPT = 0.001;

class Tsp {
  tour: Int32Array;
  pos: Int32Array;
  dlb: Uint8Array;
  queue: number[] = [];
  len = 0;

  private constructor(
    readonly n: number,
    readonly D: Float64Array,
    readonly nb: Int32Array[],
  ) {
    this.tour = new Int32Array(n);
    this.pos = new Int32Array(n);
    this.dlb = new Uint8Array(n);
  }

  static run(n: number, D: Float64Array, o: TspOptions): Int32Array {
    const deadline = performance.now() + o.timeLimitMs;
    const rng = new Rng(o.seed);
    const K = Math.min(n - 1, 10);
    const idx = Array.from({ length: n }, (_, i) => i);
    const nb = idx.map((i) =>
      Int32Array.from(
        idx
          .filter((j) => j !== i)
          .sort((a, b) => D[i * n + a]! - D[i * n + b]! || a - b)
          .slice(0, K),
      ),
    );
    const t = new Tsp(n, D, nb);
    t.nearestNeighbor();
    for (let i = 0; i < n; i++) t.queue.push(t.tour[i]!);
    t.optimize();
    let best = t.tour.slice();
    let bestLen = t.length();
    t.len = bestLen;
    const iterations = o.iterations ?? Math.round(o.timeLimitMs * 50);
    const saveTour = new Int32Array(n);
    const savePos = new Int32Array(n);
    const maxSeg = Math.max(1, Math.min(30, Math.floor(n / 4)));
    for (let it = 0; it < iterations && n >= 8; it++) {
      if ((it & 63) === 0 && performance.now() > deadline) break;
      saveTour.set(t.tour);
      savePos.set(t.pos);
      const before = t.len;
      t.kick(rng, maxSeg);
      t.optimize();
      if (t.len <= before + 1e-9 || t.len < bestLen * (1 + ACCEPT)) {
        if (t.len < bestLen - 1e-9) {
          bestLen = t.len;
          best = t.tour.slice();
        }
      } else {
        t.tour.set(saveTour);
        t.pos.set(savePos);
        t.len = before;
      }
    }
    return best;
  }

  d(a: number, b: number): number {
    return this.D[a * this.n + b]!;
  }

  succ(a: number): number {
    return this.tour[(this.pos[a]! + 1) % this.n]!;
  }

  pred(a: number): number {
    return this.tour[(this.pos[a]! - 1 + this.n) % this.n]!;
  }

  length(): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.d(this.tour[i]!, this.tour[(i + 1) % this.n]!);
    return s;
  }

  nearestNeighbor(): void {
    const used = new Uint8Array(this.n);
    let cur = 0;
    for (let i = 0; i < this.n; i++) {
      this.tour[i] = cur;
      this.pos[cur] = i;
      used[cur] = 1;
      let next = -1;
      for (const c of this.nb[cur]!)
        if (!used[c]) {
          next = c;
          break;
        }
      if (next < 0) {
        let bd = Infinity;
        for (let c = 0; c < this.n; c++)
          if (!used[c] && this.d(cur, c) < bd) {
            bd = this.d(cur, c);
            next = c;
          }
      }
      if (next < 0) break;
      cur = next;
    }
  }

  private set(i: number, node: number): void {
    this.tour[i] = node;
    this.pos[node] = i;
  }

  /** Reverses the path from position i forward to position j (cyclic), or equivalently its complement. */
  reverse(i: number, j: number): void {
    const n = this.n;
    let len = ((j - i + n) % n) + 1;
    if (len * 2 > n) {
      const ni = (j + 1) % n;
      j = (i - 1 + n) % n;
      i = ni;
      len = n - len;
    }
    for (let k = 0; k < len >> 1; k++) {
      const a = this.tour[(i + k) % n]!;
      const b = this.tour[(j - k + n) % n]!;
      this.set((i + k) % n, b);
      this.set((j - k + n) % n, a);
    }
  }

  private activate(...nodes: number[]): void {
    for (const x of nodes) {
      if (this.dlb[x]) {
        this.dlb[x] = 0;
        this.queue.push(x);
      }
    }
  }

  /** Local double bridge: A B C D → A C B D with B, C short and adjacent. */
  kick(rng: Rng, maxSeg: number): void {
    const n = this.n;
    const l1 = 1 + rng.int(maxSeg);
    const l2 = 1 + rng.int(maxSeg);
    const p = rng.int(n);
    const seg: number[] = [];
    for (let k = 1; k <= l1 + l2; k++) seg.push(this.tour[(p + k) % n]!);
    const a = this.tour[p]!;
    const d = this.tour[(p + l1 + l2 + 1) % n]!;
    const b1 = seg[0]!;
    const b2 = seg[l1 - 1]!;
    const c1 = seg[l1]!;
    const c2 = seg[l1 + l2 - 1]!;
    this.len +=
      this.d(a, c1) + this.d(c2, b1) + this.d(b2, d) - this.d(a, b1) - this.d(b2, c1) - this.d(c2, d);
    const moved = seg.slice(l1).concat(seg.slice(0, l1));
    for (let k = 0; k < moved.length; k++) this.set((p + 1 + k) % n, moved[k]!);
    this.dlb[a] = this.dlb[d] = this.dlb[b1] = this.dlb[b2] = this.dlb[c1] = this.dlb[c2] = 1;
    this.activate(a, d, b1, b2, c1, c2);
  }

  optimize(): void {
    while (this.queue.length > 0) {
      const a = this.queue.pop()!;
      // dlb = 1 means "not queued"; an improving move re-queues every endpoint it touched, a included.
      this.dlb[a] = 1;
      this.improve(a);
    }
  }

  /** Tries 2-opt then Or-opt moves around node a; applies the first improving one. */
  private improve(a: number): boolean {
    for (let dir = 0; dir < 2; dir++) {
      const an = dir === 0 ? this.succ(a) : this.pred(a);
      const g1 = this.d(a, an);
      for (const c of this.nb[a]!) {
        const g2 = this.d(a, c);
        if (g2 >= g1) break;
        const cn = dir === 0 ? this.succ(c) : this.pred(c);
        if (c === an || cn === a) continue;
        const delta = g2 + this.d(an, cn) - g1 - this.d(c, cn);
        if (delta < -1e-9) {
          if (dir === 0) this.reverse(this.pos[an]!, this.pos[c]!);
          else this.reverse(this.pos[c]!, this.pos[an]!);
          this.len += delta;
          this.activate(a, an, c, cn);
          return true;
        }
      }
    }
    return this.orOpt(a);
  }

  /** Moves the segment of 1–3 nodes starting (forward) at a next to one of its neighbours. */
  private orOpt(a: number): boolean {
    const n = this.n;
    for (let L = 1; L <= 3 && L < n - 3; L++) {
      const i = this.pos[a]!;
      const j = (i + L - 1) % n;
      const s1 = a;
      const s2 = this.tour[j]!;
      const prev = this.pred(s1);
      const next = this.succ(s2);
      const removeGain = this.d(prev, s1) + this.d(s2, next) - this.d(prev, next);
      if (removeGain <= 1e-9) continue;
      for (const end of [s1, s2]) {
        for (const c of this.nb[end]!) {
          if (this.d(end, c) >= removeGain) break;
          const pc = this.pos[c]!;
          if ((pc - i + n) % n < L) continue; // c inside the segment
          for (const side of [0, 1]) {
            // Insert between x and y = (c, succ c) or (pred c, c).
            const x = side === 0 ? c : this.pred(c);
            const y = side === 0 ? this.succ(c) : c;
            if (x === s2 || y === s1) continue;
            const base = this.d(x, y);
            const fwd = this.d(x, s1) + this.d(s2, y) - base;
            const rev = this.d(x, s2) + this.d(s1, y) - base;
            const add = Math.min(fwd, rev);
            if (add - removeGain < -1e-9) {
              this.moveSegment(i, L, this.pos[x]!, rev < fwd);
              this.len += add - removeGain;
              this.activate(prev, next, s1, s2, x, y);
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Moves the L nodes at positions i.. to just after position p, shifting whichever side is shorter. */
  private moveSegment(i: number, L: number, p: number, reversed: boolean): void {
    const n = this.n;
    const seg: number[] = [];
    for (let k = 0; k < L; k++) seg.push(this.tour[(i + k) % n]!);
    if (reversed) seg.reverse();
    const fwd = (p - (i + L - 1) + n) % n; // nodes between segment end and p
    const back = (i - 1 - p + n) % n; // nodes between p and segment start
    if (fwd <= back) {
      for (let k = 0; k < fwd; k++) this.set((i + k) % n, this.tour[(i + L + k) % n]!);
      for (let k = 0; k < L; k++) this.set((i + fwd + k) % n, seg[k]!);
    } else {
      for (let k = 0; k < back; k++) this.set((i + L - 1 - k + n) % n, this.tour[(i - 1 - k + n) % n]!);
      for (let k = 0; k < L; k++) this.set((p + 1 + k) % n, seg[k]!);
    }
  }
}
