// Reading activities with their attendees (provider names from the directory, contact names).
import { type Kysely, sql } from 'kysely';
import { casedComposedName } from '../../../core/directory/personName';
import type { DB } from '../../schema';
import { personNameSql } from '../personNameSql';

export type Attendee = { npi: string | null; contactId: number | null; name: string };

export const activityColumns = [
  'a.id',
  'a.type',
  'a.occurred_at',
  'a.duration_minutes',
  'a.organization_id',
  'a.location_id',
  'a.subject',
  'a.topics',
  'a.outcome',
  'a.notes',
  'a.owner_id',
  'a.client_id',
  'a.external_id',
  'a.version',
  'a.created_by',
  'a.created_at',
  'a.updated_at',
  'a.deleted_at',
] as const;

// A provider attendee's directory name, else the contact's name, else the NPI.
/** An attendee's display name (aliases: t attendee, p provider, c contact); also used by insertActivity. */
export const attendeeName = sql`coalesce(${personNameSql('p')},
  trim(concat_ws(' ', c.first_name, c.last_name)), t.provider_npi)`;

/** Attendees as composed by attendeeName, their names re-cased for display (core/directory/personName). */
export const casedAttendees = (list: Attendee[]) =>
  list.map((a) => ({ ...a, name: casedComposedName(a.name) }));

export async function attendeesOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, Attendee[]>> {
  const out = new Map<number, Attendee[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('activity_attendees as t')
    .leftJoin('providers as p', 'p.npi', 't.provider_npi')
    .leftJoin('contacts as c', 'c.id', 't.contact_id')
    .select(['t.activity_id', 't.provider_npi', 't.contact_id', sql<string>`${attendeeName}`.as('name')])
    .where('t.activity_id', 'in', ids)
    .orderBy('t.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.activity_id) ?? [];
    list.push({ npi: r.provider_npi, contactId: r.contact_id, name: casedComposedName(r.name) });
    out.set(r.activity_id, list);
  }
  return out;
}

export type ActivityFilter = {
  ownerIds?: number[] | null;
  providerNpi?: string;
  organizationId?: number;
  contactId?: number;
  types?: string[];
  from?: string;
  to?: string;
  q?: string;
  deleted?: boolean;
  limit?: number;
  offset?: number;
};

export async function listActivities(db: Kysely<DB>, f: ActivityFilter) {
  let q = db
    .selectFrom('activities as a')
    .leftJoin('users as u', 'u.id', 'a.owner_id')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([...activityColumns, 'u.name as owner_name', 'o.name as organization_name'])
    .where('a.deleted_at', f.deleted ? 'is not' : 'is', null);
  if (f.ownerIds) q = q.where('a.owner_id', 'in', f.ownerIds.length ? f.ownerIds : [-1]);
  if (f.providerNpi)
    q = q.where('a.id', 'in', (eb) =>
      eb.selectFrom('activity_attendees').select('activity_id').where('provider_npi', '=', f.providerNpi!),
    );
  if (f.contactId)
    q = q.where('a.id', 'in', (eb) =>
      eb.selectFrom('activity_attendees').select('activity_id').where('contact_id', '=', f.contactId!),
    );
  if (f.organizationId) q = q.where('a.organization_id', '=', f.organizationId);
  if (f.types?.length) q = q.where('a.type', 'in', f.types);
  if (f.from) q = q.where('a.occurred_at', '>=', new Date(f.from));
  if (f.to) q = q.where('a.occurred_at', '<', new Date(f.to));
  if (f.q) q = q.where(sql<boolean>`a.search @@ websearch_to_tsquery('english', ${f.q})`);
  const rows = await q
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
    .execute();
  const att = await attendeesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, attendees: att.get(r.id) ?? [] }));
}

/** One activity with its attendees and open follow-up tasks, in one statement (every write
 * answers with it, so it is on the write path). */
export async function loadActivity(db: Kysely<DB>, id: number) {
  const r = await db
    .selectFrom('activities as a')
    .leftJoin('users as u', 'u.id', 'a.owner_id')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([
      ...activityColumns,
      'u.name as owner_name',
      'o.name as organization_name',
      sql<Attendee[]>`coalesce((
        select json_agg(json_build_object('npi', t.provider_npi, 'contactId', t.contact_id, 'name', ${attendeeName})
          order by t.id)
        from activity_attendees t
        left join providers p on p.npi = t.provider_npi
        left join contacts c on c.id = t.contact_id
        where t.activity_id = a.id), '[]'::json)`.as('attendees'),
      sql<Task[]>`coalesce((
        select json_agg(json_build_object('id', k.id, 'title', k.title, 'due_on', k.due_on, 'status', k.status,
          'owner_id', k.owner_id, 'version', k.version) order by k.id)
        from tasks k where k.activity_id = a.id and k.deleted_at is null), '[]'::json)`.as('tasks'),
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  return r && { ...r, attendees: casedAttendees(r.attendees) };
}

export type ActivityView = NonNullable<Awaited<ReturnType<typeof loadActivity>>>;

type Task = {
  id: number;
  title: string;
  due_on: string | null;
  status: string;
  owner_id: number | null;
  version: number;
};

/** The date of each provider's last in-person contact (for overdue detection). */
export async function lastVisits(db: Kysely<DB>, npis: string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (!npis.length) return out;
  const rows = await db
    .selectFrom('activity_attendees as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .select(['t.provider_npi', (eb) => eb.fn.max('a.occurred_at').as('last')])
    .where('t.provider_npi', 'in', npis)
    .where('a.deleted_at', 'is', null)
    .where('a.type', 'in', ['in_person_visit', 'drop_in', 'lunch_and_learn'])
    .groupBy('t.provider_npi')
    .execute();
  for (const r of rows) if (r.provider_npi && r.last) out.set(r.provider_npi, new Date(r.last as Date));
  return out;
}
