// Raw facts about a physician → factor values on 0..1 (rules stated in FACTOR_NORMALIZATION).
import type { Factor } from './weights';

export type Segment = 'loyalist' | 'splitter' | 'opportunity' | 'low_volume';

export type TargetFacts = {
  npi: string;
  /** Referrals in the last 12 months to non-network destinations in service lines we offer. */
  leakedReferrals: number;
  /** lines with referrals to competitors, the most such referrals first */
  leakageServiceLines: string[];
  /** Referral volume (all destinations) in the last 6 months and the 6 before. */
  recentReferrals: number;
  priorReferrals: number;
  segment: Segment | null;
  /** PageRank percentile 0..1, null when the network has not been computed. */
  influencePercentile: number | null;
  arrivedAt: string | null;
  lastVisitAt: string | null;
  desiredVisitDays: number | null;
  openIssues: number;
  /** 0 inside the liaison's territory; null when there is no liaison or location. */
  kmFromTerritory: number | null;
};

export type ScoreContext = { now: Date; leakageP90: number };
export type FactorValues = Record<Factor, { value: number; known: boolean }>;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const DAY = 86_400_000;
const SEGMENT_VALUE: Record<Segment, number> = {
  splitter: 1,
  opportunity: 0.8,
  loyalist: 0.3,
  low_volume: 0.5,
};

export function factorValues(f: TargetFacts, ctx: ScoreContext): FactorValues {
  const known = (value: number) => ({ value: clamp01(value), known: true });
  const unknown = { value: 0, known: false };
  const total = f.recentReferrals + f.priorReferrals;
  const monthsIn = f.arrivedAt ? (ctx.now.getTime() - Date.parse(f.arrivedAt)) / ((DAY * 365.25) / 12) : null;
  const daysSince = f.lastVisitAt ? (ctx.now.getTime() - Date.parse(f.lastVisitAt)) / DAY : null;
  return {
    opportunity: known(
      ctx.leakageP90 > 0 ? f.leakedReferrals / ctx.leakageP90 : f.leakedReferrals > 0 ? 1 : 0,
    ),
    growth: total > 0 ? known(0.5 + growthRate(f.recentReferrals, f.priorReferrals)) : unknown,
    loyalty: known(f.segment ? SEGMENT_VALUE[f.segment] : 0.5),
    influence: f.influencePercentile === null ? unknown : known(f.influencePercentile),
    newToMarket: monthsIn === null || monthsIn < 0 ? known(0) : known(1 - monthsIn / 12),
    recency: recency(daysSince, f.desiredVisitDays),
    openIssues: known(f.openIssues / 3),
    proximity: f.kmFromTerritory === null ? unknown : known(1 - f.kmFromTerritory / 50),
  };
}

/** Relative change, clipped to ±50 % (so it maps onto 0..1 around 0.5). */
export function growthRate(recent: number, prior: number): number {
  if (prior === 0) return recent > 0 ? 0.5 : 0;
  return Math.max(-0.5, Math.min(0.5, (recent - prior) / prior));
}

function recency(daysSince: number | null, desired: number | null) {
  if (!desired || desired <= 0) return { value: 0, known: false };
  if (daysSince === null) return { value: 1, known: true };
  return { value: clamp01(daysSince / desired / 2), known: true };
}

/** The 90th percentile (nearest rank) of leaked-referral volumes: the opportunity factor's scale. */
export function percentile90(values: readonly number[]): number {
  const v = values.filter((x) => x > 0).sort((a, b) => a - b);
  if (!v.length) return 0;
  return v[Math.min(v.length - 1, Math.ceil(0.9 * v.length) - 1)];
}
