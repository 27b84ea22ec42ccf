// Louvain community detection (Blondel et al. 2008) on typed arrays: local moving of nodes to the
// neighbouring community with the best modularity gain, then aggregation of communities into
// nodes, repeated until nothing moves. Works on the undirected view of the referral graph
// (w(u,v)+w(v,u)), so a cluster is a group of providers who send patients among themselves.
import type { Csr } from './graph';
import { symmetrize } from './graph';

export type LouvainOptions = { resolution?: number; maxLevels?: number; maxPasses?: number };
export type LouvainResult = { community: Uint32Array; count: number; modularity: number; levels: number };

/** `g` is directed; it is symmetrized first. Pass `undirected: true` if it already is. */
export function louvain(g: Csr, opts: LouvainOptions & { undirected?: boolean } = {}): LouvainResult {
  const base = opts.undirected ? g : symmetrize(g);
  const res = opts.resolution ?? 1;
  const n = base.n;
  const membership = Uint32Array.from({ length: n }, (_, i) => i);
  let level = base;
  let levels = 0;
  for (; levels < (opts.maxLevels ?? 20); levels++) {
    const { community, count, moved } = localMoving(level, res, opts.maxPasses ?? 50);
    if (!moved) break;
    for (let i = 0; i < n; i++) membership[i] = community[membership[i]];
    level = aggregate(level, community, count);
  }
  const { community, count } = renumberBySize(membership);
  return { community, count, modularity: modularity(base, community, res), levels };
}

function localMoving(g: Csr, res: number, maxPasses: number) {
  const n = g.n;
  const k = new Float64Array(n); // node strength, self-loops included
  let twoM = 0;
  for (let i = 0; i < n; i++) {
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) k[i] += g.weights[p];
    twoM += k[i];
  }
  const comm = Uint32Array.from({ length: n }, (_, i) => i);
  const tot = k.slice(); // total strength per community
  const linkTo = new Float64Array(n); // scratch: weight from the current node to each community
  const touched = new Uint32Array(n);
  let moved = false;
  if (twoM === 0) return { community: comm, count: n, moved };
  for (let pass = 0; pass < maxPasses; pass++) {
    let moves = 0;
    for (let i = 0; i < n; i++) {
      const own = comm[i];
      let nt = 0;
      for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
        const j = g.targets[p];
        if (j === i) continue;
        const c = comm[j];
        if (linkTo[c] === 0) touched[nt++] = c;
        linkTo[c] += g.weights[p];
      }
      tot[own] -= k[i];
      // Gain of joining c (relative to being alone): linkTo[c] - res·tot[c]·k_i / 2m.
      let best = own;
      let bestGain = linkTo[own] - (res * tot[own] * k[i]) / twoM;
      for (let t = 0; t < nt; t++) {
        const c = touched[t];
        const gain = linkTo[c] - (res * tot[c] * k[i]) / twoM;
        // Move only on a strict improvement, so the loop terminates and ties keep the node put.
        if (gain > bestGain + 1e-12) {
          best = c;
          bestGain = gain;
        }
      }
      tot[best] += k[i];
      if (best !== own) {
        comm[i] = best;
        moves++;
        moved = true;
      }
      for (let t = 0; t < nt; t++) linkTo[touched[t]] = 0;
    }
    if (moves === 0) break;
  }
  const { community, count } = renumber(comm);
  return { community, count, moved };
}

function renumber(comm: Uint32Array) {
  const map = new Int32Array(comm.length).fill(-1);
  const out = new Uint32Array(comm.length);
  let count = 0;
  for (let i = 0; i < comm.length; i++) {
    if (map[comm[i]] === -1) map[comm[i]] = count++;
    out[i] = map[comm[i]];
  }
  return { community: out, count };
}

/** Community 0 is the largest; ties broken by first appearance, so results are deterministic. */
function renumberBySize(comm: Uint32Array) {
  const { community, count } = renumber(comm);
  const size = new Uint32Array(count);
  for (const c of community) size[c]++;
  const order = Array.from({ length: count }, (_, c) => c).sort((a, b) => size[b] - size[a] || a - b);
  const rank = new Uint32Array(count);
  order.forEach((c, r) => {
    rank[c] = r;
  });
  return { community: community.map((c) => rank[c]), count };
}

// Collapse each community into one node; internal weight becomes a self-loop (both directions
// counted, so node strength is preserved).
function aggregate(g: Csr, comm: Uint32Array, count: number): Csr {
  const members = bucket(comm, count);
  const acc = new Float64Array(count);
  const touched = new Uint32Array(count);
  const offsets = new Uint32Array(count + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let c = 0; c < count; c++) {
    let nt = 0;
    for (let m = members.offsets[c]; m < members.offsets[c + 1]; m++) {
      const i = members.items[m];
      for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
        const d = comm[g.targets[p]];
        if (acc[d] === 0) touched[nt++] = d;
        acc[d] += g.weights[p];
      }
    }
    const row = Array.from(touched.subarray(0, nt)).sort((a, b) => a - b);
    for (const d of row) {
      targets.push(d);
      weights.push(acc[d]);
      acc[d] = 0;
    }
    offsets[c + 1] = targets.length;
  }
  return { n: count, offsets, targets: Uint32Array.from(targets), weights: Float64Array.from(weights) };
}

function bucket(comm: Uint32Array, count: number) {
  const offsets = new Uint32Array(count + 1);
  for (const c of comm) offsets[c + 1]++;
  for (let c = 0; c < count; c++) offsets[c + 1] += offsets[c];
  const cursor = offsets.slice(0, count);
  const items = new Uint32Array(comm.length);
  comm.forEach((c, i) => {
    items[cursor[c]++] = i;
  });
  return { offsets, items };
}

/** Newman modularity Q of a partition of an undirected CSR (both directions stored). */
export function modularity(g: Csr, comm: ArrayLike<number>, res = 1): number {
  let twoM = 0;
  const tot = new Map<number, number>();
  let inside = 0;
  for (let i = 0; i < g.n; i++)
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      const w = g.weights[p];
      twoM += w;
      tot.set(comm[i], (tot.get(comm[i]) ?? 0) + w);
      if (comm[i] === comm[g.targets[p]]) inside += w;
    }
  if (twoM === 0) return 0;
  let q = inside / twoM;
  for (const t of tot.values()) q -= res * (t / twoM) ** 2;
  return q;
}
