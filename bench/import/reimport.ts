// npm run bench:import:reimport -- [--first 6000] [--second 14000]
// A re-import with updates: imports a generated file, then a larger one with the same NPIs
// renamed (the generator draws names from a seed set by the row count) plus new ones, and times
// the second import (updates recorded with what changed, name-word index kept). PostgreSQL
// (DATABASE_URL) or a fresh PGlite in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connectDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { importNppes } from '../../src/import/nppes/importNppes';
import { generateNppesFile } from './generateNppes';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return Number(i >= 0 ? process.argv[i + 1] : dflt);
};
const tmp = mkdtempSync(path.join(tmpdir(), 'rounds-reimport-'));
const first = path.join(tmp, 'npidata_pfile_20050523-20250608.csv');
const second = path.join(tmp, 'npidata_pfile_20050523-20250713.csv');
await generateNppesFile(first, arg('first', '6000'));
await generateNppesFile(second, arg('second', '14000'));
const url = process.env.DATABASE_URL;
const database = await connectDatabase(url ? { databaseUrl: url } : { dataDir: tmp });
await migrateToLatest(database.db);
await sql`truncate providers, provider_taxonomies, provider_other_names, provider_locations, organizations,
  organization_other_names, provider_changes, import_jobs cascade`.execute(database.db);
const t0 = performance.now();
await importNppes(database, first);
const t1 = performance.now();
const r = await importNppes(database, second);
const t2 = performance.now();
console.log(
  JSON.stringify({
    backend: database.kind,
    firstSeconds: +((t1 - t0) / 1000).toFixed(1),
    reimportSeconds: +((t2 - t1) / 1000).toFixed(1),
    ...r.counts,
  }),
);
await database.close();
rmSync(tmp, { recursive: true, force: true });
