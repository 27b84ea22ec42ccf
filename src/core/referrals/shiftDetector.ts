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
import { benjaminiHochberg, betaBinomialCdf, hypergeometricCdf } from './stats';

export type ShiftTarget = 'ours' | 'competitor';
export type ShiftDirection = 'drop' | 'rise';

export interface ShiftSeries {
  referringNpi: string;
  /** a service-line key, or 'all' for the physician's total */
  serviceLine: string;
  target: ShiftTarget;
  /** counts to the target for months firstMonth..asOf */
  counts: readonly number[];
  /** the physician's total referrals in the same line and months (needed for mode 'share') */
  totals?: readonly number[];
}

export type TestMode = 'share' | 'volume';

export interface DetectorOptions {
  mode: TestMode | 'auto';
  alpha: number;
  windows: readonly number[];
  baselineMonths: number;
  minBaselineMonths: number;
  /** drops are tested only when the baseline averages at least this many referrals a month */
  minBaselinePerMonth: number;
  /** rises need at least this many more referrals than expected in the window */
  minAbsoluteRise: number;
  minRelativeChange: number;
  /** fixed overdispersion; estimated from the data when undefined */
  dispersion?: number;
}

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = {
  mode: 'auto',
  alpha: 0.05,
  windows: [3, 6, 9, 12],
  baselineMonths: 24,
  minBaselineMonths: 6,
  minBaselinePerMonth: 1,
  minAbsoluteRise: 6,
  minRelativeChange: 0.2,
};

export interface ShiftAlert {
  referringNpi: string;
  serviceLine: string;
  target: ShiftTarget;
  direction: ShiftDirection;
  /** which test found it: the destination mix ('share') or the volume against the market ('volume') */
  test: TestMode;
  windowMonths: number;
  baselineFrom: string;
  baselineTo: string;
  recentFrom: string;
  recentTo: string;
  /** raw referrals per month in the baseline and in the recent window */
  baselineRate: number;
  recentRate: number;
  /** what the baseline predicts for the recent window, after the market (seasonal) adjustment */
  expectedRecent: number;
  observedRecent: number;
  /** observed / expected */
  ratio: number;
  pValue: number;
  qValue: number;
  startMonth: string;
  /** monthly counts and seasonal expectation from the baseline start (the evidence chart) */
  evidence: { months: string[]; observed: number[]; expected: number[] };
}

export interface DetectorResult {
  asOf: string;
  tested: number;
  /** overdispersion used by each kind of test (1 = Poisson/binomial noise only) */
  dispersion: Record<TestMode, number>;
  alerts: ShiftAlert[];
}

interface WindowTest {
  w: number;
  p: number;
  bStart: number;
  expected: number;
  observed: number;
  baselineCount: number;
  baselineLen: number;
}

const sumRange = (xs: readonly number[], from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i]!;
  return s;
};

function testWindow(
  ys: readonly number[],
  ws: readonly number[],
  w: number,
  dir: ShiftDirection,
  phi: number,
  mode: TestMode,
  o: DetectorOptions,
): WindowTest | null {
  const n = ys.length;
  const rStart = n - w;
  const bStart = Math.max(0, rStart - o.baselineMonths);
  // months without any denominator (before the data began, or the physician was silent) are not baseline
  let baselineLen = 0;
  for (let i = bStart; i < rStart; i++) if (ws[i]! > 0) baselineLen++;
  if (w < 1 || baselineLen < o.minBaselineMonths) return null;
  const yB = sumRange(ys, bStart, rStart);
  const yR = sumRange(ys, rStart, n);
  const wB = sumRange(ws, bStart, rStart);
  const wR = sumRange(ws, rStart, n);
  if (wB <= 0 || wR <= 0) return null;
  const expected = (yB * wR) / wB;
  if (dir === 'drop' && yB / baselineLen < o.minBaselinePerMonth) return null;
  if (dir === 'rise' && yR - expected < o.minAbsoluteRise) return null;
  let p: number;
  if (mode === 'share') {
    // Fisher's exact test on the table deflated by the design effect φ
    const d = (x: number) => Math.round(x / phi);
    const [b, r, tb, tr] = [d(yB), d(yR), d(wB), d(wR)];
    p =
      dir === 'drop'
        ? hypergeometricCdf(r, tb + tr, b + r, tr)
        : 1 - hypergeometricCdf(r - 1, tb + tr, b + r, tr);
  } else {
    const N = yB + yR;
    const p0 = wR / (wR + wB);
    const rho = N > 1 ? Math.min(0.5, Math.max(0, (phi - 1) / (N - 1))) : 0;
    p = dir === 'drop' ? betaBinomialCdf(yR, N, p0, rho) : 1 - betaBinomialCdf(yR - 1, N, p0, rho);
  }
  return {
    w,
    p: Math.min(1, Math.max(0, p)),
    bStart,
    expected,
    observed: yR,
    baselineCount: yB,
    baselineLen,
  };
}

/** Median of χ²_k, Wilson–Hilferty. */
const chi2Median = (k: number) => k * (1 - 2 / (9 * k)) ** 3;

/** The denominator series a test compares against: the physician's totals, or the market's volume. */
function denominatorOf(s: ShiftSeries, index: ReadonlyMap<string, readonly number[]>, mode: TestMode) {
  const ws = mode === 'share' ? s.totals : index.get(s.serviceLine);
  return ws && ws.length === s.counts.length ? ws : undefined;
}

/**
 * Robust overdispersion: the median over series of Pearson X² / median(χ²_df) on each series' own
 * history (shifted referrers are a minority, so the median ignores them). Binomial variance in mode
 * 'share', Poisson in mode 'volume'. Never below 1.
 */
export function estimateDispersion(
  series: readonly ShiftSeries[],
  index: ReadonlyMap<string, readonly number[]>,
  mode: TestMode = 'volume',
  minMean = 2,
): number {
  const ratios: number[] = [];
  for (const s of series) {
    const ws = denominatorOf(s, index, mode);
    if (!ws) continue;
    const yT = s.counts.reduce((a, b) => a + b, 0);
    const wT = ws.reduce((a, b) => a + b, 0);
    if (wT <= 0 || yT / s.counts.length < minMean) continue;
    const pi = yT / wT;
    if (mode === 'share' && pi >= 1) continue; // all to one side: no binomial variance to measure
    let x2 = 0;
    let df = -1;
    s.counts.forEach((y, t) => {
      const mu = pi * ws[t]!;
      const v = mode === 'share' ? mu * (1 - pi) : mu;
      if (v > 0) {
        x2 += (y - mu) ** 2 / v;
        df++;
      }
    });
    if (df >= 3) ratios.push(x2 / chi2Median(df));
  }
  if (ratios.length < 5) return 1;
  ratios.sort((a, b) => a - b);
  return Math.max(1, ratios[Math.floor(ratios.length / 2)]!);
}

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
  const n = series[0]?.counts.length ?? 0;
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
