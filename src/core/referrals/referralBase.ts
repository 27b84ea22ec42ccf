// The strength of one physician's referral base (product.md, "How the field defines its numbers"):
// volume by destination network, share to our network + segment, leakage, trend, consistency,
// top destinations, service-line breakdown and a monthly series stacked by network.
import { formatMonth, type MonthIndex, monthRange } from './months';
import {
  DEFAULT_THRESHOLDS,
  isOurNetwork,
  type MonthlyReferralCell,
  NETWORK_BUCKETS,
  type NetworkBucket,
  type Segment,
  type SegmentThresholds,
} from './types';

export type ByNetwork = Record<NetworkBucket, number>;
const zeroByNetwork = (): ByNetwork => ({
  ours: 0,
  affiliated: 0,
  independent: 0,
  competitor: 0,
  unknown: 0,
});

export interface ReferralBaseOptions {
  from: MonthIndex;
  to: MonthIndex;
  /** Service lines our network offers: share and leakage are computed on these only. */
  offeredLines: ReadonlySet<string>;
  thresholds?: SegmentThresholds;
  topDestinations?: number;
}

export interface ReferralBase {
  from: string;
  to: string;
  total: number;
  byNetwork: ByNetwork;
  /** referrals in offered lines (the share denominator). */
  inOfferedLines: number;
  /** (ours + affiliated) / inOfferedLines; null when there is nothing to divide. */
  shareToOurs: number | null;
  segment: Segment;
  /** referrals in offered lines that went to competitors. */
  leakage: number;
  trend: {
    /** OLS slope of monthly totals over the last 12 months of the period (referrals/month per month). */
    slopePerMonth: number | null;
    last12: number;
    prior12: number;
    /** (last12 − prior12) / prior12; null when the prior year had none or the period is < 24 months. */
    yoyChange: number | null;
  };
  /** months with ≥ 1 referral among the last 12 of the period. */
  consistency: { monthsWithReferrals: number; of: number };
  /**
   * Share, segment and leakage over the last 12 months of the period only: the window the target score,
   * the Providers list's segment filter and the alerts use, so a physician has one segment everywhere.
   */
  recent12: {
    from: string;
    to: string;
    inOfferedLines: number;
    shareToOurs: number | null;
    segment: Segment;
    leakage: number;
  };
  topDestinations: { key: string; name: string; network: NetworkBucket; count: number; ours: boolean }[];
  byServiceLine: {
    serviceLine: string;
    offered: boolean;
    total: number;
    byNetwork: ByNetwork;
    shareToOurs: number | null;
  }[];
  monthly: ({ month: string; total: number } & ByNetwork)[];
}

export function segmentFor(share: number | null, volume: number, t: SegmentThresholds): Segment {
  if (share === null || volume < t.minVolume) return 'low_volume';
  if (share >= t.loyalist) return 'loyalist';
  if (share < t.opportunity) return 'opportunity';
  return 'splitter';
}

/** Ordinary least-squares slope of y over x = 0..n−1. */
export function olsSlope(ys: readonly number[]): number | null {
  const n = ys.length;
  if (n < 2) return null;
  const xMean = (n - 1) / 2;
  const yMean = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - xMean) * (y - yMean);
    den += (x - xMean) ** 2;
  });
  return num / den;
}

const shareOf = (b: ByNetwork, denom: number) => (denom > 0 ? (b.ours + b.affiliated) / denom : null);

export function computeReferralBase(
  cells: readonly MonthlyReferralCell[],
  opts: ReferralBaseOptions,
): ReferralBase {
  const t = opts.thresholds ?? DEFAULT_THRESHOLDS;
  const months = monthRange(opts.from, opts.to);
  const perMonth = new Map<MonthIndex, ByNetwork>(months.map((m) => [m, zeroByNetwork()]));
  const byNetwork = zeroByNetwork();
  const lines = new Map<string, ByNetwork>();
  const dests = new Map<string, { key: string; name: string; network: NetworkBucket; count: number }>();
  let inOffered = 0;
  const offeredByNet = zeroByNetwork();
  const recentFrom = Math.max(opts.from, opts.to - 11);
  let recentOffered = 0;
  const recentByNet = zeroByNetwork();
  for (const c of cells) {
    if (c.month < opts.from || c.month > opts.to || c.count <= 0) continue;
    perMonth.get(c.month)![c.network] += c.count;
    byNetwork[c.network] += c.count;
    const l = lines.get(c.serviceLine) ?? zeroByNetwork();
    l[c.network] += c.count;
    lines.set(c.serviceLine, l);
    if (opts.offeredLines.has(c.serviceLine)) {
      inOffered += c.count;
      offeredByNet[c.network] += c.count;
      if (c.month >= recentFrom) {
        recentOffered += c.count;
        recentByNet[c.network] += c.count;
      }
    }
    const d = dests.get(c.destinationKey) ?? {
      key: c.destinationKey,
      name: c.destinationName,
      network: c.network,
      count: 0,
    };
    d.count += c.count;
    dests.set(c.destinationKey, d);
  }
  const total = NETWORK_BUCKETS.reduce((a, b) => a + byNetwork[b], 0);
  const shareToOurs = shareOf(offeredByNet, inOffered);
  const monthly = months.map((m) => {
    const b = perMonth.get(m)!;
    return { month: formatMonth(m), total: NETWORK_BUCKETS.reduce((a, k) => a + b[k], 0), ...b };
  });
  const totals = monthly.map((r) => r.total);
  const last12 = totals.slice(-12);
  const prior12 = totals.length >= 24 ? totals.slice(-24, -12) : null;
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const priorSum = prior12 ? sum(prior12) : 0;
  return {
    from: formatMonth(opts.from),
    to: formatMonth(opts.to),
    total,
    byNetwork,
    inOfferedLines: inOffered,
    shareToOurs,
    segment: segmentFor(shareToOurs, inOffered, t),
    leakage: offeredByNet.competitor,
    trend: {
      slopePerMonth: olsSlope(last12),
      last12: sum(last12),
      prior12: priorSum,
      yoyChange: prior12 && priorSum > 0 ? (sum(last12) - priorSum) / priorSum : null,
    },
    consistency: { monthsWithReferrals: last12.filter((v) => v > 0).length, of: last12.length },
    recent12: {
      from: formatMonth(recentFrom),
      to: formatMonth(opts.to),
      inOfferedLines: recentOffered,
      shareToOurs: shareOf(recentByNet, recentOffered),
      segment: segmentFor(shareOf(recentByNet, recentOffered), recentOffered, t),
      leakage: recentByNet.competitor,
    },
    topDestinations: [...dests.values()]
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, opts.topDestinations ?? 10)
      .map((d) => ({ ...d, ours: isOurNetwork(d.network) })),
    byServiceLine: [...lines.entries()]
      .map(([serviceLine, b]) => {
        const lineTotal = NETWORK_BUCKETS.reduce((a, k) => a + b[k], 0);
        return {
          serviceLine,
          offered: opts.offeredLines.has(serviceLine),
          total: lineTotal,
          byNetwork: b,
          shareToOurs: shareOf(b, lineTotal),
        };
      })
      .sort((a, b) => b.total - a.total || a.serviceLine.localeCompare(b.serviceLine)),
    monthly,
  };
}
