// DATABASE_URL=… npx tsx bench/search/explain.ts [--at 2,8,14]
// Prints the statements one search of each bench kind runs (bench/search/mix.ts) with their
// EXPLAIN (ANALYZE, BUFFERS) plans, on DATABASE_URL (PostgreSQL). For finding what a kind spends.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { findProviders } from '../../src/commands/directory/providerSearch';
import { migrateToLatest } from '../../src/db/migrate';
import type { DB } from '../../src/db/schema';
import { KINDS, mix } from './mix';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL to the bench database (PostgreSQL)');
const i = process.argv.indexOf('--at');
// which searches of the mix (its i-th query; default one of each kind)
const at = i >= 0 ? process.argv[i + 1]!.split(',').map(Number) : KINDS.map((_, k) => k);
const pool = new pg.Pool({ connectionString: url, max: 1 });
const seen: { sql: string; params: readonly unknown[] }[] = [];
const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool }),
  log: (e) => {
    if (e.level === 'query') seen.push({ sql: e.query.sql, params: e.query.parameters });
  },
});
await migrateToLatest(db);
for (const k of at) {
  await findProviders(db, mix(k)); // warm
  seen.length = 0;
  const t = performance.now();
  await findProviders(db, mix(k));
  const ms = performance.now() - t;
  console.log(
    `\n=== ${KINDS[k % KINDS.length]} ${JSON.stringify(mix(k))}: ${ms.toFixed(1)} ms, ${seen.length} statements`,
  );
  for (const s of [...seen]) {
    if (!/^\s*(with|select)/i.test(s.sql) || /set_config|version\(\)/.test(s.sql)) {
      console.log(`-- ${s.sql.slice(0, 80).replace(/\s+/g, ' ')}`);
      continue;
    }
    const plan = await pool.query(`explain (analyze, buffers) ${s.sql}`, s.params as unknown[]);
    console.log(`-- ${s.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
}
await db.destroy();
