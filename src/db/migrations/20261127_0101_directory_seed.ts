// Seeds the NUCC taxonomy code set (data/nucc, shipped in the repo) and the default
// taxonomy → service-line map, so a fresh install can search by specialty right away.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { readNuccFile } from '../../import/taxonomy/nucc';
import { seedServiceLineMap, upsertTaxonomies } from '../../import/taxonomy/store';

export const NUCC_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/nucc/nucc_taxonomy_251.csv',
);

export async function up(db: Kysely<unknown>): Promise<void> {
  if (existsSync(NUCC_FILE)) {
    const { rows } = await readNuccFile(NUCC_FILE);
    await upsertTaxonomies(db, rows);
  }
  await seedServiceLineMap(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.deleteFrom('service_line_map' as never).execute();
  await db.deleteFrom('taxonomies' as never).execute();
}
