import { describe, expect, it } from 'vitest';
import { PinError, reoptimizeWithPositions } from './pinned';
import type { PlanStop, WorkDay } from './types';

// Travel is 10 minutes between any two distinct points, so every expectation below is hand-computable.
const flat = (points: readonly unknown[]) => {
  const m = points.map((_, i) => points.map((__, j) => (i === j ? 0 : 10)));
  return { minutes: m, km: m.map((r) => r.map((v) => v / 2)) };
};
const at = (k: number) => ({ lat: 40.7 + k / 100, lon: -74 });
const day = (extra: Partial<WorkDay> = {}): WorkDay => ({
  day: 'mon',
  start: 480,
  end: 1020,
  startAt: { lat: 40.75, lon: -73.99 },
  ...extra,
});
const five = (extra: (k: number) => Partial<PlanStop> = () => ({})): PlanStop[] =>
  [1, 2, 3, 4, 5].map((k) => ({ id: `s${k}`, location: at(k), durationMin: 30, ...extra(k) }));
const ids = (r: ReturnType<typeof reoptimizeWithPositions>) => r.days[0]!.visits.map((v) => v.stopId);

describe('reoptimizeWithPositions', () => {
  it('keeps a pinned stop at its position and plans the others around it', () => {
    const r = reoptimizeWithPositions({
      day: day(),
      stops: five(),
      pins: [{ stopId: 's3', position: 1 }],
      travel: flat,
    });
    expect(ids(r)[1]).toBe('s3');
    expect([...ids(r)].sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(r.travelMinutes).toBe(60); // six legs of 10 minutes
    expect(r.days[0]!.km).toBe(30);
    expect(r.feasible).toBe(true);
  });

  it('combines a kept (done) prefix with a pin later in the day', () => {
    const r = reoptimizeWithPositions({
      day: day(),
      stops: five(),
      keep: ['s5'],
      pins: [
        { stopId: 's1', position: 3 },
        { stopId: 's2', position: 1 },
      ],
      travel: flat,
    });
    const order = ids(r);
    expect(order[0]).toBe('s5');
    expect(order[1]).toBe('s2');
    expect(order[3]).toBe('s1');
    expect(order).toHaveLength(5);
    // Back-to-back: 08:00 + 10 travel, then 30 min visit + 10 min travel each.
    expect(r.days[0]!.visits.map((v) => v.start)).toEqual([490, 530, 570, 610, 650]);
  });

  it('fills the room before a pin with the most important stops when the day is short', () => {
    // 120 minutes: two 30-minute visits and three 10-minute legs (90) fit, three visits (130) do not.
    const r = reoptimizeWithPositions({
      day: day({ end: 600 }),
      stops: five((k) => ({ priority: k === 1 ? 5 : 1 })),
      pins: [{ stopId: 's4', position: 1 }],
      travel: flat,
    });
    expect(ids(r)).toEqual(['s1', 's4']);
    expect(r.unassigned.map((u) => u.stopId).sort()).toEqual(['s2', 's3', 's5']);
    expect(r.unassigned.every((u) => u.reason === 'low-priority')).toBe(true);
    expect(r.feasible).toBe(true);
  });

  it('takes lunch between visits without moving the pin', () => {
    const r = reoptimizeWithPositions({
      day: day({ lunch: { earliest: 540, latest: 560, durationMin: 60 } }),
      stops: five(),
      pins: [{ stopId: 's2', position: 2 }],
      travel: flat,
    });
    expect(ids(r)[2]).toBe('s2');
    const lunch = r.days[0]!.lunch!;
    expect(lunch.start).toBeGreaterThanOrEqual(540);
    expect(lunch.start).toBeLessThanOrEqual(560);
    for (const v of r.days[0]!.visits) expect(v.end <= lunch.start || v.start >= lunch.end).toBe(true);
    expect(r.unassigned).toEqual([]);
    expect(r.feasible).toBe(true);
  });

  it('refuses an order the hours make impossible, unknown stops and duplicate pins', () => {
    const stops = five((k) =>
      k === 1 ? { hours: { mon: [[600, 610]] } } : k === 2 ? { hours: { mon: [[480, 500]] } } : {},
    );
    const pins = [
      { stopId: 's1', position: 0 },
      { stopId: 's2', position: 1 },
    ];
    expect(() => reoptimizeWithPositions({ day: day(), stops, pins, travel: flat })).toThrow(PinError);
    expect(() =>
      reoptimizeWithPositions({ day: day(), stops, pins: [{ stopId: 'nope', position: 0 }], travel: flat }),
    ).toThrow(/unknown stop nope/);
    expect(() =>
      reoptimizeWithPositions({
        day: day(),
        stops,
        keep: ['s3'],
        pins: [{ stopId: 's4', position: 0 }],
        travel: flat,
      }),
    ).toThrow(/position 1/);
  });

  it('produces a solution the independent checker accepts for a pin inside its hours', () => {
    const stops = five((k) => ({ hours: { mon: k === 3 ? [[700, 720]] : [[480, 1000]] } }));
    const r = reoptimizeWithPositions({
      day: day(),
      stops,
      pins: [{ stopId: 's3', position: 4 }],
      travel: flat,
    });
    const s3 = r.days[0]!.visits.find((v) => v.stopId === 's3')!;
    expect(s3.start).toBeGreaterThanOrEqual(700);
    expect(s3.start).toBeLessThanOrEqual(720);
    expect(ids(r)[4]).toBe('s3');
    expect(r.feasible).toBe(true);
  });
});
