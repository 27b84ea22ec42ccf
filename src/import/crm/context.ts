// Lookups an import resolves references with (users by e-mail, organizations by NPI or name,
// providers by NPI, contacts, activities and offices by their keys), loaded in bulk once per
// import so a 10,000-row file costs a handful of queries, not tens of thousands.
import type { Kysely } from 'kysely';
import type { Actor } from '../../commands/crm/errors';
import type { DB } from '../../db/schema';

export type ImportContext = {
  actor: Actor;
  timeZone: string;
  today: string;
  users: Map<string, number>;
  orgByNpi: Map<string, number>;
  orgByName: Map<string, number | 'ambiguous'>;
  orgNames: Map<number, string>;
  providers: Set<string>;
  contacts: Map<string, number>; // `${orgId}|${lower full name}` → id
  activities: Map<string, number>; // external_id → id
  locations: Map<string, number>; // external_id or id → id
};

export const contactKey = (orgId: number | null, name: string) =>
  `${orgId ?? ''}|${name.trim().toLowerCase()}`;

export async function loadContext(
  db: Kysely<DB>,
  actor: Actor,
  npis: Set<string>,
  opts: { timeZone: string; today?: string },
): Promise<ImportContext> {
  const users = new Map(
    (await db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [
      u.email.toLowerCase(),
      u.id,
    ]),
  );
  const orgs = await db
    .selectFrom('organizations')
    .select(['id', 'npi', 'name'])
    .where('deleted_at', 'is', null)
    .execute();
  const orgByNpi = new Map<string, number>();
  const orgByName = new Map<string, number | 'ambiguous'>();
  const orgNames = new Map<number, string>();
  for (const o of orgs) {
    if (o.npi) orgByNpi.set(o.npi, o.id);
    const k = o.name.trim().toLowerCase();
    orgByName.set(k, orgByName.has(k) ? 'ambiguous' : o.id);
    orgNames.set(o.id, o.name);
  }
  const providers = new Set<string>();
  const list = [...npis];
  for (let i = 0; i < list.length; i += 5000) {
    const chunk = list.slice(i, i + 5000);
    for (const p of await db.selectFrom('providers').select('npi').where('npi', 'in', chunk).execute())
      providers.add(p.npi);
  }
  const contacts = new Map<string, number>();
  for (const c of await db
    .selectFrom('contacts')
    .select(['id', 'organization_id', 'first_name', 'last_name'])
    .where('deleted_at', 'is', null)
    .execute())
    contacts.set(contactKey(c.organization_id, `${c.first_name} ${c.last_name}`), c.id);
  const activities = new Map<string, number>();
  for (const a of await db
    .selectFrom('activities')
    .select(['id', 'external_id'])
    .where('external_id', 'is not', null)
    .execute())
    activities.set(a.external_id!, a.id);
  const locations = new Map<string, number>();
  for (const l of await db
    .selectFrom('locations')
    .select(['id', 'external_id'])
    .where('deleted_at', 'is', null)
    .execute()) {
    locations.set(String(l.id), l.id);
    if (l.external_id) locations.set(l.external_id, l.id);
  }
  return {
    actor,
    timeZone: opts.timeZone,
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    users,
    orgByNpi,
    orgByName,
    orgNames,
    providers,
    contacts,
    activities,
    locations,
  };
}
