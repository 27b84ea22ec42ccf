// Cheaper directory imports (issue 3), without changing what any query returns:
// - Six provider indexes are dropped because a wider index starts with the same key and serves the
//   same lookups: zip5, city, county, taxonomy and service line each lead a (key, name…) index,
//   and (last_name, first_name, npi) is only used to order one organization's or one liaison's
//   few providers. Each was rebuilt by every bulk import (≈ 7 s of 43 s at 1M providers).
// - NPIs and taxonomy codes are compared byte-wise (collation "C"). They are ASCII digits and
//   letters, for which the database's C.UTF-8 order is the same byte order — but PostgreSQL 15
//   sorts non-"C" text with strcoll and without abbreviated keys: the (token, npi) key built in
//   3.9 s instead of 6.1 s at 2.2M words, the npi index in 1.5 s instead of 2.6 s. Joins and FKs
//   against columns left in the default collation are unaffected (a "C" column wins over the
//   default). On a filled directory this migration rewrites those indexes once (≈ 30 s at 900k).
import { type Kysely, sql } from 'kysely';

const REDUNDANT = [
  ['providers_zip5_idx', 'practice_zip5'],
  ['providers_city_idx', 'lower(practice_city)'],
  ['providers_county_idx', 'county_fips'],
  ['providers_taxonomy_idx', 'primary_taxonomy'],
  ['providers_service_line_idx', 'primary_service_line'],
  ['providers_last_name_idx', 'last_name, first_name, npi'],
] as const;

const BYTEWISE: [table: string, columns: string[]][] = [
  ['providers', ['npi']],
  ['provider_taxonomies', ['npi', 'code']],
  ['provider_other_names', ['npi']],
  ['provider_locations', ['npi']],
  ['provider_name_tokens', ['npi']],
  ['organizations', ['npi']],
];

async function collate(db: Kysely<unknown>, collation: 'C' | 'default') {
  for (const [table, cols] of BYTEWISE) {
    const alters = cols.map((c) => `alter column ${c} type text collate "${collation}"`).join(', ');
    await sql.raw(`alter table ${table} ${alters}`).execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name] of REDUNDANT) await sql.raw(`drop index if exists ${name}`).execute(db);
  await collate(db, 'C');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await collate(db, 'default');
  for (const [name, keys] of REDUNDANT)
    await sql.raw(`create index if not exists ${name} on providers (${keys})`).execute(db);
}
