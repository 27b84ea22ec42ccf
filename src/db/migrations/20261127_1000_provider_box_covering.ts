// A radius search reads every provider in its bounding box to find the nearest (distance order
// cannot come from a b-tree; there is no PostGIS, and PGlite has no GiST for points). These box
// indexes carry npi and status, so that pass is an index-only scan (once VACUUM has set the
// visibility map, which the NPPES import now does): only the nearest FILTER_SAMPLE providers are
// then read from the table (searchFiltered.ts), not the ≈ 6,000–9,000 of a 5-mile box in a city.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`create index if not exists providers_line_box_idx
    on providers (primary_service_line, lat, lon) include (npi, status)`);
  await run(sql`create index if not exists providers_box_idx on providers (lat, lon) include (npi, status)`);
  await run(sql`drop index if exists providers_service_line_latlon_idx`);
  await run(sql`drop index if exists providers_latlon_idx`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`create index if not exists providers_latlon_idx on providers (lat, lon)`);
  await run(sql`create index if not exists providers_service_line_latlon_idx
    on providers (primary_service_line, lat, lon)`);
  await run(sql`drop index if exists providers_line_box_idx`);
  await run(sql`drop index if exists providers_box_idx`);
}
