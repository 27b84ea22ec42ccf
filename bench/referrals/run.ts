// npm run bench:referrals — PostgreSQL benchmark of referral analytics.
//   BENCH_REFERRAL_ROWS (default 50 000 000) referral facts over 36 months, BENCH_REFERRERS (default
//   rows / 500), BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a database
//   rounds_bench_referrals is recreated), BENCH_IMPORT_ROWS (default 200 000: rows pushed through the
//   real CSV importer to measure its throughput), BENCH_NO_WRITE=1 to skip updating docs/benchmarks.md.
// Measures: bulk load (COPY) + rollup build, importer throughput, p50/p95 of a referral base, of the
// market-share view per service line, and the whole-market alert run.
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { runAlertDetection } from '../../src/commands/referrals/alerts';
import { monthStartDate } from '../../src/core/referrals/months';
import { connectDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { importReferralsCsv } from '../../src/import/referrals/csv';
import { rebuildRollup } from '../../src/import/referrals/stage';
import { buildMarket, FACT_COLUMNS, factChunks, LINES, npiOf, rng } from './generate';
import { measureQueries, pct } from './queries';

const ROWS = Number(process.env.BENCH_REFERRAL_ROWS ?? 50_000_000);
const REFERRERS = Number(process.env.BENCH_REFERRERS ?? Math.max(200, Math.round(ROWS / 500)));
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'rounds_bench_referrals';
const START = 2023 * 12 + 10; // 2023-11
const MONTHS = 36;
const log = (s: string) => process.stderr.write(`${s}\n`);
const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
};

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`drop database if exists ${DB_NAME} with (force)`);
await admin.query(`create database ${DB_NAME}`);
await admin.end();
const url = new URL(ADMIN_URL);
url.pathname = `/${DB_NAME}`;
const database = await connectDatabase({ databaseUrl: url.toString(), poolSize: 4 });
const db = database.db;
await migrateToLatest(db);

// directory: organizations in three systems, referrers with counties, 30 % employed/aligned
const market = buildMarket(REFERRERS, Math.max(200, Math.round(REFERRERS / 20)));
for (let i = 0; i < market.orgs.length; i += 1000)
  await db
    .insertInto('organizations')
    .values(
      market.orgs.slice(i, i + 1000).map(
        (o) =>
          ({
            npi: o.npi,
            name: o.name,
            network_status: o.status,
            county_fips: o.county,
            service_lines: o.id === 1 ? LINES : [],
          }) as never,
      ),
    )
    .execute();
await sql`update organizations o set parent_id = p.id from (values ${sql.join(market.orgs.filter((o) => o.parent).map((o) => sql`(${o.id}::bigint, ${o.parent}::bigint)`))}) as p(id, parent) where o.id = p.id and o.id <> p.parent`
  .execute(db)
  .catch(() => {});
const r = rng(9);
const provRows = Array.from({ length: REFERRERS }, (_, p) => ({
  npi: npiOf(p),
  last_name: `Referrer${p}`,
  county_fips: market.counties[p % market.counties.length],
  practice_zip5: String(37000 + (p % 400)).padStart(5, '0'),
}));
for (let i = 0; i < provRows.length; i += 5000)
  await db
    .insertInto('providers')
    .values(provRows.slice(i, i + 5000) as never)
    .execute();
const members = provRows
  .filter(() => r() < 0.3)
  .map((p) => ({
    provider_npi: p.npi,
    organization_id: 1 + Math.floor(r() * market.orgs.length),
    role: 'primary',
    source: 'manual',
  }));
for (let i = 0; i < members.length; i += 5000)
  await db
    .insertInto('memberships')
    .values(members.slice(i, i + 5000) as never)
    .execute();
await db
  .insertInto('import_jobs')
  .values({
    kind: 'referrals',
    file_name: 'bench',
    status: 'succeeded',
    data_date: `${monthStartDate(START + MONTHS - 1).slice(0, 7)}-28`,
  })
  .execute();
log(`directory: ${market.orgs.length} organizations, ${REFERRERS} referrers`);

// bulk load: COPY straight into referral_facts (secondary indexes built after), then the rollup
await sql`drop index referral_facts_month_idx`.execute(db);
await sql`drop index referral_facts_referrer_idx`.execute(db);
const [, copyMs] = await timed(async () => {
  const client = await database.pool.connect();
  try {
    const stream = client.query(copyFrom(`COPY referral_facts (${FACT_COLUMNS.join(', ')}) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    let written = 0;
    for (const chunk of factChunks(market, ROWS, { start: START, count: MONTHS })) {
      if (!stream.write(chunk.text)) await once(stream, 'drain');
      written += chunk.n;
      if (written % 5_000_000 < chunk.n) log(`  copied ${written.toLocaleString()} rows`);
    }
    stream.end();
    await done;
  } finally {
    client.release();
  }
});
const [, indexMs] = await timed(async () => {
  await sql`create index referral_facts_month_idx on referral_facts (source, month)`.execute(db);
  await sql`create index referral_facts_referrer_idx on referral_facts (referring_npi, month)`.execute(db);
});
const allMonths = Array.from({ length: MONTHS }, (_, i) => monthStartDate(START + i));
const [, rollupMs] = await timed(() => rebuildRollup(db, 'ehr', allMonths));
await sql`vacuum analyze`.execute(db); // index-only scans need the visibility map
const rollupRows = Number(
  (await sql<{ n: number }>`select count(*)::bigint as n from referral_monthly`.execute(db)).rows[0]!.n,
);
log(
  `loaded ${ROWS.toLocaleString()} facts in ${(copyMs / 1000).toFixed(1)} s, indexes ${(indexMs / 1000).toFixed(1)} s, rollup (${rollupRows.toLocaleString()} rows) ${(rollupMs / 1000).toFixed(1)} s`,
);

// the real importer's throughput (CSV → stage → facts + rollup), on top of the loaded table
const dir = mkdtempSync(join(tmpdir(), 'rounds-bench-ref-'));
const csvPath = join(dir, 'import.csv');
{
  const lines = ['referring_npi,receiving_npi,receiving_facility,service_line,referral_date,status,count'];
  const rr = rng(5);
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const o = market.orgs[Math.floor(rr() * market.orgs.length)]!;
    lines.push(
      `${npiOf(Math.floor(rr() * REFERRERS))},,${o.npi},${LINES[i % LINES.length]},2026-10-${String(1 + (i % 28)).padStart(2, '0')},completed,1`,
    );
  }
  writeFileSync(csvPath, `${lines.join('\n')}\n`);
}
const [imp, importMs] = await timed(() => importReferralsCsv(database, csvPath, { startedBy: 'bench' }));
rmSync(dir, { recursive: true, force: true });
log(`importer: ${imp.inserted.toLocaleString()} rows in ${(importMs / 1000).toFixed(1)} s`);

// autovacuum's job after a load, done now so the index-only scans see an up-to-date visibility map
await sql`vacuum analyze referral_monthly`.execute(db);
const { baseMs, shareMs, cteMs } = await measureQueries(db, REFERRERS);
// whole-market alert run
const [run, alertMs] = await timed(() => runAlertDetection(db, { trigger: 'bench' }));
log(`alerts: ${run?.tested} series tested, ${run?.found} alerts, ${(alertMs / 1000).toFixed(1)} s`);
await database.close();

const f = (ms: number) => `${ms.toFixed(0)} ms`;
const section = `<!-- referrals:start -->
## Referral analytics (\`npm run bench:referrals\`)

PostgreSQL 15 on this machine (2 shared cores), ${new Date().toISOString().slice(0, 10)}. Synthetic market from
\`bench/referrals/generate.ts\`: ${ROWS.toLocaleString()} referral facts over ${MONTHS} months, ${REFERRERS.toLocaleString()} referrers,
${market.orgs.length.toLocaleString()} organizations (one "ours" system, two competitors), rollup \`referral_monthly\` ${rollupRows.toLocaleString()} rows.

| measure | result | target |
|---|---|---|
| bulk load: COPY ${ROWS.toLocaleString()} facts | ${(copyMs / 1000).toFixed(1)} s (${Math.round(ROWS / (copyMs / 1000)).toLocaleString()} rows/s) | — |
| secondary indexes after the load | ${(indexMs / 1000).toFixed(1)} s | — |
| monthly rollup build (all ${MONTHS} months) | ${(rollupMs / 1000).toFixed(1)} s | — |
| real CSV importer (stage → upsert → rollup of touched months), ${IMPORT_ROWS.toLocaleString()} rows into the loaded table | ${(importMs / 1000).toFixed(1)} s (${Math.round(IMPORT_ROWS / (importMs / 1000)).toLocaleString()} rows/s) | — |
| referral base of a physician (24 months), 200 random referrers | p50 ${f(pct(baseMs, 50))}, p95 ${f(pct(baseMs, 95))} | p95 ≤ 100 ms |
| market share by county, one service line, 12 months (${shareMs.length} runs) | p50 ${f(pct(shareMs, 50))}, p95 ${f(pct(shareMs, 95))} | ≤ 500 ms |
| baseline, same run: that view through the org_net CTE (the pre-2026-11-27 query) | p50 ${f(pct(cteMs, 50))}, p95 ${f(pct(cteMs, 95))} | — |
| whole-market alert run (${run?.tested.toLocaleString()} series tested, ${run?.found.toLocaleString()} alerts) | ${(alertMs / 1000).toFixed(1)} s | report |

The bulk path (COPY into \`referral_facts\`, then \`rebuildRollup\`) is what a 50 M-row history load uses; day-to-day
files go through the importer (staging, idempotent upsert by natural key, rollup rebuild of the months touched).
Reproduce: \`BENCH_REFERRAL_ROWS=${ROWS} npm run bench:referrals\`.
<!-- referrals:end -->`;
console.log(section);
if (process.env.BENCH_NO_WRITE !== '1') {
  const path = new URL('../../docs/benchmarks.md', import.meta.url);
  let doc = '';
  try {
    doc = readFileSync(path, 'utf8');
  } catch {
    doc = '# Benchmarks\n';
  }
  doc = /<!-- referrals:start -->[\s\S]*<!-- referrals:end -->/.test(doc)
    ? doc.replace(/<!-- referrals:start -->[\s\S]*<!-- referrals:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, doc);
}
