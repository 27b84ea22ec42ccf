/** Physician-issue log and goals for the demo CRM. */
import type { Book, User } from './crm';
import { weekday } from './crm';
import type { DemoEvent } from './events';
import { dayNumber, fromDayNumber, isoDate, monthStartDay, type Org, type Params } from './model';
import { rngFor } from './prng';
import type { ProviderTable } from './providers';
import { ISSUE } from './templates';

type Row = (string | number)[];

export function buildIssues(
  p: Params,
  t: ProviderTable,
  orgs: Org[],
  book: Book,
  events: DemoEvent[],
  windowStart: number,
  endDay: number,
  liaisons: User[],
): Row[] {
  const rows: Row[] = [];
  const rng = rngFor(p.seed, 'issues');
  const owned = book.relationships;
  const add = (i: number, owner: number, day: number, cat: keyof typeof ISSUE) => {
    const [title0, desc, resolution] = rng.pick<readonly string[]>(ISSUE[cat]) as readonly [
      string,
      string,
      string,
    ];
    const title = title0.replace(
      '{svc}',
      rng.pick(['cardiology', 'orthopedic', 'GI', 'imaging', 'neurology', 'urology']),
    );
    // Most issues are fixed within three weeks, some take up to ten, a few stall; one is resolved only
    // once its time has passed by the last CRM day, so recent ones are still open.
    const age = endDay - day;
    const takes = rng.chance(0.06)
      ? Number.POSITIVE_INFINITY
      : rng.chance(0.7)
        ? rng.intBetween(2, 21)
        : rng.intBetween(22, 70);
    const status = takes <= age ? 'resolved' : age > 70 || rng.chance(0.5) ? 'in_progress' : 'open';
    const resolved = status === 'resolved' ? day + takes : -1;
    const o = t.org[i]!;
    rows.push([
      `ISS-${String(rows.length + 1).padStart(5, '0')}`,
      t.npi[i]!,
      o >= 0 ? orgs[o]!.npi : '',
      cat,
      title,
      desc,
      liaisons[owner]!.email,
      status,
      isoDate(day),
      resolved >= 0 ? isoDate(resolved) : '',
      resolved >= 0 ? resolution : '',
    ]);
  };
  const cats = Object.keys(ISSUE) as (keyof typeof ISSUE)[];
  for (let d = windowStart + rng.int(5); d <= endDay && owned.length; d += rng.intBetween(2, 6)) {
    const r = rng.pick(owned);
    add(r.provider, r.owner, weekday(d) > endDay ? d : weekday(d), rng.pick(cats));
  }
  for (const ev of events) {
    const r = owned.find((x) => x.provider === ev.provider);
    const day = monthStartDay(p, ev.start) + 10;
    if (ev.type === 'drift_away' && r && day >= windowStart && day <= endDay && rng.chance(0.6))
      add(ev.provider, r.owner, day, rng.pick(['access', 'scheduling', 'communication']));
  }
  return rows
    .sort((a, b) => String(a[8]).localeCompare(String(b[8])))
    .map((row, k) => [`ISS-${String(k + 1).padStart(5, '0')}`, ...row.slice(1)]);
}

export function buildGoals(
  p: Params,
  liaisons: User[],
  users: User[],
  windowStart: number,
  endDay: number,
): Row[] {
  const rows: Row[] = [];
  const rng = rngFor(p.seed, 'goals');
  // Calendar quarters, as a team sets them: every one that lies wholly inside the referral data
  // (a quarter the window starts part-way through is left out) gets the full set of goals.
  let q = quarterStart(windowStart);
  if (q < windowStart) q = quarterEnd(q) + 1;
  for (; quarterEnd(q) <= endDay; q = quarterEnd(q) + 1) {
    const s = isoDate(q);
    const e = isoDate(quarterEnd(q));
    for (const l of liaisons) {
      rows.push(
        [l.email, 'visits', '', s, e, rng.intBetween(14, 18) * 10],
        [l.email, 'unique_providers', '', s, e, rng.intBetween(50, 70)],
        [l.email, 'a_tier_coverage', '', s, e, 0.9],
        [l.email, 'new_referrers', '', s, e, rng.intBetween(3, 8)],
        [
          l.email,
          'referral_volume',
          rng.pick(['cardiology', 'orthopedics', 'imaging', 'gastroenterology']),
          s,
          e,
          rng.intBetween(20, 60) * 10,
        ],
        [
          l.email,
          'referral_share',
          rng.pick(['cardiology', 'orthopedics', 'oncology']),
          s,
          e,
          rng.pick([0.4, 0.45, 0.5]),
        ],
        [l.email, 'issues_resolved', '', s, e, rng.intBetween(3, 6)],
      );
    }
  }
  // CRM activity past the referral data (the first start: up to yesterday): the quarter in
  // progress, with the goals the CRM measures — visits, physicians seen, A-tier coverage, issues
  // resolved — so Today and Goals show progress and pace. Its referral goals are left out: that
  // data arrives a month behind, and a pace read from it would be zero.
  if (p.crmEndDay > endDay) {
    const cq = quarterStart(p.crmEndDay);
    const s = isoDate(cq);
    const e = isoDate(quarterEnd(cq));
    for (const l of liaisons)
      rows.push(
        [l.email, 'visits', '', s, e, rng.intBetween(14, 18) * 10],
        [l.email, 'unique_providers', '', s, e, rng.intBetween(50, 70)],
        [l.email, 'a_tier_coverage', '', s, e, 0.9],
        [l.email, 'issues_resolved', '', s, e, rng.intBetween(3, 6)],
      );
  }
  const mgr = users.find((u) => u.role === 'manager')!.email;
  rows.push(
    [mgr, 'referral_share', '', isoDate(windowStart), isoDate(endDay), 0.42],
    [mgr, 'referral_volume', '', isoDate(windowStart), isoDate(endDay), 0],
  );
  return rows.filter((r) => r[5] !== 0);
}

/** First day of the calendar quarter holding day number `day`. */
function quarterStart(day: number): number {
  const { y, m } = fromDayNumber(day);
  return dayNumber(y, m - ((m - 1) % 3), 1);
}
/** Last day of the calendar quarter that starts on `qs`. */
function quarterEnd(qs: number): number {
  const { y, m } = fromDayNumber(qs);
  return dayNumber(y, m + 3, 1) - 1;
}
