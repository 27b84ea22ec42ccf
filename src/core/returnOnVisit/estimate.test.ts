import { describe, expect, it } from 'vitest';
import { parseMonth } from '../referrals/months';
import { findEpisodes } from './episodes';
import { estimateReturnOnVisit } from './estimate';
import { profileWindow, segmentOf, volumeBucket } from './match';
import { tQuantile } from './tDistribution';
import type { RovOptions, RovPhysician, RovVisit } from './types';

const M = (s: string) => parseMonth(s);
/**
 * A physician with the given referrals to us in Mar, Apr (pre) and Jun, Jul (post) 2026, as many as in
 * March in every month Oct 2025–Feb 2026 (the matching profile window before the pre-window) and 10
 * referrals every month in all.
 */
function doc(
  npi: string,
  county: string,
  toUs: [number, number, number, number],
  specialty = 'fm',
): RovPhysician {
  const months = ['2026-03', '2026-04', '2026-06', '2026-07'];
  const total = new Map<number, number>();
  for (let m = M('2025-10'); m <= M('2026-10'); m++) total.set(m, 10);
  const us = new Map(months.map((m, i) => [M(m), toUs[i]!]));
  for (let m = M('2025-10'); m <= M('2026-02'); m++) us.set(m, toUs[0]);
  return { npi, specialty, county, toUs: us, total };
}

const opts: RovOptions = {
  windowMonths: 2,
  coverageStartMonth: M('2026-01'),
  firstDataMonth: M('2025-10'),
  lastDataMonth: M('2026-10'),
  minControls: 5,
  level: 0.9,
};

// T (county A): 2,2 → 5,5 (+3); its five same-county controls 2,2 → 3,3 (+1): effect +2.
// T2 (county B): 2,2 → 2,2 (0); only three county-B controls, so county is dropped and its nine
// controls (C1–C5, C7, C9–C11) all go +1: effect −1.
const physicians: RovPhysician[] = [
  doc('T', 'A', [2, 2, 5, 5]),
  doc('T2', 'B', [2, 2, 2, 2]),
  ...['C1', 'C2', 'C3', 'C4', 'C5'].map((n) => doc(n, 'A', [2, 2, 3, 3])),
  doc('C6', 'A', [2, 2, 9, 9]), // visited in July: never a control
  doc('C7', 'C', [2, 2, 3, 3]),
  doc('C8', 'A', [8, 8, 0, 0]), // loyalist (80 % share): different segment
  doc('C12', 'A', [2, 2, 9, 9], 'cardio'), // other specialty
  ...['C9', 'C10', 'C11'].map((n) => doc(n, 'B', [2, 2, 3, 3])),
  doc('T3', 'A', [2, 2, 2, 2], 'ped'), // visited only in February; another specialty
];
const visits: RovVisit[] = [
  { npi: 'T', date: '2026-05-10', groups: ['all', 'liaison:1'] },
  { npi: 'T', date: '2026-06-12', groups: ['all', 'liaison:1'] }, // same episode
  { npi: 'T2', date: '2026-05-20', groups: ['all', 'liaison:2'] },
  { npi: 'C6', date: '2026-07-01', groups: ['all'] },
  { npi: 'T3', date: '2026-02-03', groups: ['all'] }, // pre-window (Dec–Jan) before the activity log starts
];

describe('findEpisodes', () => {
  it('starts an episode only after a quiet pre-window inside the log and data', () => {
    const eps = findEpisodes(visits, opts);
    expect(eps.map((e) => `${e.npi}@${e.visitDate}`)).toEqual([
      'C6@2026-07-01',
      'T@2026-05-10',
      'T2@2026-05-20',
    ]);
  });
  it('starts a new episode after a gap longer than the window', () => {
    const eps = findEpisodes(
      [
        { npi: 'X', date: '2026-03-02', groups: ['all'] },
        { npi: 'X', date: '2026-06-02', groups: ['all'] }, // 3 months later > N = 2
        { npi: 'X', date: '2026-08-02', groups: ['all'] }, // 2 months later: same spell
      ],
      opts,
    );
    expect(eps.map((e) => e.visitDate)).toEqual(['2026-03-02', '2026-06-02']);
  });
});

describe('estimateReturnOnVisit', () => {
  const { estimates, episodes } = estimateReturnOnVisit(physicians, visits, opts);
  const byNpi = new Map(episodes.map((e) => [e.npi, e]));

  it('computes the difference in differences against matched, unvisited controls', () => {
    const t = byNpi.get('T')!;
    expect(t.matchLevel).toBe(0);
    expect(t.controls).toBe(5);
    expect(t.effect).toBeCloseTo(2, 12);
    const t2 = byNpi.get('T2')!;
    expect(t2.matchLevel).toBe(1);
    expect(t2.controls).toBe(9);
    expect(t2.effect).toBeCloseTo(-1, 12);
  });

  it('gives a cluster-robust t interval per group, stated in referrals/month', () => {
    const l1 = estimates.find((e) => e.group === 'liaison:1')!;
    expect(l1.estimate).toBeCloseTo(2, 12);
    expect(l1.statement).toBe('+2.0 referrals/month (one physician: no interval)');
    const two = estimateReturnOnVisit(
      physicians,
      visits.map((v) => (v.npi === 'C6' ? { ...v, groups: ['other'] } : v)),
      opts,
    ).estimates.find((e) => e.group === 'all')!;
    // mean(2, −1) = 0.5; ss = 1.5² + 1.5² = 4.5; se = √(2/1 · 4.5)/2 = 1.5; t(0.95, 1) = 6.3138
    expect(two.estimate).toBeCloseTo(0.5, 12);
    expect(two.se).toBeCloseTo(1.5, 12);
    expect(two.low).toBeCloseTo(0.5 - 6.313752 * 1.5, 4);
    expect(two.high).toBeCloseTo(0.5 + 6.313752 * 1.5, 4);
    expect(two.statement).toBe('+0.5 referrals/month, 90 % CI -9.0–10.0');
    expect(two.treatedPre).toBeCloseTo(2, 12);
    expect(two.treatedPost).toBeCloseTo(3.5, 12);
  });
});

describe('profileWindow', () => {
  it('uses the 12 months before the pre-window, clipped to the data', () => {
    // visit in May 2026, N = 2 → pre-window Mar–Apr → profile Mar 2025–Feb 2026, clipped at Oct 2025
    expect(profileWindow(M('2026-05'), 2, M('2025-10'))).toEqual([M('2025-10'), M('2026-02')]);
    expect(profileWindow(M('2026-05'), 2, M('2020-01'))).toEqual([M('2025-03'), M('2026-02')]);
    // no data before the pre-window: fall back to the pre-window itself
    expect(profileWindow(M('2026-05'), 2, M('2026-03'))).toEqual([M('2026-03'), M('2026-04')]);
  });
});

describe('helpers', () => {
  it('buckets volume and segments share', () => {
    expect([0, 0.5, 0.6, 1, 2, 3, 4, 7, 13, 100].map(volumeBucket)).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 8, 12]);
    expect([segmentOf(5, 10), segmentOf(1, 10), segmentOf(0.5, 10), segmentOf(0, 0)]).toEqual([
      'loyalist',
      'splitter',
      'opportunity',
      'none',
    ]);
  });
  it('matches published t quantiles', () => {
    expect(tQuantile(0.95, 1)).toBeCloseTo(6.313752, 5);
    expect(tQuantile(0.95, 4)).toBeCloseTo(2.131847, 5);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042272, 5);
  });
});
