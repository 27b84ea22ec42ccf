// npm run bench:referrals:queries — re-times the referral queries on the database that
// `npm run bench:referrals` loaded (rounds_bench_referrals), without reloading it. Prints a table.
import { sql } from 'kysely';
import { connectDatabase } from '../../src/db/connection';
import { measureQueries, pct } from './queries';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(ADMIN_URL);
url.pathname = '/rounds_bench_referrals';
const database = await connectDatabase({ databaseUrl: url.toString(), poolSize: 4 });
const count = async (table: string) =>
  Number(
    (await sql<{ n: number }>`select count(*)::bigint as n from ${sql.table(table)}`.execute(database.db))
      .rows[0]!.n,
  );
const [referrers, rollup] = [await count('providers'), await count('referral_monthly')];
const { baseMs, shareMs, cteMs } = await measureQueries(
  database.db,
  referrers,
  Number(process.env.BENCH_ROUNDS ?? 5),
);
await database.close();
const ms = (xs: number[], p: number) => `${pct(xs, p).toFixed(0)} ms`;
console.log(
  `rounds_bench_referrals: ${referrers.toLocaleString()} referrers, rollup ${rollup.toLocaleString()} rows`,
);
console.log('| measure | p50 | p95 | target |\n|---|---|---|---|');
console.log(
  `| referral base (24 months), ${baseMs.length} referrers | ${ms(baseMs, 50)} | ${ms(baseMs, 95)} | p95 ≤ 100 ms |`,
);
console.log(
  `| market share by county, 12 months, ${shareMs.length} runs | ${ms(shareMs, 50)} | ${ms(shareMs, 95)} | ≤ 500 ms |`,
);
console.log(
  `| baseline: same view through the org_net CTE (before) | ${ms(cteMs, 50)} | ${ms(cteMs, 95)} | — |`,
);
console.log(`median ratio now / before: ${(pct(shareMs, 50) / pct(cteMs, 50)).toFixed(2)}`);
