// Covering indexes for the target list of a liaison's territory (bench: 2,000 candidates out of 1M
// providers). The territory's providers are found by ZIP or county; with these the lookup is an
// index-only scan whose entries for one ZIP sit side by side (in the heap they are one per page),
// and the influence percentile of each candidate is read from the index without a heap visit.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists providers_zip5_target_idx on providers (practice_zip5) include (npi, status, arrived_at)`.execute(
    db,
  );
  await sql`create index if not exists providers_county_target_idx on providers (county_fips) include (npi, status, arrived_at)`.execute(
    db,
  );
  await sql`create index if not exists provider_influence_npi_pct_idx on provider_influence (npi) include (pagerank_pct)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const i of [
    'providers_zip5_target_idx',
    'providers_county_target_idx',
    'provider_influence_npi_pct_idx',
  ])
    await sql`drop index if exists ${sql.raw(i)}`.execute(db);
}
