// Target-list latency on PostgreSQL at full market size, without the 17-minute graph job: the
// target query never reads network_edges, only providers, referral rollups and the stored
// provider_influence rows — so this builds those at full size (1M providers, 12 months of
// rollups for 10 %, one synthetic influence row per provider) and measures `listTargets` alone.
//   tsx bench/network/targets.ts [--providers 1000000] [--zips 4] [--queries 50] [--keep] [--measure-only] [--explain]
// Creates (and drops, unless --keep) the database `rounds_bench_targets`. Labelled synthetic.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { listTargets } from '../../src/commands/network/targets';
import { connectDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { generateMarket, liaisonWithTerritory } from './synthetic';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const providers = Number(arg('providers', '1000000'));
const zips = Number(arg('zips', '4'));
const queries = Number(arg('queries', '50'));
const adminUrl = arg(
  'database-url',
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const name = 'rounds_bench_targets';
const log = (s: string) => process.stderr.write(`[bench:targets] ${s}\n`);
const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!.toFixed(1);
};

async function admin(q: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

const measureOnly = flag('measure-only');
if (!measureOnly) {
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
}
const url = new URL(adminUrl);
url.pathname = `/${name}`;
// one connection: the target list's queries run one after another anyway, and with a single
// backend its CPU time can be read from /proc (same machine) next to the wall time
const database = await connectDatabase({ databaseUrl: url.toString(), poolSize: 1 });
const db = database.db;
try {
  await migrateToLatest(db);
  if (!measureOnly) {
    await generateMarket(db, { providers, edges: 0, referrerShare: 0.1 }, log);
    const t = performance.now();
    // what the influence job stores, one row per provider (synthetic values, skewed like PageRank)
    await sql`
      insert into provider_influence (npi, weighted_degree, in_strength, out_strength, pagerank, pagerank_pct,
        betweenness, community, computed_at, source)
      select npi, d, d / 2, d / 2, pr, percent_rank() over (order by pr), 0, (npi::bigint % 1000)::int, now(), 'synthetic'
      from (select npi, 20 + random() * 200 as d, power(random(), 4) / ${providers} as pr from providers) x`.execute(
      db,
    );
    // as replaceInfluence does after a job's COPY
    await sql`vacuum (analyze) provider_influence`.execute(db);
    log(`provider_influence: ${providers} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const liaison = await liaisonWithTerritory(db, zips, measureOnly);
  const backend = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;
  // utime + stime of the PostgreSQL backend, in ms (clock ticks of 10 ms)
  const backendCpu = () => {
    try {
      const f = readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      return Number.NaN; // PostgreSQL on another machine
    }
  };
  const times: number[] = [];
  const cpu: number[] = [];
  const nodeCpu: number[] = [];
  const loads: number[] = [];
  let pool = 0;
  for (let i = 0; i < queries; i++) {
    const s = performance.now();
    const c0 = process.cpuUsage();
    const b0 = backendCpu();
    pool = (await listTargets(db, { liaisonUserId: liaison, limit: 50 })).poolSize;
    times.push(performance.now() - s);
    const c = process.cpuUsage(c0);
    nodeCpu.push((c.user + c.system) / 1000);
    cpu.push(nodeCpu[i]! + (backendCpu() - b0));
    loads.push(loadavg()[0]!);
  }
  const result = {
    providers,
    zips,
    pool,
    queries,
    wallMs: { p50: p(times, 0.5), p95: p(times, 0.95), max: p(times, 1) },
    // CPU actually spent (Node + the PostgreSQL backend): what the wall time would approach on an
    // idle machine; on this shared 2-core VM the difference is time spent waiting for a core
    cpuMs: { p50: p(cpu, 0.5), p95: p(cpu, 0.95), nodeP50: p(nodeCpu, 0.5) },
    loadAvg1m: { min: +Math.min(...loads).toFixed(1), max: +Math.max(...loads).toFixed(1) },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await database.close();
  if (!flag('keep') && !measureOnly) await admin(`drop database if exists ${name} with (force)`);
}
