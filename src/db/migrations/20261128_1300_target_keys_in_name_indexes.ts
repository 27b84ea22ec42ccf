// One index per territory key instead of two (issue 3: every bulk import rebuilds each one, ≈ 1 s
// apiece at 1M providers). The target list's pool — a territory's active providers by ZIP or
// county, with arrived_at — was read from (zip5 | county_fips) include (npi, status, arrived_at);
// the name-ordered (zip5 | county_fips, last, first, npi) indexes that filter-only searches page
// through now carry (status, arrived_at) too and serve the pool with the same index-only scan
// (EXPLAIN at 900k providers, four ZIPs, 6,792 rows: 5.4 ms against 5.8 ms, no heap fetches).
import { type Kysely, sql } from 'kysely';

const NAME_KEYS = `coalesce(last_name, ''), coalesce(first_name, ''), npi`;
const KEYS = [
  ['zip5', 'practice_zip5'],
  ['county', 'county_fips'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of KEYS) {
    await sql.raw(`drop index if exists providers_${name}_name_idx`).execute(db);
    await sql
      .raw(
        `create index providers_${name}_name_idx on providers (${column}, ${NAME_KEYS}) include (status, arrived_at)`,
      )
      .execute(db);
    await sql.raw(`drop index if exists providers_${name}_target_idx`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of KEYS) {
    await sql
      .raw(
        `create index if not exists providers_${name}_target_idx on providers (${column}) include (npi, status, arrived_at)`,
      )
      .execute(db);
    await sql.raw(`drop index if exists providers_${name}_name_idx`).execute(db);
    await sql
      .raw(`create index providers_${name}_name_idx on providers (${column}, ${NAME_KEYS})`)
      .execute(db);
  }
}
