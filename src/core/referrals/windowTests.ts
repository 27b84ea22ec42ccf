// The statistical pieces of the detector: one window's test (Fisher exact on the destination mix,
// or the exact conditional Poisson test against the market), and the robust overdispersion estimate.
import type { DetectorOptions, ShiftDirection, ShiftSeries, TestMode } from './shiftTypes';
import { betaBinomialCdf, hypergeometricCdf } from './stats';

export interface WindowTest {
  w: number;
  p: number;
  bStart: number;
  expected: number;
  observed: number;
  baselineCount: number;
  baselineLen: number;
}

export const sumRange = (xs: readonly number[], from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i]!;
  return s;
};

export function testWindow(
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
export function denominatorOf(s: ShiftSeries, index: ReadonlyMap<string, readonly number[]>, mode: TestMode) {
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
