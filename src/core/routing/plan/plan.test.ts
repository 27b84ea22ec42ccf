import { describe, expect, it } from 'vitest';
import { planDay, planTeam, planWeek } from './plan';
import { reoptimizeWithPins } from './reoptimize';
import type { PlanStop, WorkDay } from './types';

// A synthetic matrix keeps the expectations hand-computable: travel = 10 min between any two distinct points.
const flat = (points: readonly unknown[]) => {
  const m = points.map((_, i) => points.map((__, j) => (i === j ? 0 : 10)));
  return { minutes: m, km: m.map((r) => r.map((v) => v / 2)) };
};
const office = { lat: 40.75, lon: -73.99 };
const at = (k: number) => ({ lat: 40.7 + k / 100, lon: -74 });
const day = (d: WorkDay['day'], extra: Partial<WorkDay> = {}): WorkDay => ({
  day: d,
  start: 480,
  end: 1020,
  startAt: office,
  ...extra,
});

describe('planDay', () => {
  it('times visits inside office hours, keeps the appointment and takes lunch', () => {
    const stops: PlanStop[] = [
      { id: 'dr-a', location: at(1), durationMin: 30, hours: { mon: [[540, 720]] } },
      { id: 'dr-b', location: at(2), durationMin: 30, appointment: { at: 780 } },
      {
        id: 'dr-c',
        location: at(3),
        durationMin: 20,
        hours: {
          mon: [
            [480, 600],
            [840, 960],
          ],
        },
      },
    ];
    const r = planDay({
      day: day('mon', { lunch: { earliest: 690, latest: 750, durationMin: 45 } }),
      stops,
      travel: flat,
    });
    expect(r.feasible).toBe(true);
    expect(r.unassigned).toEqual([]);
    const b = r.days[0]!.visits.find((v) => v.stopId === 'dr-b')!;
    expect(b.start).toBe(780);
    const lunch = r.days[0]!.lunch!;
    expect(lunch.start).toBeGreaterThanOrEqual(690);
    expect(lunch.start).toBeLessThanOrEqual(750);
    expect(lunch.end - lunch.start).toBe(45);
    for (const v of r.days[0]!.visits) expect(v.end <= lunch.start || v.start >= lunch.end).toBe(true);
    // Four legs of 10 minutes, whatever the order.
    expect(r.travelMinutes).toBe(40);
  });

  it('drops the least important stop when the day is too short, and says why', () => {
    const stops: PlanStop[] = [1, 2, 3, 4].map((k) => ({
      id: `s${k}`,
      location: at(k),
      durationMin: 130,
      priority: k,
    }));
    const r = planDay({ day: day('tue'), stops, travel: flat }); // 540 minutes: 3 × 130 + 4 × 10 fits, 4 × 130 + 50 does not
    expect(r.days[0]!.visits.map((v) => v.stopId).sort()).toEqual(['s2', 's3', 's4']);
    expect(r.unassigned).toEqual([{ stopId: 's1', reason: 'low-priority' }]);
    const closed = planDay({
      day: day('sun'),
      stops: [{ id: 'x', location: at(1), durationMin: 10, hours: { mon: [[0, 1440]] } }],
      travel: flat,
    });
    expect(closed.unassigned).toEqual([{ stopId: 'x', reason: 'closed' }]);
  });
});

describe('planWeek / planTeam', () => {
  it('puts each stop on a day it is open', () => {
    const stops: PlanStop[] = [
      { id: 'mon-only', location: at(1), durationMin: 30, hours: { mon: [[480, 1020]] } },
      { id: 'wed-only', location: at(2), durationMin: 30, hours: { wed: [[480, 1020]] } },
      { id: 'any', location: at(3), durationMin: 30 },
    ];
    const r = planWeek({ days: [day('mon'), day('wed')], stops, travel: flat });
    expect(r.feasible).toBe(true);
    expect(r.days[0]!.visits.map((v) => v.stopId)).toContain('mon-only');
    expect(r.days[1]!.visits.map((v) => v.stopId)).toContain('wed-only');
    expect(r.unassigned).toEqual([]);
  });

  it('respects stops pinned to a liaison', () => {
    const stops: PlanStop[] = [1, 2, 3, 4].map((k) => ({
      id: `s${k}`,
      location: at(k),
      durationMin: 20,
      liaison: k <= 2 ? 'ann' : 'bob',
    }));
    const r = planTeam({
      liaisons: [
        { id: 'ann', days: [day('mon')] },
        { id: 'bob', days: [day('mon')] },
      ],
      stops,
      travel: flat,
    });
    const ann = r.days.find((d) => d.liaison === 'ann')!;
    expect(ann.visits.map((v) => v.stopId).sort()).toEqual(['s1', 's2']);
    expect(r.feasible).toBe(true);
  });
});

describe('reoptimizeWithPins', () => {
  it('keeps the given prefix in order and re-plans the rest after it', () => {
    const stops: PlanStop[] = [1, 2, 3, 4, 5].map((k) => ({ id: `s${k}`, location: at(k), durationMin: 30 }));
    const r = reoptimizeWithPins({ day: day('thu'), stops, keep: ['s4', 's2'], travel: flat });
    const ids = r.days[0]!.visits.map((v) => v.stopId);
    expect(ids.slice(0, 2)).toEqual(['s4', 's2']);
    expect(ids.slice(2).sort()).toEqual(['s1', 's3', 's5']);
    const v = r.days[0]!.visits;
    for (let i = 1; i < v.length; i++) expect(v[i]!.start).toBeGreaterThanOrEqual(v[i - 1]!.end + 10);
    expect(r.travelMinutes).toBe(60);
  });
});
