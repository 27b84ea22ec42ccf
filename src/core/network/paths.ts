// Strongest referral paths: from one physician to a set of destinations (e.g. our cardiologists),
// the path whose product of normalized edge weights is largest. An edge u→v is normalized by u's
// total outgoing weight, so it is the share of u's patients that go to v and a path's strength is
// the chance a patient follows it hop by hop. Maximizing a product of shares in (0,1] is a
// shortest path on -log(share) (all non-negative), solved with Dijkstra.
import type { Graph } from './graph';
import { MinHeap } from './heap';

export type StrongPath = { destination: string; nodes: string[]; shares: number[]; strength: number };

export function strongestPaths(
  g: Graph,
  from: string,
  destinations: Iterable<string>,
  opts: { maxHops?: number; limit?: number } = {},
): StrongPath[] {
  const s = g.index.get(from);
  if (s === undefined) return [];
  const { n, offsets, targets, weights } = g.out;
  const maxHops = opts.maxHops ?? 4;
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let p = offsets[i]; p < offsets[i + 1]; p++) strength[i] += weights[p];
  const cost = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const hops = new Uint32Array(n);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heap = new MinHeap();
  cost[s] = 0;
  heap.push(0, s);
  while (heap.size > 0) {
    const c = heap.topKey();
    const u = heap.pop();
    if (done[u] || c > cost[u]) continue;
    done[u] = 1;
    if (hops[u] >= maxHops) continue;
    for (let p = offsets[u]; p < offsets[u + 1]; p++) {
      const v = targets[p];
      const alt = c - Math.log(weights[p] / strength[u]);
      if (alt < cost[v]) {
        cost[v] = alt;
        prev[v] = u;
        hops[v] = hops[u] + 1;
        heap.push(alt, v);
      }
    }
  }
  const out: StrongPath[] = [];
  for (const d of new Set(destinations)) {
    const t = g.index.get(d);
    if (t === undefined || t === s || !Number.isFinite(cost[t])) continue;
    const chain: number[] = [];
    for (let v = t; v !== -1; v = prev[v]) chain.unshift(v);
    const shares = chain.slice(1).map((v, i) => shareOf(g, chain[i], v, strength));
    out.push({ destination: d, nodes: chain.map((i) => g.ids[i]), shares, strength: Math.exp(-cost[t]) });
  }
  out.sort(
    (a, b) =>
      b.strength - a.strength || a.nodes.length - b.nodes.length || (a.destination < b.destination ? -1 : 1),
  );
  return out.slice(0, opts.limit ?? out.length);
}

function shareOf(g: Graph, u: number, v: number, strength: Float64Array) {
  for (let p = g.out.offsets[u]; p < g.out.offsets[u + 1]; p++)
    if (g.out.targets[p] === v) return g.out.weights[p] / strength[u];
  return 0;
}
