import { describe, expect, it } from 'vitest';
import { goalProgress, periodDays } from './progress';

describe('goalProgress (cumulative)', () => {
  // Oct 1–30 = 30 days; through Oct 10 = 10 days elapsed, 20 remaining.
  const base = {
    metric: 'visits' as const,
    target: 150,
    periodStart: '2026-10-01',
    periodEnd: '2026-10-30',
    asOf: '2026-10-10',
  };

  it('computes pace and a Poisson projection interval worked by hand', () => {
    const g = goalProgress({ ...base, value: 40 });
    expect(g.daysElapsed).toBe(10);
    expect(g.daysTotal).toBe(30);
    expect(g.expectedByNow).toBeCloseTo(50, 10); // 150 × 1/3
    expect(g.pace).toBeCloseTo(0.8, 10); // 40 / 50
    expect(g.status).toBe('behind');
    expect(g.projection).toBeCloseTo(120, 10); // 40 + 4/day × 20
    // sd = √((20/10)²·40 + 4·20) = √240 = 15.4919; ×1.64485 = 25.4822
    expect(g.interval[0]).toBeCloseTo(94.5178, 3);
    expect(g.interval[1]).toBeCloseTo(145.4822, 3);
  });

  it('is on track within ±10 % of the expected pace and ahead beyond', () => {
    expect(goalProgress({ ...base, value: 50 }).status).toBe('on_track');
    expect(goalProgress({ ...base, value: 56 }).status).toBe('ahead'); // pace 1.12
    expect(goalProgress({ ...base, value: 150 }).status).toBe('met');
  });

  it('never projects below what is already done, and has no spread once the period is over', () => {
    const early = goalProgress({ ...base, asOf: '2026-10-01', value: 0 });
    expect(early.interval[0]).toBe(0);
    const done = goalProgress({ ...base, asOf: '2026-11-15', value: 120 });
    expect(done.daysElapsed).toBe(30);
    expect(done.interval).toEqual([120, 120]);
    expect(done.status).toBe('missed');
    expect(goalProgress({ ...base, asOf: '2026-09-20', value: 0 }).status).toBe('not_started');
  });
});

describe('goalProgress (level)', () => {
  it('uses a binomial normal interval over the denominator', () => {
    const g = goalProgress({
      metric: 'a_tier_coverage',
      target: 0.9,
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      asOf: '2026-10-31',
      value: 0.8,
      denominator: 25,
    });
    // half-width = 1.64485 × √(0.8·0.2/25) = 1.64485 × 0.08 = 0.131588
    expect(g.interval[0]).toBeCloseTo(0.668412, 5);
    expect(g.interval[1]).toBeCloseTo(0.931588, 5);
    expect(g.projection).toBe(0.8);
    expect(g.status).toBe('behind');
    expect(g.progress).toBeCloseTo(0.8 / 0.9, 10);
  });
});

describe('periodDays', () => {
  it('counts inclusive days and refuses reversed periods', () => {
    expect(periodDays('2026-01-01', '2026-12-31', '2026-12-31')).toEqual({ total: 365, elapsed: 365 });
    expect(() => periodDays('2026-02-01', '2026-01-01', '2026-01-15')).toThrow(/before its start/);
  });
});
