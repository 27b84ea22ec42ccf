// Shifting-referrer detection (method and its defence: docs/alerts.md).
//
// Per physician × service line (and per physician over all lines), for "referrals to our network"
// (is there a drop?) and "referrals to competitors" (is there a rise?):
//   1. Expected counts follow the market: month t's expectation ∝ the whole market's volume in that
//      service line and month (this carries seasonality, market trend and incomplete recent months).
//   2. For recent windows of W months (default 3, 6, 9, 12) against the months before them, the
//      exact conditional test for two Poisson rates: given N = baseline + recent counts, the recent
//      count is Binomial(N, p0) with p0 = recent market weight / total weight — made Beta-Binomial
//      by the market-wide overdispersion φ so noisy referrers do not look significant.
//   3. The smallest window p-value × number of windows (Bonferroni) is the series' p-value;
//      Benjamini–Hochberg across every tested series controls the false-discovery rate.
//   4. An alert needs q ≤ alpha and a change of at least minRelativeChange; the month it began is
//      the best single change-point of the series (changePoint.ts).
import { findChangePoint } from './changePoint';
import { formatMonth, type MonthIndex } from './months';
import { benjaminiHochberg, betaBinomialCdf } from './stats';

export type ShiftTarget = 'ours' | 'competitor';
export type ShiftDirection = 'drop' | 'rise';

export interface ShiftSeries {
  referringNpi: string;
  /** a service-line key, or 'all' for the physician's total */
  serviceLine: string;
  target: ShiftTarget;
  /** counts for months firstMonth..asOf */
  counts: readonly number[];
}

export interface DetectorOptions {
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
  dispersion: number;
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

function testWindow(ys: readonly number[], ws: readonly number[], w: number, dir: ShiftDirection, phi: number, o: DetectorOptions): WindowTest | null {
  const n = ys.length;
  const rStart = n - w;
  const bStart = Math.max(0, rStart - o.baselineMonths);
  // months before the data began (no market volume) are not part of anyone's baseline
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
  const N = yB + yR;
  const p0 = wR / (wR + wB);
  const rho = N > 1 ? Math.min(0.5, Math.max(0, (phi - 1) / (N - 1))) : 0;
  const p = dir === 'drop' ? betaBinomialCdf(yR, N, p0, rho) : 1 - betaBinomialCdf(yR - 1, N, p0, rho);
  return { w, p: Math.min(1, Math.max(0, p)), bStart, expected, observed: yR, baselineCount: yB, baselineLen };
}

/** Median of χ²_k, Wilson–Hilferty. */
const chi2Median = (k: number) => k * (1 - 2 / (9 * k)) ** 3;

/**
 * Robust overdispersion: the median over series of Pearson X² / median(χ²_df) on each series' own
 * history (shifted referrers are a minority, so the median ignores them). Never below 1.
 */
export function estimateDispersion(series: readonly ShiftSeries[], index: ReadonlyMap<string, readonly number[]>, minMean = 2): number {
  const ratios: number[] = [];
  for (const s of series) {
    const ws = index.get(s.serviceLine);
    if (!ws) continue;
    const yT = s.counts.reduce((a, b) => a + b, 0);
    const wT = ws.reduce((a, b) => a + b, 0);
    if (wT <= 0 || yT / s.counts.length < minMean) continue;
    let x2 = 0;
    let df = -1;
    s.counts.forEach((y, t) => {
      const mu = (yT * ws[t]!) / wT;
      if (mu > 0) {
        x2 += (y - mu) ** 2 / mu;
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
 * Run the detector. `index` maps each service line (and 'all') to the market's monthly volume for
 * firstMonth..asOf; every series' counts cover the same months.
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
  const phi = o.dispersion ?? estimateDispersion(series.filter((s) => s.target === 'ours'), index);
  const tested: { s: ShiftSeries; dir: ShiftDirection; best: WindowTest; p: number; ws: readonly number[] }[] = [];
  for (const s of series) {
    const ws = index.get(s.serviceLine);
    if (!ws || s.counts.length !== ws.length) continue;
    const dir: ShiftDirection = s.target === 'ours' ? 'drop' : 'rise';
    let best: WindowTest | null = null;
    let k = 0;
    for (const w of o.windows) {
      const r = testWindow(s.counts, ws, w, dir, phi, o);
      if (!r) continue;
      k++;
      if (!best || r.p < best.p) best = r;
    }
    if (best) tested.push({ s, dir, best, p: Math.min(1, best.p * k), ws });
  }
  const q = benjaminiHochberg(tested.map((t) => t.p));
  const alerts: ShiftAlert[] = [];
  tested.forEach((t, i) => {
    const { s, dir, best, ws } = t;
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
  return { asOf: formatMonth(asOf), tested: tested.length, dispersion: phi, alerts: dedupe(alerts) };
}

/** A physician-total ('all') alert is dropped when a service-line alert says the same thing. */
function dedupe(alerts: ShiftAlert[]): ShiftAlert[] {
  const lineKeys = new Set(alerts.filter((a) => a.serviceLine !== 'all').map((a) => `${a.referringNpi}|${a.target}`));
  return alerts
    .filter((a) => a.serviceLine !== 'all' || !lineKeys.has(`${a.referringNpi}|${a.target}`))
    .sort((a, b) => a.qValue - b.qValue || a.referringNpi.localeCompare(b.referringNpi));
}
