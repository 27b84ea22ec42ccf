import { describe, expect, it } from 'vitest';
import { parseMonth } from './months';
import { computeReferralBase, olsSlope, segmentFor } from './referralBase';
import { DEFAULT_THRESHOLDS, type MonthlyReferralCell, type NetworkBucket } from './types';

const cell = (
  month: string,
  serviceLine: string,
  network: NetworkBucket,
  dest: string,
  count: number,
): MonthlyReferralCell => ({
  month: parseMonth(month),
  serviceLine,
  network,
  destinationKey: dest,
  destinationName: `Org ${dest}`,
  count,
});

const cells = [
  cell('2025-01', 'cardiology', 'ours', 'A', 4),
  cell('2025-01', 'cardiology', 'competitor', 'C', 2),
  cell('2025-02', 'cardiology', 'affiliated', 'B', 1),
  cell('2025-02', 'orthopedics', 'competitor', 'C', 3),
  cell('2025-03', 'cardiology', 'competitor', 'C', 1),
  cell('2024-12', 'cardiology', 'ours', 'A', 100), // outside the period
];
const opts = {
  from: parseMonth('2025-01'),
  to: parseMonth('2025-03'),
  offeredLines: new Set(['cardiology']),
};

describe('computeReferralBase on a hand-checked fixture', () => {
  const b = computeReferralBase(cells, opts);
  it('totals by destination network', () => {
    expect(b.total).toBe(11);
    expect(b.byNetwork).toEqual({ ours: 4, affiliated: 1, independent: 0, competitor: 6, unknown: 0 });
  });
  it('share to our network counts only offered lines: (4 + 1) / 8', () => {
    expect(b.inOfferedLines).toBe(8);
    expect(b.shareToOurs).toBe(0.625);
    expect(b.segment).toBe('low_volume'); // 8 < 12 referrals
    expect(
      computeReferralBase(cells, { ...opts, thresholds: { ...DEFAULT_THRESHOLDS, minVolume: 5 } }).segment,
    ).toBe('loyalist');
  });
  it('leakage = competitor referrals in offered lines (ortho is not offered)', () =>
    expect(b.leakage).toBe(3));
  it('trend: monthly totals 6, 4, 1 → slope −2.5; consistency 3 of 3; no YoY under 24 months', () => {
    expect(b.monthly.map((m) => m.total)).toEqual([6, 4, 1]);
    expect(b.trend.slopePerMonth).toBe(-2.5);
    expect(b.trend.yoyChange).toBeNull();
    expect(b.consistency).toEqual({ monthsWithReferrals: 3, of: 3 });
  });
  it('top destinations and service lines', () => {
    expect(b.topDestinations.map((d) => [d.key, d.count, d.ours])).toEqual([
      ['C', 6, false],
      ['A', 4, true],
      ['B', 1, true],
    ]);
    expect(b.byServiceLine.map((l) => [l.serviceLine, l.total, l.shareToOurs, l.offered])).toEqual([
      ['cardiology', 8, 0.625, true],
      ['orthopedics', 3, 0, false],
    ]);
    expect(b.monthly[1]).toEqual({
      month: '2025-02',
      total: 4,
      ours: 0,
      affiliated: 1,
      independent: 0,
      competitor: 3,
      unknown: 0,
    });
  });
  it('year over year: 1/month then 2/month → +100 %, flat slope, 11 of 12 months when one is empty', () => {
    const series: MonthlyReferralCell[] = [];
    for (let i = 0; i < 24; i++) {
      const m = parseMonth('2023-01') + i;
      if (i === 23) continue;
      series.push({
        month: m,
        serviceLine: 'cardiology',
        network: 'ours',
        destinationKey: 'A',
        destinationName: 'A',
        count: i < 12 ? 1 : 2,
      });
    }
    series.push({
      month: parseMonth('2024-12'),
      serviceLine: 'cardiology',
      network: 'ours',
      destinationKey: 'A',
      destinationName: 'A',
      count: 0,
    });
    const y = computeReferralBase(series, {
      ...opts,
      from: parseMonth('2023-01'),
      to: parseMonth('2024-12'),
    });
    expect(y.trend.last12).toBe(22);
    expect(y.trend.prior12).toBe(12);
    expect(y.trend.yoyChange).toBeCloseTo(10 / 12, 12);
    expect(y.consistency).toEqual({ monthsWithReferrals: 11, of: 12 });
  });
});

describe('segments and slope', () => {
  it('thresholds at their edges', () => {
    expect(segmentFor(0.5, 12, DEFAULT_THRESHOLDS)).toBe('loyalist');
    expect(segmentFor(0.1, 12, DEFAULT_THRESHOLDS)).toBe('splitter');
    expect(segmentFor(0.0999, 12, DEFAULT_THRESHOLDS)).toBe('opportunity');
    expect(segmentFor(0.3, 11, DEFAULT_THRESHOLDS)).toBe('low_volume');
    expect(segmentFor(null, 0, DEFAULT_THRESHOLDS)).toBe('low_volume');
  });
  it('OLS slope of 1, 3, 5 is 2; one point has none', () => {
    expect(olsSlope([1, 3, 5])).toBe(2);
    expect(olsSlope([4])).toBeNull();
  });
});

describe('the last 12 months of a 24-month period (one segment everywhere)', () => {
  // year one: 40 cardiology referrals to a competitor; year two: 12 to ours, 8 to the competitor
  const two = [
    cell('2024-03', 'cardiology', 'competitor', 'C', 40),
    cell('2025-06', 'cardiology', 'ours', 'A', 12),
    cell('2025-06', 'cardiology', 'competitor', 'C', 8),
    cell('2025-06', 'orthopedics', 'competitor', 'C', 50), // not offered: in no share
  ];
  const b = computeReferralBase(two, {
    from: parseMonth('2023-11'),
    to: parseMonth('2025-10'),
    offeredLines: new Set(['cardiology']),
  });
  it('the whole period: 12 of 60 = 20 %, a splitter, leakage 48', () => {
    expect([b.shareToOurs, b.segment, b.leakage]).toEqual([0.2, 'splitter', 48]);
  });
  it('the last 12 months: 12 of 20 = 60 %, a loyalist, leakage 8', () => {
    expect(b.recent12).toEqual({
      from: '2024-11',
      to: '2025-10',
      inOfferedLines: 20,
      shareToOurs: 0.6,
      segment: 'loyalist',
      leakage: 8,
    });
  });
  it('a period shorter than a year is its own last 12 months', () => {
    const short = computeReferralBase(cells, opts);
    expect(short.recent12).toMatchObject({ from: '2025-01', to: '2025-03', shareToOurs: short.shareToOurs });
    expect(short.recent12.segment).toBe(short.segment);
  });
});
