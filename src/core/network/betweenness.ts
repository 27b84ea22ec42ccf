// Betweenness centrality by Brandes' algorithm on the directed graph, with edge length = 1/weight
// (a strong referral tie is a short hop). Exact when every node is a source; for large graphs,
// k sources are sampled uniformly (seeded) and the sums scaled by n/k — an unbiased estimate
// (Brandes & Pich 2007). Normalized values divide by (n-1)(n-2), the number of ordered pairs
// that can pass through a node, so they fall in 0..1.
import { Rng } from '../routing/rng';
import type { Csr } from './graph';
import { MinHeap } from './heap';

export type BetweennessOptions = {
  /** Sample this many sources; omit (or ≥ n) for the exact value. */
  samples?: number;
  seed?: number;
  normalized?: boolean;
  /** Called after each source (for progress bars). */
  onSource?: (done: number, total: number) => void;
};

export type BetweennessResult = { values: Float64Array; sources: number; exact: boolean };

// Distances closer than this (relative) count as equal, so float sums of 1/w along different
// paths of the same length are recognized as ties.
const TIE = 1e-12;

export function betweenness(g: Csr, opts: BetweennessOptions = {}): BetweennessResult {
  const n = g.n;
  const sources = pickSources(n, opts.samples, opts.seed ?? 1);
  const bc = new Float64Array(n);
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const done = new Uint8Array(n);
  const order = new Uint32Array(n); // nodes in order of settled distance
  // Predecessor lists as a linked list over edge slots: at most one entry per in-edge per source.
  const predHead = new Int32Array(n).fill(-1);
  const predNode = new Uint32Array(Math.max(1, g.targets.length));
  const predNext = new Int32Array(Math.max(1, g.targets.length));
  const heap = new MinHeap();
  sources.forEach((s, k) => {
    let settled = 0;
    let predCount = 0;
    dist[s] = 0;
    sigma[s] = 1;
    heap.clear();
    heap.push(0, s);
    while (heap.size > 0) {
      const du = heap.topKey();
      const u = heap.pop();
      if (done[u] || du > dist[u]) continue;
      done[u] = 1;
      order[settled++] = u;
      for (let p = g.offsets[u]; p < g.offsets[u + 1]; p++) {
        const v = g.targets[p];
        if (done[v]) continue;
        const alt = du + 1 / g.weights[p];
        const dv = dist[v];
        const eps = dv === Number.POSITIVE_INFINITY ? 0 : TIE * Math.max(1, dv);
        if (alt < dv - eps) {
          dist[v] = alt;
          sigma[v] = sigma[u];
          predHead[v] = -1;
          predNode[predCount] = u;
          predNext[predCount] = -1;
          predHead[v] = predCount++;
          heap.push(alt, v);
        } else if (Math.abs(alt - dv) <= eps) {
          sigma[v] += sigma[u];
          predNode[predCount] = u;
          predNext[predCount] = predHead[v];
          predHead[v] = predCount++;
        }
      }
    }
    for (let i = settled - 1; i >= 0; i--) {
      const w = order[i];
      for (let q = predHead[w]; q !== -1; q = predNext[q]) {
        const v = predNode[q];
        delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      if (w !== s) bc[w] += delta[w];
    }
    // Reset only what this source touched.
    for (let i = 0; i < settled; i++) {
      const w = order[i];
      dist[w] = Number.POSITIVE_INFINITY;
      sigma[w] = 0;
      delta[w] = 0;
      done[w] = 0;
      predHead[w] = -1;
    }
    opts.onSource?.(k + 1, sources.length);
  });
  const exact = sources.length === n;
  const scale =
    (exact ? 1 : n / Math.max(1, sources.length)) / (opts.normalized && n > 2 ? (n - 1) * (n - 2) : 1);
  for (let i = 0; i < n; i++) bc[i] *= scale;
  return { values: bc, sources: sources.length, exact };
}

function pickSources(n: number, samples: number | undefined, seed: number): Uint32Array {
  if (samples === undefined || samples >= n) return Uint32Array.from({ length: n }, (_, i) => i);
  // Partial Fisher–Yates over a virtual identity permutation (a Map keeps memory O(k) for huge n).
  const rng = new Rng(seed);
  const swapped = new Map<number, number>();
  const out = new Uint32Array(samples);
  for (let i = 0; i < samples; i++) {
    const j = i + (rng.u32() % (n - i));
    const vj = swapped.get(j) ?? j;
    out[i] = vj;
    swapped.set(j, swapped.get(i) ?? i);
  }
  return out;
}
