// Goals (per liaison, team or campaign and period), stored monthly reports (PDF/XLSX bytes kept in the
// database so every server process can serve them) and private calendar-feed tokens (only a SHA-256 of
// the token is stored; the URL is shown once when created).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`
    create table goals (
      id bigserial primary key,
      scope text not null check (scope in ('liaison','team','campaign')),
      owner_id bigint not null references users(id) on delete cascade,
      campaign_id bigint references target_lists(id) on delete cascade,
      metric text not null check (metric in ('visits','unique_providers','a_tier_coverage','new_referrers','referral_volume','referral_share','leakage_reduced','issues_resolved')),
      service_line text,
      period_start date not null,
      period_end date not null,
      target double precision not null check (target >= 0),
      within_days int check (within_days is null or within_days > 0),
      note text not null default '',
      natural_key text not null unique,
      version int not null default 1,
      created_by bigint references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_end >= period_start),
      check (metric not in ('a_tier_coverage','referral_share') or target <= 1),
      check (scope <> 'campaign' or campaign_id is not null)
    )`);
  await run(sql`create index goals_owner_period_idx on goals (owner_id, period_end desc)`);
  await run(sql`
    create table scheduled_reports (
      id bigserial primary key,
      kind text not null check (kind in ('liaison_monthly','team_monthly')),
      month text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
      user_id bigint references users(id) on delete cascade,
      format text not null check (format in ('pdf','xlsx')),
      file_name text not null,
      bytes bytea not null,
      size int not null,
      sha256 text not null,
      data_date text,
      trigger text not null default 'manual',
      created_by bigint references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`);
  await run(
    sql`create unique index scheduled_reports_key on scheduled_reports (kind, month, coalesce(user_id, 0), format)`,
  );
  await run(sql`
    create table calendar_tokens (
      user_id bigint primary key references users(id) on delete cascade,
      token_sha256 text not null unique,
      created_at timestamptz not null default now()
    )`);
}
