import { describe, expect, it } from 'vitest';
import { intersect, subtract, visitMinutes, visitWindows } from './windows';

describe('visit windows from office hours and visit rules', () => {
  it('ends each window early enough to finish the visit before closing', () => {
    const w = visitWindows('Mon-Fri 08:00-12:00,13:00-17:00', null, 20);
    expect(w.hoursKnown).toBe(true);
    expect(w.hours?.mon).toEqual([
      [480, 700],
      [780, 1000],
    ]);
    expect(w.hours?.sat).toBeUndefined();
  });

  it('limits unannounced visits to drop-in times and removes no-rep days', () => {
    const w = visitWindows('Mon-Fri 08:00-17:00', 'drop-ins Tue,Thu 14:00-16:00; no reps Mon', 15);
    expect(w.dropInOnly).toBe(true);
    expect(w.hours).toEqual({ tue: [[840, 945]], thu: [[840, 945]] });
  });

  it('subtracts a partial no-reps range and appointment-only days', () => {
    const w = visitWindows('Mon-Wed 08:00-17:00', 'no reps Mon 12:00-13:00; appointment only Wed', 30);
    expect(w.hours).toEqual({
      mon: [
        [480, 690],
        [780, 990],
      ],
      tue: [[480, 990]],
    });
  });

  it('treats missing hours as unknown (open) but an empty parse as closed', () => {
    expect(visitWindows(null, null, 20)).toEqual({ hoursKnown: false, dropInOnly: false });
    expect(visitWindows('Mon closed', null, 20).hours).toEqual({});
    expect(visitWindows(null, 'no reps Fri', 20).hours?.fri).toBeUndefined();
    expect(visitWindows(null, 'no reps Fri', 20).hours?.thu).toEqual([[0, 1420]]);
  });

  it('names the bad spec', () => {
    expect(() => visitWindows('Mon 9-5', null, 20)).toThrow(/Mon 9-5/);
  });

  it('computes durations by visit type', () => {
    expect(visitMinutes('drop_in')).toBe(15);
    expect(visitMinutes('visit')).toBe(20);
    expect(visitMinutes('visit', 2)).toBe(25);
    expect(visitMinutes('visit', 9)).toBe(30);
    expect(visitMinutes('lunch_and_learn', 4)).toBe(60);
  });

  it('intersects and subtracts interval lists', () => {
    expect(intersect([[0, 10]], [[5, 20]])).toEqual([[5, 10]]);
    expect(subtract([[0, 10]], [[3, 4]])).toEqual([
      [0, 3],
      [4, 10],
    ]);
    expect(subtract([[0, 10]], [[0, 10]])).toEqual([]);
  });
});
