// Network benchmark on PostgreSQL: the influence job on a synthetic market (time per phase, peak
// memory) and p95 latency of ego networks and target lists.
//   tsx bench/network/run.ts [--providers 1000000] [--edges 20000000] [--samples 16] [--queries 100]
//        [--zips 4] [--referrer-share 0.1] [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--keep]
// Creates (and afterwards drops, unless --keep) a database `rounds_bench_network`.
// --measure-only: reuse a kept database (its last network job) and measure the queries only.
import pg from 'pg';
import { computeNetwork } from '../../src/commands/network/computeNetwork';
import { listTargets } from '../../src/commands/network/targets';
import { getEgoNetwork } from '../../src/commands/network/views';
import { connectDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';
import { generateMarket, lastJob, liaisonWithTerritory } from './synthetic';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const providers = Number(arg('providers', '1000000'));
const edges = Number(arg('edges', '20000000'));
const samples = Number(arg('samples', '16'));
const queries = Number(arg('queries', '100'));
const zips = Number(arg('zips', '4'));
const referrerShare = Number(arg('referrer-share', '0.1'));
const adminUrl = arg(
  'database-url',
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const name = 'rounds_bench_network';
const log = (s: string) => process.stderr.write(`[bench:network] ${s}\n`);
const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
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

const measureOnly = process.argv.includes('--measure-only');
if (!measureOnly) {
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
}
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await connectDatabase({ databaseUrl: url.toString(), poolSize: 2 });
try {
  await migrateToLatest(database.db);
  const g0 = performance.now();
  if (!measureOnly) {
    log(`generating ${providers} providers, ${edges} links (synthetic)`);
    await generateMarket(database.db, { providers, edges, referrerShare }, log);
  }
  const generateS = (performance.now() - g0) / 1000;
  const rssBefore = process.memoryUsage().rss;
  let lastPhase = '';
  const job = measureOnly
    ? await lastJob(database.db)
    : await computeNetwork(database, {
        trigger: 'bench',
        startedBy: 'bench',
        samples,
        exactUpTo: 2000,
        onProgress: (phase) => {
          if (phase === lastPhase) return;
          lastPhase = phase;
          log(`job phase: ${phase}`);
        },
      });
  log(`job ${job.duration_ms} ms, peak RSS ${job.peak_rss_mb} MB`);
  const ids = await database.db.selectFrom('provider_influence').select('npi').orderBy('npi').execute();
  const pick = Array.from(
    { length: queries },
    (_, i) => ids[Math.floor(((i * 7919) % queries) * (ids.length / queries))]!.npi,
  );
  const time = async (fn: () => Promise<unknown>) => {
    const s = performance.now();
    await fn();
    return performance.now() - s;
  };
  const ego1: number[] = [];
  const ego2: number[] = [];
  for (const npi of pick) {
    ego1.push(await time(() => getEgoNetwork(database.db, npi, 1)));
    ego2.push(await time(() => getEgoNetwork(database.db, npi, 2)));
  }
  const liaison = await liaisonWithTerritory(database.db, zips, measureOnly);
  const tl: number[] = [];
  let pool = 0;
  for (let i = 0; i < Math.min(queries, 50); i++)
    tl.push(
      await time(async () => {
        pool = (await listTargets(database.db, { liaisonUserId: liaison, limit: 50 })).poolSize;
      }),
    );
  const result = {
    providers,
    edgesRequested: edges,
    nodes: job.nodes,
    edges: job.edges,
    generateSeconds: +generateS.toFixed(1),
    jobMs: job.duration_ms,
    phasesMs: job.phases,
    peakRssMb: job.peak_rss_mb,
    rssBeforeJobMb: Math.round(rssBefore / 2 ** 20),
    pagerankIterations: job.pagerank_iterations,
    betweenness: { sources: job.betweenness_sources, exact: job.betweenness_exact },
    communities: job.communities,
    modularity: +job.modularity.toFixed(4),
    ego: {
      depth1: { p50: +p(ego1, 0.5).toFixed(1), p95: +p(ego1, 0.95).toFixed(1) },
      depth2: { p50: +p(ego2, 0.5).toFixed(1), p95: +p(ego2, 0.95).toFixed(1) },
      queries: pick.length,
    },
    targetList: { p50: +p(tl, 0.5).toFixed(1), p95: +p(tl, 0.95).toFixed(1), pool, queries: tl.length },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await database.close();
  if (!process.argv.includes('--keep') && !measureOnly)
    await admin(`drop database if exists ${name} with (force)`);
}
