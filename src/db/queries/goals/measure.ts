// Measures one goal's metric over its period through the data date (definitions: core/goals/metrics).
// CRM metrics run through the last logged activity day; referral metrics through the last referral
// month (monthly rollup), so each value carries its own data date.
import { type Kysely, sql } from 'kysely';
import { type GoalMetric, VISIT_TYPES } from '../../../core/goals/metrics';
import type { DB } from '../../schema';
import { ourNetworkOrgIds } from '../referrals/network';
import { activityOwnerFilter, type GoalScope, scopeNpis } from './scope';

export interface GoalToMeasure extends GoalScope {
  metric: GoalMetric;
  serviceLine: string | null;
  periodStart: string;
  periodEnd: string;
  withinDays: number | null;
}

export interface Measurement {
  value: number;
  denominator?: number;
  asOf: string; // YYYY-MM-DD the value is measured through
  source: string;
}

export interface DataDates {
  activities: string | null; // last activity day
  referrals: string | null; // last day of the last referral month
  today: string;
}

export async function dataDates(
  db: Kysely<DB>,
  today = new Date().toISOString().slice(0, 10),
): Promise<DataDates> {
  const r = await sql<{ act: string | null; ref: string | null }>`
    select (select to_char(max(occurred_at), 'YYYY-MM-DD') from activities where deleted_at is null) as act,
      (select to_char((max(month) + interval '1 month' - interval '1 day')::date, 'YYYY-MM-DD') from referral_monthly) as ref`.execute(
    db,
  );
  return { activities: r.rows[0]?.act ?? null, referrals: r.rows[0]?.ref ?? null, today };
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const FREQUENCY_DAYS: Record<string, number> = { weekly: 7, biweekly: 14, monthly: 31, quarterly: 92 };

/** The metrics measured from the referral rollup (in whole months; see measureReferralGoal). */
export const REFERRAL_METRICS: ReadonlySet<GoalMetric> = new Set([
  'referral_volume',
  'referral_share',
  'new_referrers',
  'leakage_reduced',
]);

/** The day a goal is measured through: CRM metrics the last activity day, referral ones the last referral month. */
export function measuredThrough(
  g: Pick<GoalToMeasure, 'metric' | 'periodStart' | 'periodEnd'>,
  dates: DataDates,
) {
  if (!REFERRAL_METRICS.has(g.metric))
    return minDate(g.periodEnd, minDate(dates.today, dates.activities ?? dates.today));
  // Referral months count whole, but a goal viewed on a past day is measured as of that day, never later.
  return minDate(g.periodEnd, minDate(dates.today, dates.referrals ?? g.periodStart));
}

/** ours: our network's organization ids, when the caller measures many goals and looks them up once. */
export async function measureGoal(
  db: Kysely<DB>,
  g: GoalToMeasure,
  dates: DataDates,
  ours?: number[],
): Promise<Measurement> {
  const asOf = measuredThrough(g, dates);
  if (REFERRAL_METRICS.has(g.metric)) return { ...(await measureReferralGoal(db, g, asOf, ours)), asOf };
  const crmAsOf = asOf;
  const npis = scopeNpis(g);
  const inScope = (col: string) => (npis ? sql`${sql.ref(col)} in (${npis})` : sql`true`);
  const visitTypes = sql.join([...VISIT_TYPES]);
  const m: GoalMetric = g.metric;
  if (m === 'visits' || m === 'unique_providers') {
    const r = await sql<{ n: number }>`
      select ${m === 'visits' ? sql`count(distinct a.id)` : sql`count(distinct aa.provider_npi)`}::int as n
      from activities a ${m === 'unique_providers' ? sql`join activity_attendees aa on aa.activity_id = a.id and aa.provider_npi is not null` : sql``}
      where a.deleted_at is null and a.type in (${visitTypes}) and ${activityOwnerFilter(g)}
        and a.occurred_at >= ${g.periodStart}::date and a.occurred_at < ${crmAsOf}::date + 1`.execute(db);
    return { value: Number(r.rows[0]?.n ?? 0), asOf: crmAsOf, source: 'CRM activities' };
  }
  if (m === 'a_tier_coverage') {
    const owner = g.scope === 'liaison' ? sql`pr.owner_id = ${g.ownerId}` : inScope('pr.provider_npi');
    const r = await sql<{ frequency: string | null; last: string | null }>`
      select pr.visit_frequency as frequency,
        (select to_char(max(a.occurred_at), 'YYYY-MM-DD') from activities a join activity_attendees aa on aa.activity_id = a.id
          where aa.provider_npi = pr.provider_npi and a.deleted_at is null and a.type in (${visitTypes}) and a.occurred_at < ${crmAsOf}::date + 1) as last
      from provider_relationships pr where pr.tier = 'A' and ${owner}`.execute(db);
    const asOfDay = Date.parse(`${crmAsOf}T00:00:00Z`);
    const covered = r.rows.filter(
      (x) =>
        x.last &&
        (asOfDay - Date.parse(`${x.last}T00:00:00Z`)) / 86_400_000 <=
          (FREQUENCY_DAYS[x.frequency ?? 'monthly'] ?? 31),
    ).length;
    return {
      value: r.rows.length ? covered / r.rows.length : 0,
      denominator: r.rows.length,
      asOf: crmAsOf,
      source: 'CRM relationships + activities',
    };
  }
  if (m === 'issues_resolved') {
    const owner = g.scope === 'liaison' ? sql`owner_id = ${g.ownerId}` : inScope('provider_npi');
    const r = await sql<{ n: number }>`
      select count(*)::int as n from physician_issues
      where deleted_at is null and ${owner} and resolved_on between ${g.periodStart}::date and ${crmAsOf}::date
        and resolved_on - opened_on <= ${g.withinDays ?? 30}`.execute(db);
    return { value: Number(r.rows[0]?.n ?? 0), asOf: crmAsOf, source: 'CRM physician issues' };
  }
  throw new Error(`measureGoal: unknown metric ${m}`);
}

/**
 * A referral goal's value over whole months, from the month of its period start through the month of
 * `refAsOf`: only those two months matter (the stored measurements are keyed by them,
 * commands/goals/referralMeasures.ts).
 */
export async function measureReferralGoal(
  db: Kysely<DB>,
  g: GoalToMeasure,
  refAsOf: string,
  ours?: number[],
): Promise<Omit<Measurement, 'asOf'>> {
  const npis = scopeNpis(g);
  const inScope = (col: string) => (npis ? sql`${sql.ref(col)} in (${npis})` : sql`true`);
  const m: GoalMetric = g.metric;
  ours ??= await ourNetworkOrgIds(db);
  const toUs = ours.length ? sql`dest_org_id in (${sql.join(ours)})` : sql`false`;
  const line = g.serviceLine ? sql`service_line = ${g.serviceLine}` : sql`true`;
  const from = sql`date_trunc('month', ${g.periodStart}::date)::date`;
  const to = sql`date_trunc('month', ${refAsOf}::date)::date`;
  const source = 'Internal referrals (EHR/FHIR), monthly rollup';
  if (m === 'referral_volume' || m === 'referral_share') {
    const r = await sql<{ us: number; total: number }>`
      select coalesce(sum(count) filter (where ${toUs}), 0)::int as us, coalesce(sum(count), 0)::int as total
      from referral_monthly where month between ${from} and ${to} and ${line} and ${inScope('referring_npi')}`.execute(
      db,
    );
    const us = Number(r.rows[0]?.us ?? 0);
    const total = Number(r.rows[0]?.total ?? 0);
    if (m === 'referral_volume') return { value: us, source };
    return { value: total ? us / total : 0, denominator: total, source };
  }
  if (m === 'new_referrers') {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from (
        select referring_npi from referral_monthly where ${toUs} and ${line} and ${inScope('referring_npi')}
        group by referring_npi having min(month) between ${from} and ${to}) x`.execute(db);
    return { value: Number(r.rows[0]?.n ?? 0), source };
  }
  // leakage_reduced: competitor referrals in the same number of months just before the period minus in the period so far
  const r = await sql<{ before: number; during: number }>`
    with recursive comp as (
      select id from organizations where network_status = 'competitor' and deleted_at is null
      union select c.id from organizations c join comp p on c.parent_id = p.id where c.network_status = 'independent'
    ), span as (select (extract(year from age(${to}, ${from})) * 12 + extract(month from age(${to}, ${from})) + 1)::int as n)
    select coalesce(sum(count) filter (where month >= ${from}), 0)::int as during,
      coalesce(sum(count) filter (where month < ${from}), 0)::int as before
    from referral_monthly, span
    where dest_org_id in (select id from comp) and ${line} and ${inScope('referring_npi')}
      and month between (${from} - make_interval(months => span.n))::date and ${to}`.execute(db);
  return {
    value: Number(r.rows[0]?.before ?? 0) - Number(r.rows[0]?.during ?? 0),
    source: 'Internal referrals to competitors, monthly rollup',
  };
}
