import { describe, expect, it } from 'vitest';
import { computeDay, weekdayOfDate } from './compute';
import type { RouteSettings, RouteStop } from './types';

// 10 minutes and 5 km between any two distinct points: hand-computable.
const flat = (points: readonly unknown[]) => {
  const m = points.map((_, i) => points.map((__, j) => (i === j ? 0 : 10)));
  return { minutes: m, km: m.map((r) => r.map((v) => v / 2)) };
};
const stop = (k: number, extra: Partial<RouteStop> = {}): RouteStop => ({
  id: `loc-${k}`,
  locationId: k,
  organizationId: null,
  name: `Office ${k}`,
  address: '',
  lat: 36 + k / 100,
  lon: -86,
  geoPrecision: 'synthetic_point',
  hours: 'Mon-Fri 08:00-17:00',
  visitRules: null,
  providers: [],
  priority: 1,
  prioritySource: 'default',
  why: [],
  visitType: 'visit',
  durationMin: 20,
  appointmentAt: null,
  ...extra,
});
const settings: RouteSettings = {
  dayStart: 480,
  dayEnd: 1020,
  start: { lat: 36, lon: -86.1, label: 'home' },
  end: { lat: 36, lon: -86.1, label: 'home' },
  startIsDefault: false,
  lunch: null,
  timeLimitMs: 200,
  seed: 1,
};

describe('computeDay', () => {
  it('knows the weekday of a calendar date', () => {
    expect(weekdayOfDate('2026-12-01')).toBe('tue');
    expect(weekdayOfDate('2026-11-29')).toBe('sun');
  });

  it('keeps done visits first at their real times and re-plans the rest from the last one', () => {
    const stops = [1, 2, 3, 4].map((k) => stop(k));
    const { result } = computeDay({
      settings,
      date: '2026-12-01',
      stops,
      pins: [],
      done: [{ stopId: 'loc-3', at: 600, activityId: 7 }],
      travel: flat,
    });
    const d = result.days[0]!;
    expect(d.visits[0]).toEqual({ stopId: 'loc-3', arrival: 580, start: 580, end: 600, wait: 0 });
    // The rest starts from office 3 at 10:00: 10 min drive, 20 min visit, back to back.
    expect(d.visits.slice(1).map((v) => v.start)).toEqual([610, 640, 670]);
    // Legs: home→3 (done) + 3→a→b→c→home = 5 legs of 10 min / 5 km.
    expect(d.travelMinutes).toBe(50);
    expect(d.km).toBe(25);
    expect(result.feasible).toBe(true);
  });

  it('leaves out a stop whose hours cannot be read, with the reason', () => {
    const { result, invalid } = computeDay({
      settings,
      date: '2026-12-01',
      stops: [stop(1), stop(2, { hours: 'Tuesday 9 to 5' })],
      pins: [],
      done: [],
      travel: flat,
    });
    expect(result.days[0]!.visits.map((v) => v.stopId)).toEqual(['loc-1']);
    expect(result.unassigned).toEqual([{ stopId: 'loc-2', reason: 'closed' }]);
    expect(invalid[0]!.reason).toMatch(/cannot read the office hours/);
  });

  it('fixes a lunch-and-learn at its appointment time', () => {
    const { result } = computeDay({
      settings,
      date: '2026-12-01',
      stops: [
        stop(1),
        stop(2, { visitType: 'lunch_and_learn', durationMin: 60, appointmentAt: 720 }),
        stop(3),
      ],
      pins: [],
      done: [],
      travel: flat,
    });
    const lnl = result.days[0]!.visits.find((v) => v.stopId === 'loc-2')!;
    expect([lnl.start, lnl.end]).toEqual([720, 780]);
    expect(result.unassigned).toEqual([]);
  });

  it('handles a day where every visit is done', () => {
    const { result } = computeDay({
      settings,
      date: '2026-12-01',
      stops: [stop(1)],
      pins: [],
      done: [{ stopId: 'loc-1', at: 560, activityId: null }],
      travel: flat,
    });
    expect(result.days[0]!.visits.map((v) => v.stopId)).toEqual(['loc-1']);
    expect(result.unassigned).toEqual([]);
  });
});
