// When a liaison may start a visit at an office, per weekday: the office hours (src/core/officeHours.ts) minus
// "no reps" times, limited to drop-in times when the office has them, and ending early enough that the visit
// is over before the office closes. Pure functions; the planner turns the result into PlanStop.hours.
import {
  type Weekday as HoursDay,
  HoursParseError,
  type Interval,
  parseHours,
  parseVisitRules,
  type VisitRule,
  WEEKDAYS,
} from '../../core/officeHours';
import type { PlanStop, Weekday } from '../../core/routing';

export type VisitType = 'drop_in' | 'visit' | 'lunch_and_learn';
export const VISIT_TYPES: readonly VisitType[] = ['drop_in', 'visit', 'lunch_and_learn'];

/** Minutes on site: a drop-in is 15, an in-person visit 20 plus 5 per extra provider seen (at most 30), a lunch-and-learn 60. */
export function visitMinutes(type: VisitType, providers = 1): number {
  if (type === 'drop_in') return 15;
  if (type === 'lunch_and_learn') return 60;
  return Math.min(30, 20 + 5 * Math.max(0, providers - 1));
}

const ALL_DAY: Interval[] = [[0, 24 * 60]];

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [x1, x2] of a)
    for (const [y1, y2] of b) {
      const s = Math.max(x1, y1);
      const e = Math.min(x2, y2);
      if (s < e) out.push([s, e]);
    }
  return out.sort((p, q) => p[0] - q[0]);
}

export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  let cur: Interval[] = a.map(([s, e]) => [s, e]);
  for (const [y1, y2] of b)
    cur = cur.flatMap(([s, e]): Interval[] => {
      if (y2 <= s || y1 >= e) return [[s, e]];
      const parts: Interval[] = [];
      if (s < y1) parts.push([s, y1]);
      if (y2 < e) parts.push([y2, e]);
      return parts;
    });
  return cur;
}

const toPlanDay = (d: HoursDay) => d.toLowerCase() as Weekday;
const rulesOn = (rules: VisitRule[], kind: VisitRule['kind'], day: HoursDay) =>
  rules.filter((r) => r.kind === kind && r.days.includes(day));
const rangesOf = (rs: VisitRule[]) => rs.flatMap((r) => (r.ranges.length ? r.ranges : ALL_DAY));

export type StopWindows = {
  /** Start windows per weekday (a missing day = cannot visit). Omitted when hours are unknown and no rule applies. */
  hours?: PlanStop['hours'];
  hoursKnown: boolean;
  /** The office's drop-in rule decides when an unannounced visit is possible. */
  dropInOnly: boolean;
};

/**
 * Start windows for a visit of `durationMin` minutes. Unknown hours (no spec) mean "open whenever the liaison
 * works"; a spec that parses to nothing means closed. Throws HoursParseError naming the bad spec.
 */
export function visitWindows(
  hoursSpec: string | null,
  rulesSpec: string | null,
  durationMin: number,
): StopWindows {
  const known = !!hoursSpec?.trim();
  const week = known ? parseHours(hoursSpec) : null;
  const rules = parseVisitRules(rulesSpec);
  const dropInOnly = rules.some((r) => r.kind === 'drop_ins');
  if (!known && rules.length === 0) return { hoursKnown: false, dropInOnly: false };
  const hours: NonNullable<PlanStop['hours']> = {};
  for (const day of WEEKDAYS) {
    let open: Interval[] = week ? week[day] : ALL_DAY;
    open = subtract(open, rangesOf(rulesOn(rules, 'no_reps', day)));
    open = subtract(open, rangesOf(rulesOn(rules, 'appointment_only', day)));
    if (dropInOnly) open = intersect(open, rangesOf(rulesOn(rules, 'drop_ins', day)));
    const starts = open
      .filter(([a, b]) => b - durationMin >= a)
      .map(([a, b]) => [a, b - durationMin] as [number, number]);
    if (starts.length) hours[toPlanDay(day)] = starts;
  }
  return { hours, hoursKnown: known, dropInOnly };
}

export { HoursParseError };
