// Shifting-referrer detection (method and its defence: docs/alerts.md).
//
// Per physician × service line (and per physician over all offered lines), two questions:
// did the share of their referrals going to our network drop, and did the share going to competitors
// rise — beyond what chance explains given their own history and small counts?
//   1. mode 'share': the physician's own monthly totals are the denominator, so seasonality,
//      market growth and the physician's volume swings cancel out. For a recent window of W months
//      (3, 6, 9, 12) against up to 24 months before it: Fisher's exact test of the 2×2 table
//      (to-target vs other × baseline vs recent), with counts deflated by the market-wide
//      overdispersion φ (Rao–Scott design-effect correction) so noisy referrers do not look significant.
//      mode 'volume': counts to the target against the whole market's monthly volume in that line
//      (exact conditional Poisson test, Beta-Binomial for φ) — flags volume drops too.
//      mode 'auto' (default): 'share' where the data shows the physician's whole mix, 'volume' for a
//      drop test when every referral we ever saw from them went to us (an export of referrals received
//      by our network shows no mix, so only volume can move).
//   2. The smallest window p-value × number of windows (Bonferroni) is the series' p-value;
//      Benjamini–Hochberg across every tested series controls the false-discovery rate.
//   3. An alert needs q ≤ alpha and a change of at least minRelativeChange; the month it began is the
//      best single change-point of the series (changePoint.ts).
import { findChangePoint } from './changePoint';
import { formatMonth, type MonthIndex } from './months';
import type {
  DetectorOptions,
  DetectorResult,
  ShiftAlert,
  ShiftDirection,
  ShiftSeries,
  TestMode,
} from './shiftTypes';
import { DEFAULT_DETECTOR_OPTIONS } from './shiftTypes';
import { benjaminiHochberg } from './stats';
import { denominatorOf, estimateDispersion, sumRange, testWindow, type WindowTest } from './windowTests';

export * from './shiftTypes';
export { estimateDispersion } from './windowTests';

/**
 * Run the detector. Every series covers firstMonth..asOf; mode 'share' needs each series' `totals`,
 * mode 'volume' needs `index` (each service line's and 'all' market volume per month).
 */
export function detectShifts(
  series: readonly ShiftSeries[],
  index: ReadonlyMap<string, readonly number[]>,
  firstMonth: MonthIndex,
  options: Partial<DetectorOptions> = {},
): DetectorResult {
  const o = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
  const n = series[0]?.counts.length ?? [...index.values()][0]?.length ?? 0;
  const asOf = firstMonth + Math.max(0, n - 1);
  const modeOf = (s: ShiftSeries): TestMode => {
    if (o.mode !== 'auto') return o.mode;
    if (s.target !== 'ours' || !s.totals) return 'share';
    // every referral seen went to us: the data shows no mix, so only a volume test can see a drop
    let y = 0;
    let t = 0;
    for (let i = 0; i < s.counts.length; i++) {
      y += s.counts[i]!;
      t += s.totals[i]!;
    }
    return y >= t ? 'volume' : 'share';
  };
  const modes = series.map(modeOf);
  const ours = (m: TestMode) => series.filter((s, i) => s.target === 'ours' && modes[i] === m);
  const phiOf: Record<TestMode, number> = {
    share: o.dispersion ?? estimateDispersion(ours('share'), index, 'share'),
    volume: o.dispersion ?? estimateDispersion(ours('volume'), index, 'volume'),
  };
  const tested: {
    s: ShiftSeries;
    dir: ShiftDirection;
    best: WindowTest;
    p: number;
    ws: readonly number[];
    mode: TestMode;
  }[] = [];
  series.forEach((s, si) => {
    const mode = modes[si]!;
    const ws = denominatorOf(s, index, mode);
    if (!ws) return;
    const dir: ShiftDirection = s.target === 'ours' ? 'drop' : 'rise';
    let best: WindowTest | null = null;
    let k = 0;
    for (const w of o.windows) {
      const r = testWindow(s.counts, ws, w, dir, phiOf[mode], mode, o);
      if (!r) continue;
      k++;
      if (!best || r.p < best.p) best = r;
    }
    if (best) tested.push({ s, dir, best, p: Math.min(1, best.p * k), ws, mode });
  });
  const q = benjaminiHochberg(tested.map((t) => t.p));
  const alerts: ShiftAlert[] = [];
  tested.forEach((t, i) => {
    const { s, dir, best, ws, mode } = t;
    const ratio = best.expected > 0 ? best.observed / best.expected : Number.POSITIVE_INFINITY;
    const bigEnough = dir === 'drop' ? ratio <= 1 - o.minRelativeChange : ratio >= 1 + o.minRelativeChange;
    if (q[i]! > o.alpha || !bigEnough) return;
    const ys = s.counts.slice(best.bStart);
    const wsw = ws.slice(best.bStart);
    const cp = findChangePoint(ys, wsw, dir === 'drop' ? 'down' : 'up', Math.min(3, best.baselineLen));
    const start = best.bStart + (cp?.start ?? ys.length - best.w);
    const rStart = n - best.w;
    const wB = sumRange(ws, best.bStart, rStart);
    const rate = wB > 0 ? best.baselineCount / wB : 0;
    alerts.push({
      referringNpi: s.referringNpi,
      serviceLine: s.serviceLine,
      target: s.target,
      direction: dir,
      test: mode,
      windowMonths: best.w,
      baselineFrom: formatMonth(firstMonth + best.bStart),
      baselineTo: formatMonth(firstMonth + rStart - 1),
      recentFrom: formatMonth(firstMonth + rStart),
      recentTo: formatMonth(asOf),
      baselineRate: best.baselineCount / best.baselineLen,
      recentRate: best.observed / best.w,
      expectedRecent: best.expected,
      observedRecent: best.observed,
      ratio,
      pValue: t.p,
      qValue: q[i]!,
      startMonth: formatMonth(firstMonth + start),
      evidence: {
        months: ys.map((_, j) => formatMonth(firstMonth + best.bStart + j)),
        observed: [...ys],
        expected: wsw.map((w) => rate * w),
        baselineShare: mode === 'share' ? rate : null,
        recentShare: mode === 'share' ? best.observed / sumRange(ws, rStart, n) : null,
      },
    });
  });
  return { asOf: formatMonth(asOf), tested: tested.length, dispersion: phiOf, alerts: dedupe(alerts) };
}

/** A physician-total ('all') alert is dropped when a service-line alert says the same thing. */
function dedupe(alerts: ShiftAlert[]): ShiftAlert[] {
  const lineKeys = new Set(
    alerts.filter((a) => a.serviceLine !== 'all').map((a) => `${a.referringNpi}|${a.target}`),
  );
  return alerts
    .filter((a) => a.serviceLine !== 'all' || !lineKeys.has(`${a.referringNpi}|${a.target}`))
    .sort((a, b) => a.qValue - b.qValue || a.referringNpi.localeCompare(b.referringNpi));
}
