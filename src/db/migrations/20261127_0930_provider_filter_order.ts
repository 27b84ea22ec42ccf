// Filter-only provider searches (a ZIP, a city, a service line, a radius) read only their page:
// each index leads with the filter column and continues with the page order of a name sort
// (coalesce(last_name, ''), coalesce(first_name, ''), npi — the keys searchProviders orders by),
// so `where zip = $1 order by <name keys> limit 51` stops after the page instead of sorting every
// match. The radius index leads with the service line so a box scan reads only that line's rows.
import { type Kysely, sql } from 'kysely';

const NAME_KEYS = `coalesce(last_name, ''), coalesce(first_name, ''), npi`;
const INDEXES: [string, string][] = [
  ['providers_zip5_name_idx', `practice_zip5, ${NAME_KEYS}`],
  ['providers_city_name_idx', `lower(practice_city), ${NAME_KEYS}`],
  ['providers_service_line_name_idx', `primary_service_line, ${NAME_KEYS}`],
  ['providers_taxonomy_name_idx', `primary_taxonomy, ${NAME_KEYS}`],
  ['providers_county_name_idx', `county_fips, ${NAME_KEYS}`],
  ['providers_name_order_idx', NAME_KEYS],
  ['providers_service_line_latlon_idx', 'primary_service_line, lat, lon'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, cols] of INDEXES)
    await sql.raw(`create index if not exists ${name} on providers (${cols})`).execute(db);
  // a specialty filter probes each scanned provider's taxonomies for the code: (npi, code) answers
  // that from the index alone instead of reading every taxonomy row of the provider
  await sql`create index if not exists provider_taxonomies_npi_code_idx on provider_taxonomies (npi, code)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await sql.raw(`drop index if exists ${name}`).execute(db);
  await sql`drop index if exists provider_taxonomies_npi_code_idx`.execute(db);
}
