// npm run bench:search -- [--rows 1000000] [--queries 300] [--data-dir DIR (PGlite)]
// p50/p95 of mixed provider searches on the configured database (DATABASE_URL, else PGlite in a
// temp folder). Loads a generated NPPES file first when the directory holds fewer than --rows, and
// SYNTHETIC memberships (bench/search/memberships.ts) when there are none.
// Baseline: after each search, a fixed piece of database work (BASELINE: summing 100,000 integers,
// one round trip), so a run on the loaded shared machine can be read as a ratio to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { findProviders } from '../../src/commands/directory/providerSearch';
import { connectDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { importNppes } from '../../src/import/nppes/importNppes';
import { generateNppesFile } from '../import/generateNppes';
import { seedMemberships } from './memberships';
import { KINDS, mix } from './mix';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const rows = Number(arg('rows', '1000000'));
const queries = Number(arg('queries', '300'));
const BASELINE = sql`select sum(i) from generate_series(1, 100000) i`;
const tmp = mkdtempSync(path.join(tmpdir(), 'rounds-bench-search-'));
// PGlite: keep the loaded directory in this folder (created on the first run, reused after), so a
// timed run need not load it again
const dataDir = process.argv.includes('--data-dir') ? arg('data-dir', '') : null;

async function main() {
  const url = process.env.DATABASE_URL;
  const database = await connectDatabase(url ? { databaseUrl: url } : { dataDir: dataDir ?? tmp });
  await migrateToLatest(database.db);
  const have = Number(
    (await sql<{ n: number }>`select count(*) as n from providers`.execute(database.db)).rows[0]?.n ?? 0,
  );
  if (have < rows * 0.85) {
    const file = path.join(tmp, 'npidata.csv');
    await generateNppesFile(file, rows);
    await sql`truncate providers, provider_taxonomies, provider_other_names, provider_locations, organizations,
      organization_other_names, provider_changes, import_jobs cascade`.execute(database.db);
    await importNppes(database, file);
  }
  // every real directory has memberships (≈ one per provider): each result reads its organization
  const memberships = Number(
    (await sql<{ n: number }>`select count(*) as n from memberships`.execute(database.db)).rows[0]?.n ?? 0,
  );
  if (memberships === 0) await seedMemberships(database);
  await sql`analyze`.execute(database.db);
  const providers = Number(
    (await sql<{ n: number }>`select count(*) as n from providers`.execute(database.db)).rows[0]?.n ?? 0,
  );
  for (let i = 0; i < 12; i++) await findProviders(database.db, mix(i)); // warm-up
  const times: number[] = [];
  const byKind = new Map<number, number[]>();
  const baseline: number[] = [];
  for (let i = 0; i < queries; i++) {
    const t = performance.now();
    await findProviders(database.db, mix(i));
    const ms = performance.now() - t;
    times.push(ms);
    byKind.set(i % 6, [...(byKind.get(i % 6) ?? []), ms]);
    const b = performance.now();
    await BASELINE.execute(database.db);
    baseline.push(performance.now() - b);
  }
  const pct = (a: number[], p: number) => {
    const s = [...a].sort((x, y) => x - y);
    return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1);
  };
  console.log(
    JSON.stringify({
      backend: database.kind,
      providers,
      memberships: Number(
        (await sql<{ n: number }>`select count(*) as n from memberships`.execute(database.db)).rows[0]?.n ??
          0,
      ),
      queries,
      p50ms: pct(times, 50),
      p95ms: pct(times, 95),
      baselineP50ms: pct(baseline, 50),
      p95OverBaseline: +(pct(times, 95) / pct(baseline, 50)).toFixed(2),
      byKind: Object.fromEntries(
        [...byKind].map(([k, v]) => [KINDS[k], { p50: pct(v, 50), p95: pct(v, 95) }]),
      ),
    }),
  );
  await database.close();
  rmSync(tmp, { recursive: true, force: true });
}

await main();
