// Facts for the target score, for a pool of physicians: a liaison's territory, or (without one)
// everyone with a signal — referrals in 12 months, a relationship, open issues or a recent arrival.
// Leakage and loyalty use the Referrals definitions: internal sources, service lines we offer,
// leakage = referrals to competitor organizations, share = referrals to our network ÷ all.
import { type Kysely, sql } from 'kysely';
import { FREQUENCY_DAYS } from '../../../core/crm/visitCadence';
import { monthStartDate, parseMonth } from '../../../core/referrals/months';
import { segmentFor } from '../../../core/referrals/referralBase';
import type { TargetFacts } from '../../../core/targets/factors';
import type { DB } from '../../schema';
import { lastVisitOf } from '../crm/lastVisit';
import { INTERNAL_SOURCES, offeredServiceLines, orgNetworkCte, referralDataDate } from '../referrals/network';
import { getReferralSettings } from '../referrals/settings';

const freqDays = sql.raw(
  `case r.visit_frequency ${Object.entries(FREQUENCY_DAYS)
    .map(([k, d]) => `when '${k}' then ${d}`)
    .join(' ')} end`,
);

export type TargetPool = { territoryUserId?: number; npis?: string[] };

export async function targetFacts(db: Kysely<DB>, pool: TargetPool, now = new Date()) {
  const dataDate = await referralDataDate(db);
  const end = dataDate ? parseMonth(dataDate) : now.getUTCFullYear() * 12 + now.getUTCMonth();
  const [lines, settings] = await Promise.all([offeredServiceLines(db), getReferralSettings(db)]);
  const from12 = monthStartDate(end - 11);
  const recentFrom = monthStartDate(end - 5);
  const offered = [...lines];
  // Every pool yields (npi, arrived_at) so the facts query below never reads the providers heap.
  const poolSql = pool.npis
    ? sql`select npi, arrived_at from providers where npi = any(${pool.npis}::text[])`
    : pool.territoryUserId !== undefined
      ? // ZIPs and counties unnested and joined separately, so each side uses its covering
        // (zip|county, name keys…) include (status, arrived_at) index — an index-only scan whose
        // entries for one ZIP sit together, where the heap has them one per page (an OR of two
        // `= any(array)` tests scanned all providers: ~0.9 s at 1M).
        sql`select p.npi, p.arrived_at from territories t join territory_assignments ta on ta.territory_id = t.id
              cross join lateral unnest(t.zips) z(zip) join providers p on p.practice_zip5 = z.zip
            where ta.user_id = ${pool.territoryUserId} and t.deleted_at is null and p.status = 'active'
            union
            select p.npi, p.arrived_at from territories t join territory_assignments ta on ta.territory_id = t.id
              cross join lateral unnest(t.counties) c(fips) join providers p on p.county_fips = c.fips
            where ta.user_id = ${pool.territoryUserId} and t.deleted_at is null and p.status = 'active'`
      : sql`select s.npi, p.arrived_at from (
              select referring_npi as npi from referral_monthly where month between ${from12}::date and ${monthStartDate(end)}::date
              union select provider_npi from provider_relationships
              union select provider_npi from physician_issues where status <> 'resolved' and deleted_at is null and provider_npi is not null
              union select npi from providers where arrived_at >= ${new Date(now.getTime() - 365 * 86_400_000)}
            ) s join providers p on p.npi = s.npi`;
  // The pool is fetched first and passed as an array: the planner then knows it is small and
  // uses index lookups (as one CTE it estimated badly, seq-scanned 1M-row tables and paid
  // seconds of JIT compilation — 0.9–2 s at 1M providers).
  const poolRows = (await sql<{ npi: string; arrived_at: Date | null }>`${poolSql}`.execute(db)).rows;
  const npis = poolRows.map((r) => r.npi);
  const arrivedAt = new Map(poolRows.map((r) => [r.npi, r.arrived_at]));
  const rows = await sql<{
    npi: string;
    recent: number;
    prior: number;
    offered_total: number;
    ours: number;
    leaked: number;
    leak_lines: string[] | null;
    pagerank_pct: number | null;
    desired_days: number | null;
    last_visit: Date | null;
    open_issues: number;
  }>`
    with recursive ${orgNetworkCte},
    -- one pass per physician × line, rolled up per physician: the lines that leak come out ordered by
    -- their referrals to competitors, most first (the "why" names the top three)
    ref_line as (
      select m.referring_npi as npi, m.service_line,
        sum(m.count) filter (where m.month >= ${recentFrom}::date) as recent,
        sum(m.count) filter (where m.month < ${recentFrom}::date) as prior,
        sum(m.count) filter (where m.service_line = any(${offered}::text[]) and m.month >= ${from12}::date) as offered_total,
        sum(m.count) filter (where m.service_line = any(${offered}::text[]) and m.month >= ${from12}::date and n.network in ('ours', 'affiliated')) as ours,
        sum(m.count) filter (where m.service_line = any(${offered}::text[]) and m.month >= ${from12}::date and n.network = 'competitor') as leaked
      from referral_monthly m left join org_net n on n.org_id = m.dest_org_id
      where m.referring_npi = any(${npis}::text[]) and m.source in (${sql.join([...INTERNAL_SOURCES])})
        and m.month between ${monthStartDate(end - 11)}::date and ${monthStartDate(end)}::date
      group by 1, 2
    ),
    ref as (
      select npi, coalesce(sum(recent), 0)::int as recent, coalesce(sum(prior), 0)::int as prior,
        coalesce(sum(offered_total), 0)::int as offered_total, coalesce(sum(ours), 0)::int as ours,
        coalesce(sum(leaked), 0)::int as leaked,
        array_agg(service_line order by leaked desc, service_line) filter (where leaked > 0) as leak_lines
      from ref_line group by npi
    )
    select p.npi, coalesce(ref.recent, 0) as recent, coalesce(ref.prior, 0) as prior,
      coalesce(ref.offered_total, 0) as offered_total, coalesce(ref.ours, 0) as ours, coalesce(ref.leaked, 0) as leaked,
      ref.leak_lines, i.pagerank_pct, ${freqDays} as desired_days,
      ${lastVisitOf(sql.ref('p.npi'))} as last_visit,
      (select count(*) from physician_issues pi where pi.provider_npi = p.npi and pi.status <> 'resolved' and pi.deleted_at is null)::int as open_issues
    from unnest(${npis}::text[]) p(npi)
    left join ref on ref.npi = p.npi
    left join provider_influence i on i.npi = p.npi
    left join provider_relationships r on r.provider_npi = p.npi`.execute(db);
  const facts: TargetFacts[] = rows.rows.map((r) => {
    const share = r.offered_total > 0 ? r.ours / r.offered_total : null;
    return {
      npi: r.npi,
      leakedReferrals: r.leaked,
      leakageServiceLines: r.leak_lines ?? [],
      recentReferrals: r.recent,
      priorReferrals: r.prior,
      segment: r.offered_total > 0 ? segmentFor(share, r.offered_total, settings.thresholds) : null,
      influencePercentile: r.pagerank_pct,
      arrivedAt: arrivedAt.get(r.npi) ? new Date(arrivedAt.get(r.npi)!).toISOString() : null,
      lastVisitAt: r.last_visit ? new Date(r.last_visit).toISOString() : null,
      desiredVisitDays: r.desired_days,
      openIssues: r.open_issues,
      kmFromTerritory: pool.territoryUserId !== undefined ? 0 : null,
    };
  });
  return {
    facts,
    meta: {
      dataDate,
      referralWindow: { from: from12.slice(0, 7), to: monthStartDate(end).slice(0, 7) },
      offeredServiceLines: offered,
      thresholds: settings.thresholds,
    },
  };
}
