// npm run bench:import -- [--rows 1000000] [--file path] [--keep-file] [--readers 2] [--region states:KY] [--batch-rows 5000]
// Generates an NPPES-layout file, imports it into the configured database (DATABASE_URL, else a
// fresh PGlite in a temp folder), samples peak RSS, and times a raw COPY of the same file into a
// one-column table as the floor for that database.
import { createReadStream, existsSync, mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { connectDatabase, type Database } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { importNppes } from '../../src/import/nppes/importNppes';
import { generateNppesFile } from './generateNppes';

const arg = (name: string, dflt?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const rows = Number(arg('rows', '1000000'));
const tmp = mkdtempSync(path.join(tmpdir(), 'rounds-bench-'));
// named like an NPPES monthly file (the data date the rows' Last Update Date gives), as the
// importer reads the data date from the name
const file = arg('file') ?? path.join(tmpdir(), `npidata_pfile_20050523-20250608_bench${rows}.csv`);

async function rawCopy(database: Database): Promise<number> {
  await sql`drop table if exists bench_raw_copy`.execute(database.db);
  await sql`create unlogged table bench_raw_copy (line text)`.execute(database.db);
  const t = performance.now();
  // the file has no backslashes or tabs, so text format with a delimiter that never occurs loads one line per row
  const copySql = `COPY bench_raw_copy FROM STDIN (FORMAT text, DELIMITER E'\\x01', ENCODING 'LATIN1')`;
  if (database.kind === 'pglite') {
    await database.pglite!.query(copySql.replace('STDIN', "'/dev/blob'"), [], {
      blob: await openAsBlob(file),
    });
  } else {
    const client = await database.pool.connect();
    try {
      await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(copySql)));
    } finally {
      client.release();
    }
  }
  const ms = performance.now() - t;
  await sql`drop table bench_raw_copy`.execute(database.db);
  return ms;
}

async function main() {
  if (!existsSync(file) || arg('file') === undefined) {
    const t = performance.now();
    await generateNppesFile(file, rows);
    console.error(
      `generated ${rows} rows (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  const url = process.env.DATABASE_URL;
  const database = await connectDatabase(url ? { databaseUrl: url } : { dataDir: tmp });
  await migrateToLatest(database.db);
  // start from an empty directory so every run measures the same work
  await sql`truncate providers, provider_taxonomies, provider_other_names, provider_locations, organizations,
    organization_other_names, provider_changes, import_jobs cascade`.execute(database.db);
  const rssBefore = process.memoryUsage().rss;
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const t0 = performance.now();
  const readers = arg('readers') ? (arg('readers') === '2' ? 2 : 1) : undefined; // default: the importer's
  // a region the generated (Middle Tennessee) rows lie outside measures what a region import of
  // the national file spends on the rows it skips
  const region = arg('region');
  const batchRows = arg('batch-rows') ? Number(arg('batch-rows')) : undefined;
  const r = await importNppes(database, file, { readers, region, batchRows });
  const importMs = performance.now() - t0;
  clearInterval(sample);
  const copyMs = await rawCopy(database);
  const result = {
    backend: database.kind,
    readers: r.readers,
    ...(region ? { region, outside: r.outside } : {}),
    rows,
    fileMB: Math.round(statSync(file).size / 1e6),
    importSeconds: +(importMs / 1000).toFixed(1),
    rowsPerSecond: Math.round(rows / (importMs / 1000)),
    peakRssMB: Math.round(peak / 1e6),
    rssBeforeImportMB: Math.round(rssBefore / 1e6),
    rawCopySeconds: +(copyMs / 1000).toFixed(1),
    ratioToRawCopy: +(importMs / copyMs).toFixed(2),
    inserted: r.counts.inserted,
    rejected: r.counts.rejected,
    // a first load merged batch by batch during the read (PostgreSQL, a dated file name)
    mergedAsRead: r.mergedAsRead,
  };
  console.log(JSON.stringify(result));
  await database.close();
  rmSync(tmp, { recursive: true, force: true });
  if (!process.argv.includes('--keep-file') && arg('file') === undefined) rmSync(file, { force: true });
}

await main();
