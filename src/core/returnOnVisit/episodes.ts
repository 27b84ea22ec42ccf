// Visit episodes: a physician's first visit after a whole pre-window with no visit. Later visits in a
// series belong to the same episode (they are part of the "treatment"), so each physician contributes
// at most one episode per quiet spell. Months are the unit because referral data are monthly rollups;
// the visit's own month is left out of both windows (partly before, partly after the visit).
import { parseMonth } from '../referrals/months';
import type { RovOptions, RovVisit } from './types';

export interface EpisodeStart {
  npi: string;
  visitDate: string;
  visitMonth: number;
  groups: readonly string[];
}

export const monthOfDate = (date: string): number => parseMonth(date.slice(0, 7));

export function findEpisodes(visits: readonly RovVisit[], o: RovOptions): EpisodeStart[] {
  const byNpi = new Map<string, RovVisit[]>();
  for (const v of visits) {
    const list = byNpi.get(v.npi);
    if (list) list.push(v);
    else byNpi.set(v.npi, [v]);
  }
  const out: EpisodeStart[] = [];
  const N = o.windowMonths;
  for (const [npi, list] of byNpi) {
    list.sort((a, b) => a.date.localeCompare(b.date));
    let lastMonth = Number.NEGATIVE_INFINITY;
    for (const v of list) {
      const m = monthOfDate(v.date);
      const quietBefore = m - lastMonth > N; // no visit in months m−N … m−1
      lastMonth = m;
      if (!quietBefore) continue;
      if (m - N < o.coverageStartMonth || m - N < o.firstDataMonth || m + N > o.lastDataMonth) continue;
      // groups of every visit to this physician in the visit month join the episode
      const groups = new Set<string>();
      for (const w of list) if (monthOfDate(w.date) === m) for (const g of w.groups) groups.add(g);
      out.push({ npi, visitDate: v.date, visitMonth: m, groups: [...groups] });
    }
  }
  return out.sort((a, b) => a.npi.localeCompare(b.npi) || a.visitMonth - b.visitMonth);
}

/** Months with any visit, per physician (controls must have none around an episode). */
export function visitMonthsByNpi(visits: readonly RovVisit[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const v of visits) {
    const m = monthOfDate(v.date);
    const s = out.get(v.npi);
    if (s) s.add(m);
    else out.set(v.npi, new Set([m]));
  }
  return out;
}
