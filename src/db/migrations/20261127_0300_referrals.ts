// Referral analytics: raw referral facts (no patient identifiers), monthly rollups, CMS shared-patient
// links and per-NPI Medicare volumes, and shifting-referrer alerts. See docs/formats/referrals.md
// and docs/alerts.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  // One row per referral line of a customer file or FHIR ServiceRequest. fact_key makes re-imports
  // idempotent: a hash of the source and the row's natural key plus its ordinal among identical rows.
  await run(sql`
    create table referral_facts (
      id bigserial primary key,
      fact_key text not null unique,
      source text not null check (source in ('ehr','fhir')),
      referring_npi text not null check (referring_npi ~ '^[0-9]{10}$'),
      receiving_npi text,
      receiving_facility text,
      dest_org_id bigint,
      dest_provider_npi text,
      service_line text not null,
      referral_date date not null,
      month date not null,
      status text not null check (status in ('pending','scheduled','completed','lost')),
      count int not null check (count >= 1),
      external_id text,
      import_job_id bigint references import_jobs(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  await run(sql`create index referral_facts_month_idx on referral_facts (source, month)`);
  await run(sql`create index referral_facts_referrer_idx on referral_facts (referring_npi, month)`);
  // Rows of a running import, COPYed here before one transaction turns them into facts + rollups.
  await run(sql`
    create table referral_stage (
      job_id bigint not null,
      line int not null,
      fact_base text not null,
      source text not null,
      referring_npi text not null,
      receiving_npi text,
      receiving_facility text,
      dest_org_id bigint,
      dest_provider_npi text,
      service_line text not null,
      referral_date date not null,
      status text not null,
      count int not null,
      external_id text
    )`);
  await run(sql`create index referral_stage_job_idx on referral_stage (job_id)`);
  // Monthly rollup: what every metric reads. dest_org_id 0 / dest_provider_npi '' = not resolved
  // (sentinels rather than NULL so the key can be a primary key).
  await run(sql`
    create table referral_monthly (
      referring_npi text not null,
      month date not null,
      service_line text not null,
      dest_org_id bigint not null default 0,
      dest_provider_npi text not null default '',
      source text not null,
      count int not null,
      primary key (referring_npi, month, service_line, dest_org_id, dest_provider_npi, source) include (count)
    )`);
  // covering indexes: a referral base and a market-share scan are index-only (no scattered heap reads)
  await run(sql`
    create index referral_monthly_line_idx on referral_monthly (service_line, month)
    include (referring_npi, dest_org_id, source, count)`);
  await run(sql`create index referral_monthly_month_idx on referral_monthly (month)`);
  await run(sql`
    create table shared_patient_links (
      year int not null,
      window_days int not null check (window_days in (30,60,90,180)),
      npi_from text not null,
      npi_to text not null,
      pair_count int not null,
      bene_count int not null,
      same_day_count int not null,
      import_job_id bigint references import_jobs(id),
      primary key (year, window_days, npi_from, npi_to)
    )`);
  await run(sql`create index shared_patient_links_from_idx on shared_patient_links (npi_from)`);
  await run(sql`create index shared_patient_links_to_idx on shared_patient_links (npi_to)`);
  await run(sql`
    create table provider_volumes (
      npi text not null,
      year int not null,
      provider_type text,
      tot_benes int,
      tot_srvcs double precision,
      tot_bene_day_srvcs double precision,
      tot_mdcr_pymt_amt double precision,
      import_job_id bigint references import_jobs(id),
      primary key (npi, year)
    )`);
  await run(sql`
    create table alert_runs (
      id bigserial primary key,
      as_of date not null,
      started_at timestamptz not null default now(),
      duration_ms int not null,
      tested int not null,
      dispersion jsonb not null,
      alerts_found int not null,
      alerts_new int not null,
      options jsonb not null,
      trigger text not null
    )`);
  await run(sql`
    create table alerts (
      id bigserial primary key,
      referring_npi text not null,
      service_line text not null,
      target text not null check (target in ('ours','competitor')),
      direction text not null check (direction in ('drop','rise')),
      test text not null check (test in ('share','volume')),
      as_of date not null,
      start_month date not null,
      window_months int not null,
      baseline_from date not null,
      baseline_to date not null,
      recent_from date not null,
      recent_to date not null,
      baseline_rate double precision not null,
      recent_rate double precision not null,
      expected_recent double precision not null,
      observed_recent int not null,
      ratio double precision not null,
      p_value double precision not null,
      q_value double precision not null,
      evidence jsonb not null,
      sources text not null,
      data_date date,
      run_id bigint references alert_runs(id),
      status text not null default 'new' check (status in ('new','acknowledged','assigned','resolved')),
      assignee_user_id bigint references users(id),
      note text,
      resolved_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  // at most one open alert per physician × service line × target × direction: re-runs refresh it
  await run(sql`
    create unique index alerts_open_key on alerts (referring_npi, service_line, target, direction)
    where status <> 'resolved'`);
  await run(sql`create index alerts_status_idx on alerts (status, q_value)`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'alerts',
    'alert_runs',
    'provider_volumes',
    'shared_patient_links',
    'referral_monthly',
    'referral_stage',
    'referral_facts',
  ]) {
    await sql`drop table if exists ${sql.raw(t)} cascade`.execute(db);
  }
}
