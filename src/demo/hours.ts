/** Office hours and visit rules for demo offices (specs follow src/core/officeHours.ts). */
import { emptyWeek, formatHours, type Interval, WEEKDAYS, type WeeklyHours } from '../core/officeHours';
import type { OrgType } from './model';
import type { Rng } from './prng';

const T = (h: number, m = 0) => h * 60 + m;

export function officeHours(rng: Rng, type: OrgType, line: string): WeeklyHours {
  const w = emptyWeek();
  const set = (days: number[], iv: Interval[]) => {
    for (const d of days) w[WEEKDAYS[d] as keyof WeeklyHours] = iv.map(([a, b]) => [a, b] as Interval);
  };
  if (type === 'hospital') {
    set([0, 1, 2, 3, 4, 5, 6], [[0, 1440]]);
    return w;
  }
  if (line === 'emergency') {
    set([0, 1, 2, 3, 4], [[T(8), T(20)]]);
    set([5, 6], [[T(9), T(17)]]);
    return w;
  }
  if (type === 'imaging') {
    set([0, 1, 2, 3, 4], [[T(7), T(19)]]);
    if (rng.chance(0.6)) set([5], [[T(8), T(12)]]);
    return w;
  }
  if (type === 'asc') {
    set([0, 1, 2, 3, 4], [[T(6), T(rng.pick([15, 16, 17]))]]);
    return w;
  }
  if (type === 'health_system') {
    set([0, 1, 2, 3, 4], [[T(8), T(17)]]);
    return w;
  }
  const start = rng.pick([T(7, 30), T(8), T(8), T(8, 30), T(9)]);
  const end = rng.pick([T(16, 30), T(17), T(17), T(17, 30), T(18)]);
  const lunch = rng.chance(0.25);
  const day: Interval[] = lunch
    ? [
        [start, T(12)],
        [T(13), end],
      ]
    : [[start, end]];
  set([0, 1, 2, 3, 4], day);
  if (rng.chance(0.15)) set([2], [[start, T(12)]]); // closed Wednesday afternoons
  if (rng.chance(0.25))
    set([4], [[start, rng.pick([T(12), T(13)])]]); // Friday half day
  else if (rng.chance(0.08)) set([4], []); // four-day week
  const satChance = line === 'primary_care' || line === 'pediatrics' ? 0.18 : 0.05;
  if (rng.chance(satChance)) set([5], [[T(8), T(12)]]);
  return w;
}

export function visitRules(rng: Rng, type: OrgType, hours: WeeklyHours): string {
  if (type === 'hospital' || type === 'health_system')
    return rng.chance(0.5) ? 'appointment only' : 'no reps Mon';
  const rules: string[] = [];
  const r = rng.next();
  if (r < 0.3) {
    const window: Interval = rng.pick([
      [T(14), T(16)],
      [T(13), T(15)],
      [T(15), T(16, 30)],
    ] as Interval[]);
    const cand = [1, 2, 3].filter((d) =>
      hours[WEEKDAYS[d] as keyof WeeklyHours].some(([a, b]) => a <= window[0] && b >= window[1]),
    );
    const days = cand.filter(() => rng.chance(0.6));
    if (days.length)
      rules.push(`drop-ins ${days.map((d) => WEEKDAYS[d]).join(',')} ${fmt(window[0])}-${fmt(window[1])}`);
  } else if (r < 0.42) {
    rules.push('appointment only');
  }
  if (rng.chance(0.15)) rules.push(`no reps ${rng.pick(['Mon', 'Fri', 'Mon,Fri'])}`);
  if (rng.chance(0.12)) rules.push('lunch-and-learn Tue,Wed,Thu 12:00-13:00');
  return rules.join('; ');
}

function fmt(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export { formatHours };
