// Return on visit: difference in differences per episode, averaged per group, with a cluster-robust
// interval (episodes of the same physician form one cluster; t quantile with G − 1 degrees of freedom).
//   effect_i = (treated post − treated pre) − (mean control post − mean control pre), referrals/month.
// The interval reflects Poisson noise of both the visited physician and the controls as it shows up in
// the spread of effect_i; it does not cover bias from unmeasured differences between visited and
// matched physicians (a liaison choosing whom to visit) — the definitions say so in the UI.
import { findEpisodes, visitMonthsByNpi } from './episodes';
import { matchControls, windowMean } from './match';
import { tQuantile } from './tDistribution';
import type { RovEpisode, RovEstimate, RovOptions, RovPhysician, RovVisit } from './types';

export function buildEpisodes(
  physicians: readonly RovPhysician[],
  visits: readonly RovVisit[],
  o: RovOptions,
) {
  const byNpi = new Map(physicians.map((p) => [p.npi, p]));
  const visitMonths = visitMonthsByNpi(visits);
  const N = o.windowMonths;
  const episodes: RovEpisode[] = [];
  let unmatched = 0;
  for (const e of findEpisodes(visits, o)) {
    const p = byNpi.get(e.npi);
    if (!p) continue;
    const match = matchControls(p, e.visitMonth, N, physicians, visitMonths, o.minControls, o.firstDataMonth);
    if (!match) {
      unmatched++;
      continue;
    }
    const pre = [e.visitMonth - N, e.visitMonth - 1] as const;
    const post = [e.visitMonth + 1, e.visitMonth + N] as const;
    const treatedPre = windowMean(p.toUs, ...pre);
    const treatedPost = windowMean(p.toUs, ...post);
    let cPre = 0;
    let cPost = 0;
    for (const c of match.controls) {
      cPre += windowMean(c.toUs, ...pre);
      cPost += windowMean(c.toUs, ...post);
    }
    const k = match.controls.length;
    const controlPre = cPre / k;
    const controlPost = cPost / k;
    episodes.push({
      npi: e.npi,
      visitDate: e.visitDate,
      visitMonth: e.visitMonth,
      groups: e.groups,
      treatedPre,
      treatedPost,
      controlPre,
      controlPost,
      controls: k,
      matchLevel: match.level,
      effect: treatedPost - treatedPre - (controlPost - controlPre),
    });
  }
  return { episodes, unmatched };
}

const fmt = (x: number) => (Math.abs(x) < 0.05 ? '0.0' : x.toFixed(1));
const signed = (x: number) => (x > 0 && Math.abs(x) >= 0.05 ? `+${fmt(x)}` : fmt(x));

export function summarize(group: string, episodes: readonly RovEpisode[], level: number): RovEstimate | null {
  const n = episodes.length;
  if (n === 0) return null;
  const clusters = new Map<string, { sum: number; n: number }>();
  let total = 0;
  const mean = { tPre: 0, tPost: 0, cPre: 0, cPost: 0 };
  for (const e of episodes) {
    const c = clusters.get(e.npi) ?? { sum: 0, n: 0 };
    c.sum += e.effect;
    c.n++;
    clusters.set(e.npi, c);
    total += e.effect;
    mean.tPre += e.treatedPre / n;
    mean.tPost += e.treatedPost / n;
    mean.cPre += e.controlPre / n;
    mean.cPost += e.controlPost / n;
  }
  const estimate = total / n;
  const G = clusters.size;
  let ss = 0;
  for (const c of clusters.values()) ss += (c.sum - c.n * estimate) ** 2;
  const se = G > 1 ? Math.sqrt((G / (G - 1)) * ss) / n : Number.NaN;
  const q = G > 1 ? tQuantile(1 - (1 - level) / 2, G - 1) : Number.NaN;
  const low = estimate - q * se;
  const high = estimate + q * se;
  const controls = episodes.map((e) => e.controls).sort((a, b) => a - b);
  const pct = Math.round(level * 100);
  const statement = Number.isFinite(se)
    ? `${signed(estimate)} referrals/month, ${pct} % CI ${fmt(low)}–${fmt(high)}`
    : `${signed(estimate)} referrals/month (one physician: no interval)`;
  return {
    group,
    estimate,
    low,
    high,
    level,
    se,
    episodes: n,
    physicians: G,
    medianControls: controls[Math.floor((controls.length - 1) / 2)]!,
    treatedPre: mean.tPre,
    treatedPost: mean.tPost,
    controlPre: mean.cPre,
    controlPost: mean.cPost,
    statement,
  };
}

/** Estimates for every group any episode belongs to, largest groups first. */
export function estimateReturnOnVisit(
  physicians: readonly RovPhysician[],
  visits: readonly RovVisit[],
  o: RovOptions,
) {
  const { episodes, unmatched } = buildEpisodes(physicians, visits, o);
  const byGroup = new Map<string, RovEpisode[]>();
  for (const e of episodes)
    for (const g of e.groups) {
      const list = byGroup.get(g);
      if (list) list.push(e);
      else byGroup.set(g, [e]);
    }
  const estimates: RovEstimate[] = [];
  for (const [g, list] of byGroup) {
    const s = summarize(g, list, o.level);
    if (s) estimates.push(s);
  }
  estimates.sort((a, b) => b.episodes - a.episodes || a.group.localeCompare(b.group));
  return { estimates, episodes, unmatched };
}
