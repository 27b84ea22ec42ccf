// Narrowing the target list ("orthopedic leakage", "new to market", "visits due") without changing anyone's
// score: the pool that sets the scale stays whole (see scoreContext), only the list shown is filtered.
import type { Segment, TargetFacts } from './factors';

export type TargetFilter = {
  segment?: Segment;
  /** Sends referrals to competitors in this service line (12 months). */
  leakageLine?: string;
  /** Arrived in the market within the last 12 months (the new-to-market factor is above 0). */
  newToMarket?: boolean;
  /** Has a desired visit frequency and is due: never visited, or the interval has passed. */
  visitDue?: boolean;
  /** Has an open physician issue. */
  openIssues?: boolean;
};

const DAY = 86_400_000;

export function isFiltered(f: TargetFilter): boolean {
  return !!(f.segment || f.leakageLine || f.newToMarket || f.visitDue || f.openIssues);
}

export function matchesTargetFilter(t: TargetFacts, f: TargetFilter, now: Date): boolean {
  if (f.segment && t.segment !== f.segment) return false;
  if (f.leakageLine && !t.leakageServiceLines.includes(f.leakageLine)) return false;
  if (f.newToMarket) {
    const arrived = t.arrivedAt ? Date.parse(t.arrivedAt) : Number.NaN;
    if (!(arrived <= now.getTime() && now.getTime() - arrived < 365.25 * DAY)) return false;
  }
  if (f.visitDue) {
    if (!t.desiredVisitDays || t.desiredVisitDays <= 0) return false;
    if (t.lastVisitAt && (now.getTime() - Date.parse(t.lastVisitAt)) / DAY < t.desiredVisitDays) return false;
  }
  if (f.openIssues && t.openIssues <= 0) return false;
  return true;
}

/** The filter in words, for a list's name or a page's subtitle ("splitters · leaking in cardiology"). */
export function filterWords(f: TargetFilter): string[] {
  const out: string[] = [];
  if (f.segment) out.push(f.segment === 'low_volume' ? 'low volume' : `${f.segment}s`);
  if (f.leakageLine) out.push(`leaking in ${f.leakageLine.replace(/_/g, ' ')}`);
  if (f.newToMarket) out.push('new to market');
  if (f.visitDue) out.push('visit due');
  if (f.openIssues) out.push('open issues');
  return out;
}
