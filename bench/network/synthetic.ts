// A synthetic market on PostgreSQL, generated in SQL (labelled synthetic: last_name 'Synthetic',
// source 'demo'): N providers over 2,000 ZIPs, E CMS-style shared-patient links with local
// clusters (70 % of a provider's ties stay within its block of 500) and hubs (the rest go to a
// power-law-skewed target), plus 12 months of referrals for a fraction of providers.
import { type Kysely, sql } from 'kysely';
import { monthStartDate } from '../../src/core/referrals/months';
import type { DB } from '../../src/db/schema';

export type MarketSize = { providers: number; edges: number; referrerShare: number };

export async function generateMarket(db: Kysely<DB>, size: MarketSize, log: (s: string) => void) {
  const N = size.providers;
  const npi = (x: string) => sql.raw(`(1000000000 + ${x})::text`);
  await sql`select setseed(0.42)`.execute(db);
  let t = performance.now();
  await sql`
    insert into providers (npi, first_name, last_name, primary_service_line, practice_zip5, county_fips, lat, lon, source, geo_precision, status)
    select ${npi('i')}, 'Provider ' || i, 'Synthetic',
      (array['primary_care','cardiology','orthopedics','oncology','neurology','general_surgery','pulmonology','urology'])[1 + i % 8],
      (10000 + i % 2000)::text, (36000 + i % 60)::text, 40 + (i % 2000) / 1000.0, -74 + (i % 997) / 1000.0, 'demo', 'synthetic_point', 'active'
    from generate_series(0, ${N - 1}) i`.execute(db);
  log(`providers: ${N} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  // Bulk load in key order with the secondary indexes dropped, then rebuild them by sort (this
  // database is throwaway; random inserts into three B-trees would take most of an hour at 20M).
  await sql`drop index shared_patient_links_from_idx`.execute(db);
  await sql`drop index shared_patient_links_to_idx`.execute(db);
  await sql`alter table shared_patient_links drop constraint shared_patient_links_pkey`.execute(db);
  await sql`
    insert into shared_patient_links (year, window_days, npi_from, npi_to, pair_count, bene_count, same_day_count)
    select distinct on (s, d) 2015, 30, ${npi('s')}, ${npi('d')}, 2 * b, b, 0 from (
      select s,
        case when random() < 0.7 then (s / 500) * 500 + floor(random() * least(500, ${N} - (s / 500) * 500))::int
             else floor(${N} * power(random(), 2.5))::int end as d,
        11 + floor(-ln(1 - random()) * 20)::int as b
      from (select floor(random() * ${N})::int as s from generate_series(1, ${size.edges})) x
    ) y where s <> d
    order by s, d`.execute(db);
  await sql`alter table shared_patient_links add primary key (year, window_days, npi_from, npi_to)`.execute(
    db,
  );
  await sql`create index shared_patient_links_from_idx on shared_patient_links (npi_from)`.execute(db);
  await sql`create index shared_patient_links_to_idx on shared_patient_links (npi_to)`.execute(db);
  const links = await sql<{ n: string }>`select count(*)::text as n from shared_patient_links`.execute(db);
  log(`shared-patient links: ${links.rows[0].n} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const [ours, rival] = await db
    .insertInto('organizations')
    .values([
      {
        name: 'Synthetic Health (ours)',
        network_status: 'ours',
        service_lines: ['cardiology', 'orthopedics', 'oncology'],
        source: 'demo',
      },
      {
        name: 'Synthetic Rival',
        network_status: 'competitor',
        service_lines: ['cardiology', 'orthopedics'],
        source: 'demo',
      },
    ])
    .returning('id')
    .execute();
  const now = new Date();
  const end = now.getUTCFullYear() * 12 + now.getUTCMonth();
  await sql`
    insert into referral_monthly (referring_npi, month, service_line, dest_org_id, dest_provider_npi, source, count)
    select ${npi('i')}, (${monthStartDate(end - 11)}::date + (m || ' months')::interval)::date,
      (array['cardiology','orthopedics','oncology'])[1 + (i + m) % 3],
      case when (i + m) % 3 = 0 then ${Number(ours.id)}::bigint else ${Number(rival.id)}::bigint end, '', 'ehr', 1 + floor(random() * 4)::int
    from generate_series(0, ${N - 1}) i, generate_series(0, 11) m
    where i % ${Math.max(1, Math.round(1 / size.referrerShare))} = 0
    on conflict do nothing`.execute(db);
  log(`referral rollups in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // vacuum as well: a bulk-loaded table has no visibility map until autovacuum passes, and without
  // it every index-only scan visits the heap — not the steady state a live database runs in.
  await sql`vacuum (analyze)`.execute(db);
}

/** A liaison whose territory is `zips` ZIP codes (about N/2000 providers each). */
export async function liaisonWithTerritory(db: Kysely<DB>, zips: number, reuse = false) {
  const email = 'bench-liaison@synthetic.example';
  const existing = reuse
    ? await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
    : undefined;
  if (existing) return Number(existing.id);
  const u = await db
    .insertInto('users')
    .values({ email, name: 'Bench Liaison (synthetic)', role: 'liaison' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const t = await db
    .insertInto('territories')
    .values({
      name: 'Synthetic territory',
      zips: Array.from({ length: zips }, (_, i) => String(10000 + i * 7)),
      counties: [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('territory_assignments').values({ territory_id: t.id, user_id: u.id }).execute();
  return Number(u.id);
}

/** The stored result of the last successful job, shaped like computeNetwork's return value. */
export async function lastJob(db: Kysely<DB>) {
  const j = await db
    .selectFrom('network_jobs')
    .selectAll()
    .where('status', '=', 'succeeded')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return {
    nodes: j.nodes!,
    edges: Number(j.edges),
    duration_ms: j.duration_ms!,
    phases: j.phases as Record<string, number>,
    peak_rss_mb: j.peak_rss_mb!,
    pagerank_iterations: j.pagerank_iterations!,
    betweenness_sources: j.betweenness_sources!,
    betweenness_exact: j.betweenness_exact!,
    communities: j.communities!,
    modularity: j.modularity!,
  };
}
