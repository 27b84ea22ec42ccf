/** Liaison activity log (12 months), follow-up tasks, physician issues, spend and goals. */
import { SERVICE_LINES, type ServiceLineKey } from '../core/serviceLines';
import { type Act, emitActivityRows } from './activityRows';
import { type Book, type Contact, type User, weekday } from './crm';
import type { DemoEvent } from './events';
import { buildGoals, buildIssues } from './issuesGoals';
import { type Loc, monthStartDay, type Org, type Params } from './model';
import { personName, SYSTEMS } from './names';
import { type Rng, rngFor } from './prng';
import type { ProviderTable } from './providers';
import { SPECIALTIES } from './specialties';
import { NOTE, TOPICS } from './templates';

export type Row = (string | number)[];

const DEST_LINES = SERVICE_LINES.filter((s) => s.referralDestination && s.key !== 'pediatrics').map(
  (s) => s.key,
);
const FREQ_DAYS = { weekly: 7, biweekly: 14, monthly: 30, quarterly: 91 } as const;

export interface CrmRows {
  activities: Row[];
  tasks: Row[];
  issues: Row[];
  spend: Row[];
  goals: Row[];
  visitTypes: Map<string, string>;
}

export function buildActivities(
  p: Params,
  t: ProviderTable,
  orgs: Org[],
  locs: Loc[],
  users: User[],
  book: Book,
  contacts: Contact[],
  events: DemoEvent[],
  eventOf: Int32Array,
  windowStart: number,
  endDay: number,
): CrmRows {
  // routine visits, lunches, events, tasks and issues run to the CRM's last day; goals are set on
  // the referral data's quarters plus the CRM quarter in progress (buildGoals)
  const crmEnd = p.crmEndDay;
  const liaisons = users.filter((u) => u.role === 'liaison');
  const lname = (i: number) => personName(rngFor(p.seed, 'pname', i)).last;
  const contactsOf = new Map<number, Contact[]>();
  for (const c of contacts) (contactsOf.get(c.org) ?? contactsOf.set(c.org, []).get(c.org)!).push(c);
  const acts: Act[] = [];
  const linesOf = (i: number): ServiceLineKey[] => {
    const out = Object.keys(SPECIALTIES[t.spec[i]!]!.out).filter((l) =>
      DEST_LINES.includes(l as ServiceLineKey),
    ) as ServiceLineKey[];
    return out.length ? out : ['primary_care'];
  };
  const compName = (rng: Rng) => SYSTEMS[1 + rng.int(2)]!.short;
  const note = (rng: Rng, kind: keyof typeof NOTE, i: number, line: ServiceLineKey, org: number) => {
    const c = contactsOf.get(org);
    return rng
      .pick(NOTE[kind])
      .replace(/\{dr\}/g, `Dr. ${lname(i)}`)
      .replace(/\{svc\}/g, SERVICE_LINES.find((s) => s.key === line)!.label.toLowerCase())
      .replace(/\{contact\}/g, c?.length ? rng.pick(c).name : 'the office manager')
      .replace(/\{comp\}/g, compName(rng))
      .replace(/\{weeks\}/g, String(rng.intBetween(3, 8)))
      .replace(/\{topic\}/g, rng.pick(TOPICS))
      .replace(/\{n\}/g, String(rng.intBetween(3, 9)));
  };
  const visit = (rng: Rng, i: number, owner: number, day: number, type: string, kind: keyof typeof NOTE) => {
    const line = rng.pick(linesOf(i));
    const org = t.org[i]!;
    const ev = eventOf[i]! >= 0 ? events[eventOf[i]!] : undefined;
    const drifting = ev?.type === 'drift_away' && day >= monthStartDay(p, ev.start) && rng.chance(0.5);
    acts.push({
      day,
      owner,
      type,
      providers: [i],
      org,
      loc: t.loc[i]!,
      lines: [line],
      dur:
        type === 'drop_in'
          ? rng.intBetween(5, 15)
          : type === 'in_person_visit'
            ? rng.intBetween(20, 45)
            : rng.intBetween(5, 25),
      outcome: drifting ? 'concern' : rng.pick(['positive', 'positive', 'neutral', 'follow_up', 'no_access']),
      notes: note(rng, drifting ? 'drift' : kind, i, line, org),
    });
  };
  // Routine relationship visits (no effect on referrals: steady state), and calls/emails.
  for (const r of book.relationships) {
    const rng = rngFor(p.seed, 'routine', r.provider);
    const gap = FREQ_DAYS[r.frequency];
    if (r.tags.includes('growth-target')) continue;
    for (
      let d = windowStart + rng.int(gap);
      d <= crmEnd;
      d += Math.max(3, gap + rng.intBetween(-2, 2) * Math.ceil(gap / 7))
    ) {
      if (rng.chance(0.15)) continue; // missed → some relationships run overdue
      const day = weekday(d);
      if (day > crmEnd) break;
      const x = rng.next();
      visit(
        rng,
        r.provider,
        r.owner,
        day,
        x < 0.62
          ? 'in_person_visit'
          : x < 0.85
            ? 'drop_in'
            : x < 0.93
              ? 'call'
              : x < 0.97
                ? 'email'
                : 'virtual',
        x < 0.85 ? 'routine' : 'remote',
      );
    }
  }
  for (const c of book.campaigns) {
    const rng = rngFor(p.seed, 'campvisit', c.provider);
    c.visits.forEach((day, k) => {
      const type = k === 0 || rng.chance(0.7) ? 'in_person_visit' : 'drop_in';
      visit(rng, c.provider, c.owner, day, type, k === 0 ? 'intro' : 'routine');
    });
  }
  // Lunch-and-learns at A/B offices, quarterly events.
  liaisons.forEach((_, o) => {
    const rng = rngFor(p.seed, 'lunch', o);
    const offices = [
      ...new Set(
        book.relationships
          .filter((r) => r.owner === o && r.tier !== 'C' && t.loc[r.provider]! >= 0)
          .map((r) => t.loc[r.provider]!),
      ),
    ].sort((a, b) => a - b);
    if (!offices.length) return;
    const atLoc = new Map<number, number[]>();
    const officeSet = new Set(offices);
    for (let i = 0; i < t.n; i++)
      if (officeSet.has(t.loc[i]!) && t.life[i] !== 1)
        (atLoc.get(t.loc[i]!) ?? atLoc.set(t.loc[i]!, []).get(t.loc[i]!)!).push(i);
    for (let d = windowStart + rng.int(10); d <= crmEnd; d += rng.intBetween(10, 20)) {
      // a weekend moves to the Monday, which may be past the CRM's last day
      if (weekday(d) > crmEnd) break;
      const loc = rng.pick(offices);
      const provs = (atLoc.get(loc) ?? []).slice(0, 8);
      if (!provs.length) continue;
      const line = rng.pick(linesOf(provs[0]!));
      acts.push({
        day: weekday(d),
        owner: o,
        type: 'lunch_and_learn',
        providers: provs,
        org: locs[loc]!.org,
        loc,
        lines: [line],
        fixed: 12 * 60,
        dur: 60,
        outcome: 'positive',
        notes: note(rng, 'lunch', provs[0]!, line, locs[loc]!.org),
      });
    }
    for (let d = windowStart + 40 + rng.int(30); d <= crmEnd; d += rng.intBetween(80, 100)) {
      if (weekday(d) > crmEnd) break;
      const provs = book.relationships
        .filter((r) => r.owner === o && rng.chance(0.15))
        .map((r) => r.provider)
        .slice(0, 12);
      if (!provs.length) continue;
      const line = rng.pick(DEST_LINES);
      acts.push({
        day: weekday(d),
        owner: o,
        type: 'event',
        providers: provs,
        org: -1,
        loc: -1,
        lines: [line],
        fixed: 17 * 60 + 30,
        dur: 120,
        outcome: 'positive',
        notes: note(rng, 'event', provs[0]!, line, -1),
      });
    }
  });
  acts.sort(
    (a, b) =>
      a.day - b.day ||
      a.owner - b.owner ||
      (a.fixed ?? 0) - (b.fixed ?? 0) ||
      a.providers[0]! - b.providers[0]!,
  );
  const out = emitActivityRows(p, t, orgs, locs, liaisons, contactsOf, lname, crmEnd, acts);
  out.issues = buildIssues(p, t, orgs, book, events, windowStart, crmEnd, liaisons);
  out.goals = buildGoals(p, liaisons, users, windowStart, endDay);
  return out;
}
