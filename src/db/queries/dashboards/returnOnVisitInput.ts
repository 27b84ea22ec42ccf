// Reads what the return-on-visit estimator needs: every referring physician's monthly referrals to our
// network and in total (offered service lines, monthly rollup), their specialty and county, and every
// visit (in-person, drop-in, lunch-and-learn) with the groups it counts for — its liaison, its activity
// type, each campaign (target list) and relationship tag of the physician.
import { type Kysely, sql } from 'kysely';
import { VISIT_TYPES } from '../../../core/goals/metrics';
import { formatMonth, parseMonth } from '../../../core/referrals/months';
import type { RovPhysician, RovVisit } from '../../../core/returnOnVisit/types';
import type { DB } from '../../schema';
import { offeredServiceLines, ourNetworkOrgIds } from '../referrals/network';

export interface RovInput {
  physicians: RovPhysician[];
  visits: RovVisit[];
  firstDataMonth: number;
  lastDataMonth: number;
  coverageStartMonth: number;
  dataDate: string | null; // last referral month, YYYY-MM
  activityFrom: string | null;
}

export async function loadRovInput(db: Kysely<DB>): Promise<RovInput | null> {
  const ours = await ourNetworkOrgIds(db);
  const lines = [...(await offeredServiceLines(db))];
  if (!lines.length) return null;
  const oursSql = ours.length ? sql`dest_org_id in (${sql.join(ours)})` : sql`false`;
  const series = await sql<{ npi: string; month: string; to_us: number; total: number }>`
    select referring_npi as npi, to_char(month, 'YYYY-MM') as month,
      coalesce(sum(count) filter (where ${oursSql}), 0)::int as to_us, sum(count)::int as total
    from referral_monthly where service_line in (${sql.join(lines)})
    group by 1, 2`.execute(db);
  if (!series.rows.length) return null;
  const attrs = await sql<{ npi: string; specialty: string | null; county: string | null }>`
    select p.npi, p.primary_taxonomy as specialty, p.county_fips as county from providers p
    where p.npi in (select distinct referring_npi from referral_monthly)`.execute(db);
  const attrOf = new Map(attrs.rows.map((r) => [r.npi, r]));
  const byNpi = new Map<string, RovPhysician>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const r of series.rows) {
    let p = byNpi.get(r.npi);
    if (!p) {
      const a = attrOf.get(r.npi);
      p = {
        npi: r.npi,
        specialty: a?.specialty ?? 'unknown',
        county: a?.county ?? 'unknown',
        toUs: new Map(),
        total: new Map(),
      };
      byNpi.set(r.npi, p);
    }
    const m = parseMonth(r.month);
    first = Math.min(first, m);
    last = Math.max(last, m);
    p.toUs.set(m, Number(r.to_us));
    p.total.set(m, Number(r.total));
  }
  const visitRows = await sql<{
    npi: string;
    date: string;
    owner_id: number | null;
    type: string;
    tags: string[] | null;
    lists: string[] | null;
  }>`
    select aa.provider_npi as npi, to_char(a.occurred_at, 'YYYY-MM-DD') as date, a.owner_id, a.type,
      pr.tags, (select array_agg(m.list_id::text) from target_list_members m where m.npi = aa.provider_npi) as lists
    from activities a
    join activity_attendees aa on aa.activity_id = a.id and aa.provider_npi is not null
    left join provider_relationships pr on pr.provider_npi = aa.provider_npi
    where a.deleted_at is null and a.type in (${sql.join([...VISIT_TYPES])})`.execute(db);
  const visits: RovVisit[] = visitRows.rows.map((v) => ({
    npi: v.npi,
    date: v.date,
    groups: [
      'all',
      `liaison:${v.owner_id ?? 'none'}`,
      `type:${v.type}`,
      ...(v.lists ?? []).map((l) => `campaign:${l}`),
      ...(v.tags ?? []).map((t) => `tag:${t}`),
    ],
  }));
  const cov = await sql<{ first: string | null }>`
    select to_char(min(occurred_at), 'YYYY-MM-DD') as first from activities where deleted_at is null`.execute(
    db,
  );
  const activityFrom = cov.rows[0]?.first ?? null;
  // The first month counts only if the log starts on its first day; otherwise the next month.
  const coverageStartMonth = activityFrom
    ? parseMonth(activityFrom.slice(0, 7)) + (activityFrom.endsWith('-01') ? 0 : 1)
    : Number.POSITIVE_INFINITY;
  return {
    physicians: [...byNpi.values()],
    visits,
    firstDataMonth: first,
    lastDataMonth: last,
    coverageStartMonth,
    dataDate: formatMonth(last),
    activityFrom,
  };
}
