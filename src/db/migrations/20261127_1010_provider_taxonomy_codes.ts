// A specialty filter (`specialty=207Q00000X`: any of the provider's taxonomies, not only the
// primary) probed provider_taxonomies once per scanned provider: `specialty + zip` scanned ≈ 3,800
// providers of a busy ZIP to find the first 500 with the code, ≈ 11,000 index pages for the probes
// against ≈ 3,800 for the providers themselves. The provider's codes now travel on its own row
// (taxonomy_codes, in slot order, written by the NPPES merge with provider_taxonomies), so the
// filter is tested on the row the scan reads anyway.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table providers add column if not exists taxonomy_codes text[] not null default '{}'`.execute(
    db,
  );
  await sql`update providers p set taxonomy_codes = x.codes
    from (select npi, array_agg(code order by slot) as codes from provider_taxonomies group by npi) x
    where x.npi = p.npi`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table providers drop column if exists taxonomy_codes`.execute(db);
}
