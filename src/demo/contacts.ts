/** Practice contacts (office managers, referral coordinators, schedulers, administrators). */
import type { Contact } from './crm';
import type { Loc, Org, Params } from './model';
import { personName } from './names';
import { rngFor } from './prng';

const ROLES = ['office_manager', 'referral_coordinator', 'scheduler', 'practice_administrator'];
const CONTACT_NOTES = [
  'Best reached before 9am',
  'Handles all outgoing referrals',
  'Prefers email for scheduling questions',
  'Out Fridays',
  'Gatekeeper for lunch-and-learns',
  'Very responsive',
  'Call the back line, not the main number',
  '',
  '',
  '',
];

export function buildContacts(p: Params, orgs: Org[], locs: Loc[], orgIds: Iterable<number>): Contact[] {
  const out: Contact[] = [];
  for (const oi of [...new Set(orgIds)].sort((a, b) => a - b)) {
    const o = orgs[oi]!;
    if (o.type === 'health_system') continue;
    const rng = rngFor(p.seed, 'contacts', oi);
    const roles = rng.shuffle(ROLES.slice()).slice(0, rng.intBetween(1, 3));
    const slug = o.name
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
      .slice(0, 18);
    const used = new Set<string>();
    for (const role of roles) {
      let n = personName(rng, 0.05);
      // one person per name at an organization (the importer keys contacts by organization + name)
      while (used.has(`${n.first} ${n.last}`)) n = personName(rng, 0.05);
      used.add(`${n.first} ${n.last}`);
      out.push({
        org: oi,
        name: `${n.first} ${n.last}`,
        role,
        phone: locs[o.locations[0]!]!.phone,
        email: `${`${n.first[0]}${n.last}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}@${slug}.example`,
        preferred: rng.pick(['phone', 'email', 'email', 'text', 'in_person']),
        notes: rng.pick(CONTACT_NOTES),
      });
    }
  }
  return out;
}
