// A liaison's day: the saved route plan, tasks due, book physicians overdue for a visit, new alerts in
// "New to the market": arrived in an NPPES refresh (arrived_at) or, for the first load, enumerated recently.
// their territory and physicians new to the market there.
import { type Kysely, sql } from 'kysely';
import { casedName } from '../../../core/capitals';
import { casedComposedName } from '../../../core/directory/personName';
import type { DB } from '../../schema';

export async function routeForDay(db: Kysely<DB>, userId: number, date: string) {
  return db
    .selectFrom('route_plans')
    .select(['id', 'plan_date', 'status', 'result', 'stops', 'feasible', 'travel_source', 'updated_at'])
    .where('liaison_id', '=', userId)
    .where('plan_date', '=', date)
    .where('status', '!=', 'archived')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function dueFollowUps(db: Kysely<DB>, userId: number, date: string, limit = 50) {
  const r = await sql<{
    id: number;
    title: string;
    due_on: string;
    provider_npi: string | null;
    provider: string | null;
    overdue_days: number;
  }>`
    select t.id, t.title, t.due_on::text as due_on, t.provider_npi,
      nullif(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), '') as provider, (${date}::date - t.due_on)::int as overdue_days
    from tasks t left join providers p on p.npi = t.provider_npi
    where t.deleted_at is null and t.owner_id = ${userId} and t.status in ('open', 'in_progress') and t.due_on <= ${date}::date
    order by t.due_on limit ${limit}`.execute(db);
  return r.rows.map((row) => ({ ...row, provider: casedComposedName(row.provider) }));
}

export async function newToMarketInTerritory(
  db: Kysely<DB>,
  userId: number,
  date: string,
  days = 120,
  limit = 25,
) {
  const r = await sql<{
    npi: string;
    name: string;
    taxonomy: string | null;
    city: string | null;
    county: string | null;
    arrived_at: string;
    reason: string | null;
  }>`
    select p.npi, trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')) as name,
      coalesce(tx.display_name, p.primary_taxonomy) as taxonomy, p.practice_city as city, p.county_name as county, to_char(coalesce(p.arrived_at, p.enumeration_date), 'YYYY-MM-DD') as arrived_at, coalesce(p.arrival_reason, 'enumerated') as reason
    from providers p left join taxonomies tx on tx.code = p.primary_taxonomy
    where coalesce(p.arrived_at, p.enumeration_date) >= ${date}::date - ${days}::int and p.status = 'active'
      and exists (select 1 from territories t join territory_assignments ta on ta.territory_id = t.id and ta.user_id = ${userId}
        where t.deleted_at is null and (p.county_fips = any(t.counties) or p.practice_zip5 = any(t.zips)))
    order by coalesce(p.arrived_at, p.enumeration_date) desc, p.npi limit ${limit}`.execute(db);
  return r.rows.map((row) => ({
    ...row,
    name: casedComposedName(row.name),
    city: row.city && casedName(row.city),
  }));
}
