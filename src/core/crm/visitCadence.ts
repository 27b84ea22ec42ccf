// Desired visit frequency → "overdue". Overdue is measured from the last *in-person* contact
// (a visit, drop-in or lunch-and-learn): calls and e-mails keep a relationship warm but do not
// count as being seen. Intervals are fixed day counts so the rule is easy to state in the UI.

export const VISIT_FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type VisitFrequency = (typeof VISIT_FREQUENCIES)[number];

export const FREQUENCY_DAYS: Record<VisitFrequency, number> = {
  weekly: 7,
  biweekly: 14,
  monthly: 30,
  quarterly: 91,
};

export const ACTIVITY_TYPES = [
  'in_person_visit',
  'drop_in',
  'lunch_and_learn',
  'call',
  'email',
  'event',
  'virtual',
  // A plain note on the timeline (from the profile's note composer): no meeting took place.
  'note',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Activity types that count as seeing the physician in person. */
export const IN_PERSON_TYPES: readonly ActivityType[] = ['in_person_visit', 'drop_in', 'lunch_and_learn'];
export const countsAsVisit = (t: string) => (IN_PERSON_TYPES as readonly string[]).includes(t);

const DAY_MS = 86_400_000;

/** Whole calendar days from `a` to `b` (UTC dates, 'YYYY-MM-DD' or Date). */
export function daysBetween(a: string | Date, b: string | Date): number {
  const d = (x: string | Date) => {
    const s = typeof x === 'string' ? x.slice(0, 10) : x.toISOString().slice(0, 10);
    return Date.parse(`${s}T00:00:00Z`);
  };
  return Math.round((d(b) - d(a)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export type VisitStatus = {
  frequency: VisitFrequency | null;
  lastVisit: string | null;
  /** The date the next visit is due (null when no frequency or never visited). */
  dueOn: string | null;
  overdue: boolean;
  /** Days past due (0 when not overdue; null when never visited). */
  daysOverdue: number | null;
  /** Why, in words, for the badge's tooltip. */
  reason: string;
};

/** Overdue status for a provider given the desired frequency, the last in-person visit and today. */
export function visitStatus(
  frequency: VisitFrequency | null,
  lastVisit: string | Date | null,
  today: string | Date,
): VisitStatus {
  const last = lastVisit
    ? (typeof lastVisit === 'string' ? lastVisit : lastVisit.toISOString()).slice(0, 10)
    : null;
  if (!frequency)
    return {
      frequency,
      lastVisit: last,
      dueOn: null,
      overdue: false,
      daysOverdue: 0,
      reason: 'no visit frequency set',
    };
  if (!last)
    return {
      frequency,
      lastVisit: null,
      dueOn: null,
      overdue: true,
      daysOverdue: null,
      reason: `never visited (wanted ${frequency})`,
    };
  const dueOn = addDays(last, FREQUENCY_DAYS[frequency]);
  const late = daysBetween(dueOn, today);
  return {
    frequency,
    lastVisit: last,
    dueOn,
    overdue: late > 0,
    daysOverdue: Math.max(0, late),
    reason:
      late > 0
        ? `${late} days past due: last visit ${last}, ${frequency} = every ${FREQUENCY_DAYS[frequency]} days`
        : `due ${dueOn}`,
  };
}

/** Outcome chips of an activity (docs/formats/activities.md). */
export const ACTIVITY_OUTCOMES = ['positive', 'neutral', 'follow_up', 'concern', 'no_access'] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];
