// Network intelligence: the provider graph (rebuilt from referral rollups and CMS shared-patient
// links), influence metrics per provider from the background job, job runs, and target lists.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  // One row per directed provider pair. Nodes are provider NPIs, or 'org:<id>' for referrals that
  // resolved only to an organization. weight = referrals + shared_patients (both patient counts).
  await run(sql`
    create table network_edges (
      source_npi text not null,
      target_npi text not null,
      referrals int not null default 0,
      shared_patients int not null default 0,
      weight double precision not null check (weight > 0),
      service_lines text[] not null default '{}',
      primary key (source_npi, target_npi)
    )`);
  // Ego and path queries read "the strongest N ties of a node": (node, weight desc) serves that
  // straight from the index (with only (target_npi), a hub with 100k in-edges is read and sorted
  // whole — 3 s at 20M edges). rebuildNetworkEdges recreates these same indexes on every run.
  await run(sql`create index network_edges_target_weight_idx on network_edges (target_npi, weight desc)`);
  await run(sql`create index network_edges_source_weight_idx on network_edges (source_npi, weight desc)`);
  await run(sql`
    create table network_jobs (
      id bigserial primary key,
      status text not null default 'running' check (status in ('running','succeeded','failed')),
      trigger text not null,
      started_by text,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      nodes int,
      edges bigint,
      pagerank_iterations int,
      betweenness_sources int,
      betweenness_exact boolean,
      communities int,
      modularity double precision,
      duration_ms int,
      peak_rss_mb int,
      phases jsonb not null default '{}',
      sources jsonb not null default '{}',
      data_date date,
      message text
    )`);
  // at most one running job: a second start is refused instead of racing the first
  await run(
    sql`create unique index network_jobs_one_running on network_jobs ((true)) where status = 'running'`,
  );
  await run(sql`
    create table provider_influence (
      npi text primary key,
      weighted_degree double precision not null,
      in_strength double precision not null,
      out_strength double precision not null,
      pagerank double precision not null,
      pagerank_pct double precision not null,
      betweenness double precision not null,
      community int not null,
      computed_at timestamptz not null,
      job_id bigint references network_jobs(id),
      source text not null
    )`);
  await run(sql`create index provider_influence_pagerank_idx on provider_influence (pagerank desc)`);
  await run(sql`create index provider_influence_community_idx on provider_influence (community)`);
  await run(sql`
    create table target_lists (
      id bigserial primary key,
      name text not null,
      goal text not null default '',
      owner_id bigint references users(id),
      filter jsonb not null default '{}',
      weights jsonb not null,
      status text not null default 'active' check (status in ('active','archived')),
      due_on date,
      version int not null default 1,
      created_by bigint references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  await run(sql`
    create table target_list_members (
      list_id bigint not null references target_lists(id) on delete cascade,
      npi text not null,
      score double precision not null,
      breakdown jsonb not null,
      status text not null default 'open' check (status in ('open','visited','won','dropped')),
      added_at timestamptz not null default now(),
      primary key (list_id, npi)
    )`);
  await run(sql`create index target_list_members_npi_idx on target_list_members (npi)`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'target_list_members',
    'target_lists',
    'provider_influence',
    'network_jobs',
    'network_edges',
  ])
    await sql`drop table if exists ${sql.raw(t)} cascade`.execute(db);
}
