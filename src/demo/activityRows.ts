/** Turns planned liaison activities into activities/tasks/spend rows (times of day, follow-ups, Stark spend). */
import type { ServiceLineKey } from '../core/serviceLines';
import type { CrmRows } from './activities';
import type { Contact, User } from './crm';
import { isoDate, type Loc, type Org, type Params } from './model';
import { rngFor } from './prng';
import type { ProviderTable } from './providers';
import { TASKS } from './templates';

export interface Act {
  day: number;
  owner: number;
  type: string;
  providers: number[];
  org: number;
  loc: number;
  lines: ServiceLineKey[];
  outcome: string;
  notes: string;
  fixed?: number;
  dur: number;
}

export function emitActivityRows(
  p: Params,
  t: ProviderTable,
  orgs: Org[],
  locs: Loc[],
  liaisons: User[],
  contactsOf: Map<number, Contact[]>,
  lname: (i: number) => string,
  endDay: number,
  acts: Act[],
): CrmRows {
  // Times of day: fixed slots, others sequential from 08:30 with travel between.
  const clock = new Map<string, number>();
  const out: CrmRows = { activities: [], tasks: [], issues: [], spend: [], goals: [], visitTypes: new Map() };
  const ext = (k: number) => `ACT-${String(k + 1).padStart(6, '0')}`;
  acts.forEach((a, k) => {
    const key = `${a.owner}:${a.day}`;
    let start = a.fixed ?? clock.get(key) ?? 8 * 60 + 30;
    if (!a.fixed && start >= 11 * 60 + 45 && start < 13 * 60) start = 13 * 60 + 15;
    if (!a.fixed) clock.set(key, start + a.dur + 15 + rngFor(p.seed, 'travel', k).int(20));
    // a crowded day spills calls and e-mails into the early evening, never past the day's end
    if (start > 18 * 60) start = 18 * 60 + (k % 90);
    const hh = String(Math.floor(start / 60)).padStart(2, '0');
    const mm = String(start % 60).padStart(2, '0');
    const owner = liaisons[a.owner]!.email;
    const cs =
      a.org >= 0
        ? (contactsOf.get(a.org) ?? [])
            .slice(0, a.type === 'call' || a.type === 'email' ? 1 : 2)
            .map((c) => c.name)
        : [];
    out.activities.push([
      ext(k),
      a.type,
      `${isoDate(a.day)}T${hh}:${mm}:00`,
      a.dur,
      owner,
      a.providers.map((i) => t.npi[i]).join(';'),
      cs.join(';'),
      a.org >= 0 ? orgs[a.org]!.npi : '',
      a.loc >= 0 ? locs[a.loc]!.id : '',
      a.lines.join(';'),
      a.outcome,
      a.notes,
    ]);
    for (const i of a.providers) out.visitTypes.set(`${i}:${a.day}`, a.type);
    const rng = rngFor(p.seed, 'followup', k);
    if ((a.outcome === 'follow_up' || a.outcome === 'concern' || rng.chance(0.2)) && a.type !== 'email') {
      const due = a.day + rng.intBetween(3, 14);
      // Due in the last ten days: still to do. Older ones were mostly done; the chance one was left
      // open falls with age (a year-old open follow-up is a rare forgotten one, not one in seven).
      const age = endDay - due;
      const status =
        age <= 10
          ? rng.pick(['open', 'in_progress'])
          : rng.chance(age <= 45 ? 0.2 : 0.03)
            ? 'open'
            : rng.pick(['done', 'done', 'done', 'done', 'done', 'cancelled']);
      const title = rng
        .pick(TASKS)
        .replace('{svc}', a.lines[0]!.replace('_', ' '))
        .replace('{dr}', `Dr. ${lname(a.providers[0]!)}`);
      out.tasks.push([
        `TSK-${String(out.tasks.length + 1).padStart(5, '0')}`,
        title,
        owner,
        isoDate(due),
        status,
        t.npi[a.providers[0]!]!,
        a.org >= 0 ? orgs[a.org]!.npi : '',
        ext(k),
      ]);
    }
    if (a.type === 'lunch_and_learn' || a.type === 'event') {
      for (const i of a.providers)
        out.spend.push([
          t.npi[i]!,
          isoDate(a.day),
          a.type === 'event' ? 'event' : 'meal',
          (a.type === 'event' ? rng.range(60, 110) : rng.range(12, 25)).toFixed(2),
          a.type === 'event'
            ? 'CME dinner program'
            : `Lunch-and-learn meal (${a.lines[0]!.replace('_', ' ')})`,
          owner,
        ]);
    } else if (a.outcome === 'positive' && rng.chance(0.03)) {
      out.spend.push([
        t.npi[a.providers[0]!]!,
        isoDate(a.day),
        rng.pick(['gift', 'education']),
        rng.range(15, 50).toFixed(2),
        rng.pick([
          'Holiday treats for front office',
          'Service-line reference book',
          'CME course registration',
        ]),
        owner,
      ]);
    }
  });
  return out;
}
