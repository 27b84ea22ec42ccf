// Two provider_taxonomies indexes that no query reads any more, each rebuilt by every bulk import
// (≈ 1.5 s apiece at 1.8M taxonomy rows; issue 3):
// - (npi, code) served the specialty filter's probe of each scanned provider's taxonomies, which
//   reads providers.taxonomy_codes since migration 20261127_1010. The FHIR specialty search probes
//   a page of members by NPI, which the primary key (npi, slot) answers (≤ 15 rows per NPI).
// - (code) had no reader: codes are searched on providers (primary_taxonomy, taxonomy_codes).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists provider_taxonomies_npi_code_idx`.execute(db);
  await sql`drop index if exists provider_taxonomies_code_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists provider_taxonomies_code_idx on provider_taxonomies (code)`.execute(
    db,
  );
  await sql`create index if not exists provider_taxonomies_npi_code_idx on provider_taxonomies (npi, code)`.execute(
    db,
  );
}
