// The target score: factor normalization worked by hand, breakdown sums exactly to the score.
import { describe, expect, it } from 'vitest';
import { factorValues, percentile90, type TargetFacts } from './factors';
import { largestRemainder, rankTargets, scoreTarget } from './score';
import { DEFAULT_WEIGHTS, FACTORS, resolveWeights } from './weights';

const now = new Date('2026-11-27T00:00:00Z');
const base: TargetFacts = {
  npi: '1000000004',
  leakedReferrals: 0,
  leakageServiceLines: [],
  recentReferrals: 0,
  priorReferrals: 0,
  segment: null,
  influencePercentile: null,
  arrivedAt: null,
  lastVisitAt: null,
  desiredVisitDays: null,
  openIssues: 0,
  kmFromTerritory: null,
};

describe('factorValues', () => {
  it('normalizes each factor as documented', () => {
    const v = factorValues(
      {
        ...base,
        leakedReferrals: 30, // 30 / p90 40 = 0.75
        recentReferrals: 12, // (12 − 8) / 8 = +50 % ⇒ 0.5 + 0.5 = 1
        priorReferrals: 8,
        segment: 'splitter', // 1
        influencePercentile: 0.9,
        arrivedAt: '2026-08-27T00:00:00Z', // 3 months in ⇒ 1 − 3/12 = 0.75 (±day rounding)
        lastVisitAt: '2026-10-28T00:00:00Z', // 30 days / 60 desired / 2 = 0.25
        desiredVisitDays: 60,
        openIssues: 1, // 1/3
        kmFromTerritory: 10, // 1 − 10/50 = 0.8
      },
      { now, leakageP90: 40 },
    );
    expect(v.opportunity.value).toBe(0.75);
    expect(v.growth.value).toBe(1);
    expect(v.loyalty.value).toBe(1);
    expect(v.influence.value).toBe(0.9);
    expect(v.newToMarket.value).toBeCloseTo(0.75, 2);
    expect(v.recency.value).toBeCloseTo(0.25, 12);
    expect(v.openIssues.value).toBeCloseTo(1 / 3, 12);
    expect(v.proximity.value).toBeCloseTo(0.8, 12);
  });

  it('marks missing data unknown (0) and caps at 1', () => {
    const v = factorValues(
      { ...base, leakedReferrals: 500, openIssues: 9, desiredVisitDays: 30 },
      { now, leakageP90: 40 },
    );
    expect(v.opportunity.value).toBe(1);
    expect(v.openIssues.value).toBe(1);
    expect(v.recency).toEqual({ value: 1, known: true }); // never visited with a cadence
    expect(v.influence).toEqual({ value: 0, known: false });
    expect(v.proximity.known).toBe(false);
    expect(v.growth.known).toBe(false);
  });

  it('p90 is the nearest-rank 90th percentile of positive volumes', () => {
    expect(percentile90([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(percentile90([0, 0])).toBe(0);
  });
});

describe('scoreTarget', () => {
  it('equal weights, hand-computed: every factor 0.5 ⇒ 50 points', () => {
    const w = Object.fromEntries(FACTORS.map((f) => [f, 1])) as typeof DEFAULT_WEIGHTS;
    const s = scoreTarget(
      {
        ...base,
        leakedReferrals: 20,
        recentReferrals: 10,
        priorReferrals: 10,
        segment: null,
        influencePercentile: 0.5,
        arrivedAt: '2026-05-28T12:00:00Z', // 6 months ⇒ 0.5
        lastVisitAt: '2026-10-28T00:00:00Z',
        desiredVisitDays: 30, // 30/30/2 = 0.5
        openIssues: 1.5,
        kmFromTerritory: 25,
      },
      w,
      { now, leakageP90: 40 },
    );
    expect(s.score).toBeCloseTo(50, 1);
    for (const b of s.breakdown) expect(b.weight).toBe(1 / 8);
  });

  it('the breakdown sums to the score exactly, for many random inputs and weights', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let k = 0; k < 500; k++) {
      const w = resolveWeights(Object.fromEntries(FACTORS.map((f) => [f, Math.round(rnd() * 100) / 7])));
      const s = scoreTarget(
        {
          ...base,
          leakedReferrals: Math.floor(rnd() * 90),
          recentReferrals: Math.floor(rnd() * 30),
          priorReferrals: Math.floor(rnd() * 30),
          segment: (['loyalist', 'splitter', 'opportunity', null] as const)[k % 4],
          influencePercentile: rnd(),
          lastVisitAt: '2026-09-01T00:00:00Z',
          desiredVisitDays: 1 + Math.floor(rnd() * 120),
          openIssues: k % 5,
          kmFromTerritory: rnd() * 80,
        },
        w,
        { now, leakageP90: 37 },
      );
      const cents = s.breakdown.reduce((sum, b) => sum + Math.round(b.points * 100), 0);
      expect(cents).toBe(Math.round(s.score * 100));
      expect(s.breakdown.reduce((sum, b) => sum + b.points, 0)).toBeCloseTo(s.score, 9);
      const exact = s.breakdown.reduce((sum, b) => sum + b.weight * b.value * 100, 0);
      expect(Math.abs(s.score - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('explains the strongest reasons first', () => {
    const s = scoreTarget(
      { ...base, leakedReferrals: 40, leakageServiceLines: ['cardiology'], openIssues: 1 },
      DEFAULT_WEIGHTS,
      { now, leakageP90: 40 },
    );
    // 40 ≥ p90 40: opportunity 1 × weight 30; one open issue: 1/3 × 5 = 1.67 points
    expect(s.why[0]).toBe(
      'Sent 40 referrals in cardiology outside our network in 12 months — among the top 10 % of candidates · +30 pts',
    );
    expect(s.why).toContain('1 open issue to follow up · +1.7 pts');
  });

  it('says where a physician below the 90th percentile stands, and what their segment means', () => {
    const s = scoreTarget({ ...base, leakedReferrals: 10, segment: 'splitter' }, DEFAULT_WEIGHTS, {
      now,
      leakageP90: 40,
    });
    // splitter: 1 × 15; opportunity 10 / 40 × 30 = 7.5
    expect(s.why).toEqual([
      'Splits their referrals between our network and others (splitter) · +15 pts',
      'Sent 10 referrals outside our network in 12 months — the top 10 % of candidates send 40 or more · +7.5 pts',
    ]);
  });

  it('ranks by score, ties by NPI', () => {
    const r = rankTargets(
      [
        { ...base, npi: '2' },
        { ...base, npi: '1' },
        { ...base, npi: '3', leakedReferrals: 5 },
      ],
      DEFAULT_WEIGHTS,
      { now, leakageP90: 10 },
    );
    expect(r.map((x) => x.npi)).toEqual(['3', '1', '2']);
  });

  it('detailTop: same order and scores, breakdown and why only for the top ranks', () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const pool = Array.from({ length: 300 }, (_, k) => ({
      ...base,
      npi: String(1000 + k),
      leakedReferrals: Math.floor(rnd() * 90),
      recentReferrals: Math.floor(rnd() * 30),
      priorReferrals: Math.floor(rnd() * 30),
      influencePercentile: rnd(),
      openIssues: k % 4,
      kmFromTerritory: rnd() * 80,
    }));
    const w = resolveWeights({ opportunity: 3, influence: 2, openIssues: 1.3, proximity: 0.7 });
    const ctx = { now, leakageP90: 37 };
    const full = rankTargets(pool, w, ctx);
    const top = rankTargets(pool, w, ctx, 5);
    expect(top.map((t) => [t.npi, t.score])).toEqual(full.map((t) => [t.npi, t.score]));
    expect(top.slice(0, 5)).toEqual(full.slice(0, 5));
    expect(top[5]).toEqual({ npi: full[5]!.npi, score: full[5]!.score, breakdown: [], why: [] });
  });
});

describe('weights', () => {
  it('refuse unknown factors, negatives and all-zero', () => {
    expect(() => resolveWeights({ charm: 1 })).toThrow(/weights.charm/);
    expect(() => resolveWeights({ growth: -1 })).toThrow(/weights.growth/);
    expect(() => resolveWeights(Object.fromEntries(FACTORS.map((f) => [f, 0])))).toThrow(/at least one/);
  });

  it('largestRemainder keeps the total', () => {
    expect(largestRemainder([33.3, 33.3, 33.4])).toEqual([33, 33, 34]);
    expect(largestRemainder([0.5, 0.5, 0.5, 0.5])).toEqual([1, 1, 0, 0]);
  });
});
