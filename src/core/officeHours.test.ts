import { describe, expect, it } from 'vitest';
import {
  formatHours,
  HoursParseError,
  isOpenAt,
  parseDays,
  parseHours,
  parseVisitRules,
  weekdayOf,
} from './officeHours';

const h = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

describe('parseHours', () => {
  it('parses day ranges and half days', () => {
    const w = parseHours('Mon-Thu 08:00-17:00; Fri 08:00-12:00');
    expect(w.Mon).toEqual([[480, 1020]]);
    expect(w.Thu).toEqual([[480, 1020]]);
    expect(w.Fri).toEqual([[480, 720]]);
    expect(w.Sat).toEqual([]);
    expect(w.Sun).toEqual([]);
  });
  it('later groups override earlier ones (closed Wednesday afternoons)', () => {
    const w = parseHours('Mon-Fri 08:00-17:00; Wed 08:00-12:00; Sat 08:00-12:00');
    expect(w.Wed).toEqual([[480, 720]]);
    expect(w.Tue).toEqual([[480, 1020]]);
    expect(w.Sat).toEqual([[480, 720]]);
  });
  it('supports lunch breaks, lists, closed and 24h', () => {
    const w = parseHours('Mon,Wed,Fri 08:00-12:00,13:00-17:00; Tue closed; Sat-Sun 00:00-24:00');
    expect(w.Mon).toEqual([
      [480, 720],
      [780, 1020],
    ]);
    expect(w.Wed).toEqual(w.Fri);
    expect(w.Tue).toEqual([]);
    expect(w.Sun).toEqual([[0, 1440]]);
    expect(parseHours('Mon 08:00-12:00, 11:00-13:00').Mon).toEqual([[480, 780]]);
  });
  it('treats empty as closed all week', () => {
    expect(Object.values(parseHours('')).flat()).toEqual([]);
    expect(Object.values(parseHours(null)).flat()).toEqual([]);
  });
  it('wraps day ranges', () => {
    expect(parseDays('Sat-Mon')).toEqual([0, 5, 6]);
  });
  it.each([
    'Mon',
    'Funday 08:00-17:00',
    'Mon 8-17',
    'Mon 17:00-08:00',
    'Mon 25:00-26:00',
    'Mon-Tue-Wed 08:00-09:00',
    'Mon 24:30-24:45',
  ])('rejects %s', (spec) => {
    expect(() => parseHours(spec)).toThrow(HoursParseError);
  });
  it('formats canonically and round-trips', () => {
    const spec = 'Mon-Thu 07:30-12:00,13:00-17:00; Fri 07:30-12:00; Sat 08:00-12:00';
    expect(formatHours(parseHours(spec))).toBe(spec);
    expect(formatHours(parseHours('Fri 08:00-12:00; Mon-Thu 08:00-17:00'))).toBe(
      'Mon-Thu 08:00-17:00; Fri 08:00-12:00',
    );
  });
  it('answers open-at queries', () => {
    const w = parseHours('Mon-Fri 08:00-17:00');
    expect(isOpenAt(w, 'Mon', h('08:00'))).toBe(true);
    expect(isOpenAt(w, 'Mon', h('17:00'))).toBe(false);
    expect(isOpenAt(w, 'Sat', h('10:00'))).toBe(false);
    expect(weekdayOf(new Date(2026, 9, 5))).toBe('Mon');
  });
});

describe('parseVisitRules', () => {
  it('parses drop-in windows, rep bans and lunch slots', () => {
    expect(
      parseVisitRules(
        'drop-ins Tue,Thu 14:00-16:00; no reps Mon; lunch-and-learn Tue,Wed,Thu 12:00-13:00; appointment only',
      ),
    ).toEqual([
      { kind: 'drop_ins', days: ['Tue', 'Thu'], ranges: [[840, 960]] },
      { kind: 'no_reps', days: ['Mon'], ranges: [] },
      { kind: 'lunch_and_learn', days: ['Tue', 'Wed', 'Thu'], ranges: [[720, 780]] },
      { kind: 'appointment_only', days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], ranges: [] },
    ]);
    expect(parseVisitRules('')).toEqual([]);
    expect(() => parseVisitRules('bring donuts')).toThrow(HoursParseError);
  });
});
