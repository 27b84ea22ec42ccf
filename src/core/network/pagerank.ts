// Weighted PageRank by power iteration over the CSR (push style: each node sends its rank along
// its out-edges in proportion to edge weight). Dangling nodes (no out-edges) spread their rank
// uniformly, so ranks always sum to 1.
import type { Csr } from './graph';

export type PageRankOptions = { damping?: number; tolerance?: number; maxIterations?: number };
export type PageRankResult = { rank: Float64Array; iterations: number; converged: boolean; delta: number };

export function pageRank(g: Csr, opts: PageRankOptions = {}): PageRankResult {
  const d = opts.damping ?? 0.85;
  const tol = opts.tolerance ?? 1e-9;
  const maxIter = opts.maxIterations ?? 100;
  const n = g.n;
  if (n === 0) return { rank: new Float64Array(0), iterations: 0, converged: true, delta: 0 };
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) strength[i] += g.weights[p];
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let delta = Number.POSITIVE_INFINITY;
  let it = 0;
  while (it < maxIter && delta > tol) {
    it++;
    let dangling = 0;
    for (let i = 0; i < n; i++) if (strength[i] === 0) dangling += rank[i];
    next.fill((1 - d) / n + (d * dangling) / n);
    for (let i = 0; i < n; i++) {
      if (strength[i] === 0) continue;
      const share = (d * rank[i]) / strength[i];
      for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) next[g.targets[p]] += share * g.weights[p];
    }
    // L1 change between iterations: the stopping rule (sum of |Δ| over all nodes).
    delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i] - rank[i]);
    [rank, next] = [next, rank];
  }
  return { rank, iterations: it, converged: delta <= tol, delta };
}
