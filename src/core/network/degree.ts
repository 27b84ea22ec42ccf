// Weighted degree (node strength): the sum of edge weights leaving / entering a node.
import type { Csr } from './graph';

export type WeightedDegree = { out: Float64Array; in: Float64Array; total: Float64Array };

export function weightedDegree(g: Csr): WeightedDegree {
  const out = new Float64Array(g.n);
  const inn = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++)
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      out[i] += g.weights[p];
      inn[g.targets[p]] += g.weights[p];
    }
  const total = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) total[i] = out[i] + inn[i];
  return { out, in: inn, total };
}
