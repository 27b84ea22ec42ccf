import { describe, expect, it } from 'vitest';
import type { TargetFacts } from './factors';
import { filterWords, isFiltered, matchesTargetFilter } from './filter';

const now = new Date('2026-11-29T12:00:00Z');
const base: TargetFacts = {
  npi: '1000000004',
  leakedReferrals: 10,
  leakageServiceLines: ['cardiology', 'orthopedics'],
  recentReferrals: 5,
  priorReferrals: 5,
  segment: 'splitter',
  influencePercentile: null,
  arrivedAt: null,
  lastVisitAt: null,
  desiredVisitDays: null,
  openIssues: 0,
  kmFromTerritory: null,
};

describe('matchesTargetFilter', () => {
  it('lets everyone through with no filter', () => {
    expect(isFiltered({})).toBe(false);
    expect(matchesTargetFilter(base, {}, now)).toBe(true);
  });
  it('segment and leakage line', () => {
    expect(matchesTargetFilter(base, { segment: 'splitter' }, now)).toBe(true);
    expect(matchesTargetFilter(base, { segment: 'loyalist' }, now)).toBe(false);
    expect(matchesTargetFilter({ ...base, segment: null }, { segment: 'splitter' }, now)).toBe(false);
    expect(matchesTargetFilter(base, { leakageLine: 'orthopedics' }, now)).toBe(true);
    expect(matchesTargetFilter(base, { leakageLine: 'oncology' }, now)).toBe(false);
    expect(matchesTargetFilter(base, { segment: 'splitter', leakageLine: 'oncology' }, now)).toBe(false);
  });
  it('new to market: arrived within 12 months, not in the future', () => {
    const f = { newToMarket: true };
    expect(matchesTargetFilter(base, f, now)).toBe(false);
    expect(matchesTargetFilter({ ...base, arrivedAt: '2026-01-15' }, f, now)).toBe(true);
    expect(matchesTargetFilter({ ...base, arrivedAt: '2025-11-30' }, f, now)).toBe(true); // 364.5 days
    expect(matchesTargetFilter({ ...base, arrivedAt: '2025-11-28' }, f, now)).toBe(false); // 366.5 days
    expect(matchesTargetFilter({ ...base, arrivedAt: '2026-12-05' }, f, now)).toBe(false);
  });
  it('visit due: a cadence, and never visited or the interval has passed', () => {
    const f = { visitDue: true };
    expect(matchesTargetFilter(base, f, now)).toBe(false); // no cadence
    expect(matchesTargetFilter({ ...base, desiredVisitDays: 30 }, f, now)).toBe(true); // never visited
    expect(
      matchesTargetFilter({ ...base, desiredVisitDays: 30, lastVisitAt: '2026-10-29T12:00:00Z' }, f, now),
    ).toBe(true); // 31 days
    expect(
      matchesTargetFilter({ ...base, desiredVisitDays: 30, lastVisitAt: '2026-11-01T12:00:00Z' }, f, now),
    ).toBe(false); // 28 days
  });
  it('open issues', () => {
    expect(matchesTargetFilter(base, { openIssues: true }, now)).toBe(false);
    expect(matchesTargetFilter({ ...base, openIssues: 2 }, { openIssues: true }, now)).toBe(true);
  });
});

describe('filterWords', () => {
  it('says the filter', () => {
    expect(filterWords({})).toEqual([]);
    expect(
      filterWords({
        segment: 'low_volume',
        leakageLine: 'behavioral_health',
        newToMarket: true,
        visitDue: true,
        openIssues: true,
      }),
    ).toEqual(['low volume', 'leaking in behavioral health', 'new to market', 'visit due', 'open issues']);
    expect(filterWords({ segment: 'splitter' })).toEqual(['splitters']);
  });
});
