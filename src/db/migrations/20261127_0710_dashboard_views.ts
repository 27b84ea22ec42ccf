// Stored dashboard views: figures that read every referrer's history (the market overview, return on
// visit) are computed when their inputs change — a referral import, the demo load — and stored here,
// so opening a dashboard reads one row instead of aggregating the referral rollup. `inputs` is the
// fingerprint of what the figures were computed from; a row whose inputs no longer match is recomputed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dashboard_views (
      name text not null,
      variant text not null,
      inputs text not null,
      body jsonb not null,
      computed_at timestamptz not null default now(),
      compute_ms integer not null,
      primary key (name, variant)
    )`.execute(db);
}
