// Team dashboard queries: visits per liaison × week and by type, A-tier physicians overdue for a visit,
// open physician issues by age, and territory coverage by county. ownerIds null = everyone.
import { type Kysely, sql } from 'kysely';
import { casedComposedName } from '../../../core/directory/personName';
import { VISIT_TYPES } from '../../../core/goals/metrics';
import type { DB } from '../../schema';

const owners = (col: string, ids: number[] | null) =>
  ids ? (ids.length ? sql`${sql.ref(col)} in (${sql.join(ids)})` : sql`false`) : sql`true`;
const FREQ = sql`case pr.visit_frequency when 'weekly' then 7 when 'biweekly' then 14 when 'quarterly' then 92 else 31 end`;

export async function activityByWeek(db: Kysely<DB>, ownerIds: number[] | null, from: string, to: string) {
  const r = await sql<{ owner_id: number; owner: string; week: string; type: string; n: number }>`
    select a.owner_id, u.name as owner, to_char(date_trunc('week', a.occurred_at), 'YYYY-MM-DD') as week, a.type, count(*)::int as n
    from activities a join users u on u.id = a.owner_id
    where a.deleted_at is null and ${owners('a.owner_id', ownerIds)} and a.occurred_at >= ${from}::date and a.occurred_at < ${to}::date + 1
    group by 1, 2, 3, 4 order by 2, 3, 4`.execute(db);
  return r.rows;
}

export async function overdueATier(db: Kysely<DB>, ownerIds: number[] | null, asOf: string, limit = 200) {
  const r = await sql<{
    npi: string;
    name: string;
    owner: string | null;
    frequency: string | null;
    last_visit: string | null;
    days_since: number | null;
    allowed_days: number;
  }>`
    with last as (
      select aa.provider_npi as npi, max(a.occurred_at) as at from activities a join activity_attendees aa on aa.activity_id = a.id
      where a.deleted_at is null and a.type in (${sql.join([...VISIT_TYPES])}) and a.occurred_at < ${asOf}::date + 1 group by 1)
    select pr.provider_npi as npi, trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')) as name, u.name as owner,
      pr.visit_frequency as frequency, to_char(l.at, 'YYYY-MM-DD') as last_visit,
      (${asOf}::date - l.at::date)::int as days_since, ${FREQ} as allowed_days
    from provider_relationships pr left join providers p on p.npi = pr.provider_npi left join users u on u.id = pr.owner_id
    left join last l on l.npi = pr.provider_npi
    where pr.tier = 'A' and ${owners('pr.owner_id', ownerIds)} and (l.at is null or ${asOf}::date - l.at::date > ${FREQ})
    order by days_since desc nulls first limit ${limit}`.execute(db);
  return r.rows.map((row) => ({ ...row, name: casedComposedName(row.name) }));
}

/** Issues open on `asOf` (raised by then, not resolved by then): the panels' data date, so an issue raised
 * after it neither shows with a negative age nor drops out of the age buckets. */
export async function openIssuesByAge(db: Kysely<DB>, ownerIds: number[] | null, asOf: string) {
  const r = await sql<{
    id: number;
    title: string;
    category: string;
    status: string;
    owner: string | null;
    provider_npi: string | null;
    opened_on: string;
    age_days: number;
  }>`
    select i.id, i.title, i.category, i.status, u.name as owner, i.provider_npi, i.opened_on::text as opened_on, (${asOf}::date - i.opened_on)::int as age_days
    from physician_issues i left join users u on u.id = i.owner_id
    where i.deleted_at is null and i.opened_on <= ${asOf}::date
      and (i.status <> 'resolved' or i.resolved_on > ${asOf}::date) and ${owners('i.owner_id', ownerIds)}
    order by age_days desc limit 500`.execute(db);
  return r.rows;
}

/** Per county: physicians in a book (relationships) and how many were visited in the last `days` days. */
export async function coverageByCounty(db: Kysely<DB>, ownerIds: number[] | null, asOf: string, days = 90) {
  const r = await sql<{
    county_fips: string;
    county: string | null;
    physicians: number;
    visited: number;
    lat: number | null;
    lon: number | null;
  }>`
    with seen as (
      select distinct aa.provider_npi as npi from activities a join activity_attendees aa on aa.activity_id = a.id
      where a.deleted_at is null and a.type in (${sql.join([...VISIT_TYPES])}) and a.occurred_at >= ${asOf}::date - ${days}::int and a.occurred_at < ${asOf}::date + 1)
    select p.county_fips, max(p.county_name) as county, count(*)::int as physicians, count(s.npi)::int as visited, avg(p.lat) as lat, avg(p.lon) as lon
    from provider_relationships pr join providers p on p.npi = pr.provider_npi left join seen s on s.npi = pr.provider_npi
    where ${owners('pr.owner_id', ownerIds)} and p.county_fips is not null
    group by 1 order by 3 desc`.execute(db);
  return r.rows;
}

export async function liaisonsOf(db: Kysely<DB>, ownerIds: number[] | null) {
  let q = db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('role', '=', 'liaison')
    .where('disabled', '=', false);
  if (ownerIds) q = q.where('id', 'in', ownerIds.length ? ownerIds : [-1]);
  return q.orderBy('name').execute();
}
