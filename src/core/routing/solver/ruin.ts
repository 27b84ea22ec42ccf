// Ruin step of SISR ("slack induction by string removals"): remove a few strings of consecutive jobs from
// routes near a random seed job. Removing *adjacent* strings from *nearby* routes frees space exactly where a
// better recombination is likely, which is what makes SISR strong on VRPTW.
import type { Model } from '../model';
import type { Rng } from '../rng';
import type { State } from './state';

export interface RuinParams {
  /** Average number of removed jobs. */
  avgRemoved: number;
  /** Maximum string length. */
  maxString: number;
}

/** Jobs sorted by closeness to each job (symmetrised travel cost), truncated for large instances. */
export function neighborLists(m: Model, limit = 150): Int32Array[] {
  const N = m.nLoc;
  const out: Int32Array[] = [];
  const idx = Array.from({ length: m.nJobs }, (_, i) => i);
  for (let i = 0; i < m.nJobs; i++) {
    const li = m.jobLoc[i]!;
    const d = (j: number) => m.C[li * N + m.jobLoc[j]!]! + m.C[m.jobLoc[j]! * N + li]!;
    const sorted = idx.filter((j) => j !== i).sort((a, b) => d(a) - d(b) || a - b);
    out.push(Int32Array.from(sorted.slice(0, limit)));
  }
  return out;
}

export function ruinStrings(s: State, adj: Int32Array[], rng: Rng, p: RuinParams): number[] {
  const m = s.m;
  let served = 0;
  let nonEmpty = 0;
  for (const r of s.routes) {
    if (r.size > 0) nonEmpty++;
    served += r.size;
  }
  if (served === 0) return [];
  const lsMax = Math.min(p.maxString, served / nonEmpty);
  const ksMax = (4 * p.avgRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(rng.float() * ksMax) + 1;
  let seed = rng.int(m.nJobs);
  for (let tries = 0; s.routeOf[seed]! < 0 && tries < 20; tries++) seed = rng.int(m.nJobs);
  const removed: number[] = [];
  const ruined = new Set<number>();
  const visit = (c: number) => {
    const ri = s.routeOf[c]!;
    if (ri < 0 || ruined.has(ri)) return;
    ruined.add(ri);
    const seq = s.routes[ri]!.seq;
    const pos = seq.indexOf(c);
    const lMax = Math.min(seq.length, lsMax);
    const l = Math.floor(rng.float() * lMax) + 1;
    if (l === seq.length || rng.float() < 0.5) {
      // String: l consecutive jobs containing c.
      const start = Math.max(0, Math.min(pos - rng.int(l), seq.length - l));
      for (let i = start; i < start + l; i++) removed.push(seq[i]!);
    } else {
      // Split string: a longer string of l + k jobs around c, of which k consecutive ones are kept.
      let k = 1;
      while (l + k < seq.length && rng.float() < 0.5) k++;
      const len = l + k;
      const start = Math.max(0, Math.min(pos - rng.int(len), seq.length - len));
      const keepAt = start + rng.int(l + 1);
      for (let i = start; i < start + len; i++) if (i < keepAt || i >= keepAt + k) removed.push(seq[i]!);
    }
  };
  visit(seed);
  const list = adj[seed]!;
  for (let i = 0; i < list.length && ruined.size < ks; i++) visit(list[i]!);
  s.remove(removed);
  return removed;
}

/** Empties one route (biased to short ones): the route-elimination move for fleet minimisation. */
export function ruinRoute(s: State, rng: Rng): number[] {
  const used = s.routes.map((r, i) => [r.size, i] as const).filter(([n]) => n > 0);
  if (used.length <= 1) return [];
  used.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pick = used[Math.floor(rng.float() ** 2 * used.length)]![1];
  const jobs = s.routes[pick]!.seq.slice();
  s.remove(jobs);
  return jobs;
}

/** Random removal, used to diversify when strings keep destroying the same neighbourhood. */
export function ruinRandom(s: State, rng: Rng, count: number): number[] {
  const served: number[] = [];
  for (let j = 0; j < s.m.nJobs; j++) if (s.routeOf[j]! >= 0) served.push(j);
  rng.shuffle(served);
  const removed = served.slice(0, Math.min(count, served.length));
  s.remove(removed);
  return removed;
}
