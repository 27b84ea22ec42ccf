// Executive view: monthly share to our network and leakage to competitors per service line, and
// physicians new to the market. (Risers/fallers and leakage value reuse queries/referrals/market.)
import { type Kysely, sql } from 'kysely';
import { casedName } from '../../../core/capitals';
import { casedComposedName } from '../../../core/directory/personName';
import type { DB } from '../../schema';
import { INTERNAL_SOURCES, offeredServiceLines, orgNetworkCte } from '../referrals/network';

export async function shareTrend(db: Kysely<DB>, months: number) {
  const lines = [...(await offeredServiceLines(db))];
  if (!lines.length) return [];
  const r = await sql<{
    month: string;
    service_line: string;
    total: number;
    ours: number;
    competitor: number;
  }>`
    with recursive ${orgNetworkCte}, last as (select max(month) as m from referral_monthly)
    select to_char(m.month, 'YYYY-MM') as month, m.service_line, sum(m.count)::int as total,
      coalesce(sum(m.count) filter (where n.network in ('ours','affiliated')), 0)::int as ours,
      coalesce(sum(m.count) filter (where n.network = 'competitor'), 0)::int as competitor
    from referral_monthly m left join org_net n on n.org_id = m.dest_org_id, last
    where m.service_line in (${sql.join(lines)}) and m.source in (${sql.join([...INTERNAL_SOURCES])})
      and m.month > (last.m - make_interval(months => ${months}))::date
    group by 1, 2 order by 1, 2`.execute(db);
  return r.rows;
}

export async function newPhysiciansByMonth(db: Kysely<DB>, months: number) {
  const r = await sql<{ month: string; reason: string | null; county: string | null; n: number }>`
    select to_char(coalesce(arrived_at, enumeration_date), 'YYYY-MM') as month, coalesce(arrival_reason, 'enumerated') as reason, county_name as county, count(*)::int as n
    from providers where coalesce(arrived_at, enumeration_date) >= (date_trunc('month', now()) - make_interval(months => ${months}))
    group by 1, 2, 3 order by 1, 2, 3`.execute(db);
  return r.rows;
}

export async function newPhysiciansList(db: Kysely<DB>, days: number, limit = 100) {
  const r = await sql<{
    npi: string;
    name: string;
    taxonomy: string | null;
    city: string | null;
    county: string | null;
    arrived_at: string;
    reason: string | null;
  }>`
    select npi, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) as name,
      coalesce((select display_name from taxonomies where code = primary_taxonomy), primary_taxonomy) as taxonomy, practice_city as city, county_name as county, to_char(coalesce(arrived_at, enumeration_date), 'YYYY-MM-DD') as arrived_at, coalesce(arrival_reason, 'enumerated') as reason
    from providers where coalesce(arrived_at, enumeration_date) >= now() - make_interval(days => ${days}) and status = 'active'
    order by coalesce(arrived_at, enumeration_date) desc, npi limit ${limit}`.execute(db);
  return r.rows.map((row) => ({
    ...row,
    name: casedComposedName(row.name),
    city: row.city && casedName(row.city),
  }));
}
