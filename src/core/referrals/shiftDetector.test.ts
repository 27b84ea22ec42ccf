import { describe, expect, it } from 'vitest';
import { findChangePoint } from './changePoint';
import { parseMonth } from './months';
import { detectShifts, estimateDispersion, type ShiftSeries } from './shiftDetector';

const first = parseMonth('2025-01');
const opts = {
  mode: 'volume' as const,
  windows: [3],
  baselineMonths: 6,
  minBaselineMonths: 6,
  dispersion: 1,
  alpha: 0.1,
};
const ours = (npi: string, counts: number[], serviceLine = 'cardiology'): ShiftSeries => ({
  referringNpi: npi,
  serviceLine,
  target: 'ours',
  counts,
});

describe('shift detector, volume mode (exact conditional Poisson test, worked by hand)', () => {
  it('6 referrals in 6 baseline months, then 0 in 3: p = (2/3)^6 = 64/729', () => {
    const index = new Map([['cardiology', [1, 1, 1, 1, 1, 1, 1, 1, 1]]]);
    const r = detectShifts([ours('1234567893', [1, 1, 1, 1, 1, 1, 0, 0, 0])], index, first, opts);
    expect(r.tested).toBe(1);
    expect(r.asOf).toBe('2025-09');
    expect(r.alerts).toHaveLength(1);
    const a = r.alerts[0]!;
    expect(a.pValue).toBeCloseTo(64 / 729, 12);
    expect(a.qValue).toBeCloseTo(64 / 729, 12);
    expect([a.direction, a.baselineRate, a.recentRate, a.expectedRecent, a.ratio]).toEqual([
      'drop',
      1,
      0,
      3,
      0,
    ]);
    expect([a.baselineFrom, a.baselineTo, a.recentFrom, a.recentTo, a.startMonth]).toEqual([
      '2025-01',
      '2025-06',
      '2025-07',
      '2025-09',
      '2025-07',
    ]);
    expect(a.evidence.expected).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // at alpha 0.05 the same evidence is not enough
    expect(
      detectShifts([ours('1234567893', [1, 1, 1, 1, 1, 1, 0, 0, 0])], index, first, { ...opts, alpha: 0.05 })
        .alerts,
    ).toHaveLength(0);
  });

  it('seasonality: when the market doubles in the recent months, p0 = 6/12 and p = (1/2)^6', () => {
    const index = new Map([['cardiology', [1, 1, 1, 1, 1, 1, 2, 2, 2]]]);
    const a = detectShifts([ours('1234567893', [1, 1, 1, 1, 1, 1, 0, 0, 0])], index, first, opts).alerts[0]!;
    expect(a.pValue).toBeCloseTo(1 / 64, 12);
    expect(a.expectedRecent).toBe(6);
  });

  it('a rise to competitors from nothing: 9 referrals in the window, p = (1/3)^9', () => {
    const index = new Map([['cardiology', [1, 1, 1, 1, 1, 1, 1, 1, 1]]]);
    const s: ShiftSeries = {
      referringNpi: '1234567893',
      serviceLine: 'cardiology',
      target: 'competitor',
      counts: [0, 0, 0, 0, 0, 0, 3, 3, 3],
    };
    const a = detectShifts([s], index, first, opts).alerts[0]!;
    expect(a.direction).toBe('rise');
    expect(a.pValue).toBeCloseTo(1 / 3 ** 9, 15);
    expect(a.startMonth).toBe('2025-07');
  });

  it('stable referrers and tiny baselines give nothing; BH counts every tested series', () => {
    const index = new Map([['cardiology', [1, 1, 1, 1, 1, 1, 1, 1, 1]]]);
    const r = detectShifts(
      [
        ours('1111111112', [5, 5, 5, 5, 5, 5, 5, 5, 5]),
        ours('2222222224', [0, 1, 0, 0, 0, 0, 0, 0, 0]),
        ours('1234567893', [1, 1, 1, 1, 1, 1, 0, 0, 0]),
      ],
      index,
      first,
      opts,
    );
    expect(r.tested).toBe(2); // the 1-referral-in-6-months physician is below minBaselinePerMonth
    expect(r.alerts).toHaveLength(0); // q = 2 × 64/729 = 0.176 > 0.1
  });

  it('Bonferroni over windows: two windows double the p-value', () => {
    const index = new Map([['cardiology', Array(10).fill(1)]]);
    const counts = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0];
    const r = detectShifts([ours('1234567893', counts)], index, first, {
      ...opts,
      windows: [3, 4],
      alpha: 0.5,
    });
    // W=3: baseline months 1–7 capped to 6 (months 2–7) = 6, recent 0 → (2/3)^6; W=4: baseline 6, recent 1 of N=7, p0=0.4 → 0.6^7 + 7·0.4·0.6^6
    const p4 = 0.6 ** 7 + 7 * 0.4 * 0.6 ** 6;
    expect(r.alerts[0]!.pValue).toBeCloseTo(2 * Math.min(64 / 729, p4), 12);
  });
});

describe('shift detector, share mode (Fisher exact on the destination mix, worked by hand)', () => {
  const share = { ...opts, mode: 'share' as const };
  const index = new Map<string, number[]>(); // not needed: the physician's totals are the denominator
  it('1 of 2 a month to us for 6 months, then 0 of 2 for 3: P = C(12,6)/C(18,6) = 924/18564', () => {
    const s: ShiftSeries = { ...ours('1234567893', [1, 1, 1, 1, 1, 1, 0, 0, 0]), totals: Array(9).fill(2) };
    const a = detectShifts([s], index, first, share).alerts[0]!;
    expect(a.pValue).toBeCloseTo(924 / 18564, 12);
    expect([a.expectedRecent, a.observedRecent, a.startMonth]).toEqual([3, 0, '2025-07']);
  });
  it('volume swings with an unchanged mix are not a shift', () => {
    const s: ShiftSeries = {
      ...ours('1234567893', [4, 4, 4, 4, 4, 4, 1, 1, 1]),
      totals: [8, 8, 8, 8, 8, 8, 2, 2, 2],
    };
    const r = detectShifts([s], index, first, { ...share, alpha: 0.5 });
    expect(r.tested).toBe(1);
    expect(r.alerts).toHaveLength(0);
  });
  it('a rise to competitors from 0 of 12 to 6 of 6: P = 1/C(18,6)', () => {
    const s: ShiftSeries = {
      referringNpi: '1234567893',
      serviceLine: 'cardiology',
      target: 'competitor',
      counts: [0, 0, 0, 0, 0, 0, 2, 2, 2],
      totals: Array(9).fill(2),
    };
    const a = detectShifts([s], index, first, share).alerts[0]!;
    expect(a.direction).toBe('rise');
    expect(a.pValue).toBeCloseTo(1 / 18564, 15);
  });
  it('design effect: φ = 2 halves every cell (1 of 2 → 0 of 1 a month … P = C(6,3)/C(9,3) = 20/84)', () => {
    const s: ShiftSeries = { ...ours('1234567893', [1, 1, 1, 1, 1, 1, 0, 0, 0]), totals: Array(9).fill(2) };
    const r = detectShifts([s], index, first, { ...share, dispersion: 2, alpha: 0.5 });
    expect(r.alerts[0]!.pValue).toBeCloseTo(20 / 84, 12);
  });
});

describe('change point and dispersion', () => {
  it('finds the month a step down began', () => {
    const cp = findChangePoint([10, 10, 10, 10, 2, 2, 2], [1, 1, 1, 1, 1, 1, 1], 'down')!;
    expect([cp.start, cp.rateBefore, cp.rateAfter]).toEqual([4, 10, 2]);
    expect(findChangePoint([2, 2, 2, 2, 10, 10], [1, 1, 1, 1, 1, 1], 'down')).toBeNull();
  });
  it('Poisson-like series give φ = 1; doubled variance gives φ ≈ 2 or more', () => {
    const index = new Map([['x', Array(12).fill(1)]]);
    const flat = Array.from({ length: 9 }, (_, i) => ({
      referringNpi: String(i),
      serviceLine: 'x',
      target: 'ours' as const,
      counts: Array(12).fill(5),
    }));
    expect(estimateDispersion(flat, index, 'volume')).toBe(1);
    const noisy = flat.map((s) => ({ ...s, counts: s.counts.map((_, t) => (t % 2 ? 1 : 9)) }));
    // X² = 12 × 16/5 = 38.4 over df 11 (median χ²₁₁ ≈ 10.34) → ≈ 3.71
    expect(estimateDispersion(noisy, index, 'volume')).toBeCloseTo(38.4 / (11 * (1 - 2 / 99) ** 3), 10);
  });
});
