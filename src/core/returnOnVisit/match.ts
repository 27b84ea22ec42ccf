// Matched controls for one episode: physicians not visited from the start of the pre-window to the end
// of the post-window, alike before the visit — same specialty, county, loyalty segment (share to us) and
// volume bucket (referrals/month to us), both over the year before the pre-window. When fewer
// than minControls match exactly, county and then specialty are dropped (the level is reported).
import type { RovPhysician } from './types';

export const VOLUME_BUCKET_EDGES = [0, 0.5, 1, 2, 3, 5, 8, 12, 20, 30, 45, 70] as const;

export function volumeBucket(perMonth: number): number {
  if (perMonth <= 0) return 0;
  let b = 1;
  for (const edge of VOLUME_BUCKET_EDGES.slice(1)) if (perMonth > edge) b++;
  return b;
}

export function segmentOf(toUs: number, total: number): 'none' | 'loyalist' | 'splitter' | 'opportunity' {
  if (total <= 0) return 'none';
  const s = toUs / total;
  return s >= 0.5 ? 'loyalist' : s >= 0.1 ? 'splitter' : 'opportunity';
}

export function windowMean(series: Map<number, number>, from: number, to: number): number {
  let sum = 0;
  for (let m = from; m <= to; m++) sum += series.get(m) ?? 0;
  return sum / (to - from + 1);
}

export interface Profile {
  bucket: number;
  segment: string;
}

export function profileAt(p: RovPhysician, from: number, to: number): Profile {
  const toUs = windowMean(p.toUs, from, to);
  return { bucket: volumeBucket(toUs), segment: segmentOf(toUs, windowMean(p.total, from, to)) };
}

/**
 * Matching looks at the 12 months *before* the pre-window (as much of them as the data has), not at the
 * pre-window itself: choosing controls by a noisy pre-window count picks some that were high by chance,
 * which then fall back (regression to the mean) and fake a positive effect.
 */
export const PROFILE_MONTHS = 12;
export function profileWindow(visitMonth: number, N: number, firstDataMonth: number): [number, number] {
  const to = visitMonth - N - 1;
  const from = Math.max(firstDataMonth, to - PROFILE_MONTHS + 1);
  return from <= to ? [from, to] : [visitMonth - N, visitMonth - 1];
}

export interface ControlMatch {
  controls: RovPhysician[];
  level: 0 | 1 | 2;
}

export function matchControls(
  treated: RovPhysician,
  visitMonth: number,
  N: number,
  candidates: readonly RovPhysician[],
  visitMonths: Map<string, Set<number>>,
  minControls: number,
  firstDataMonth: number,
): ControlMatch | null {
  const preFrom = visitMonth - N;
  const postTo = visitMonth + N;
  const [pf, pt] = profileWindow(visitMonth, N, firstDataMonth);
  const me = profileAt(treated, pf, pt);
  const levels: RovPhysician[][] = [[], [], []];
  for (const c of candidates) {
    if (c.npi === treated.npi) continue;
    const vm = visitMonths.get(c.npi);
    if (vm) {
      let visited = false;
      for (let m = preFrom; m <= postTo && !visited; m++) visited = vm.has(m);
      if (visited) continue;
    }
    const pr = profileAt(c, pf, pt);
    if (pr.bucket !== me.bucket || pr.segment !== me.segment) continue;
    levels[2]!.push(c);
    if (c.specialty !== treated.specialty) continue;
    levels[1]!.push(c);
    if (c.county === treated.county) levels[0]!.push(c);
  }
  for (const level of [0, 1, 2] as const)
    if (levels[level]!.length >= minControls) return { controls: levels[level]!, level };
  return null;
}
