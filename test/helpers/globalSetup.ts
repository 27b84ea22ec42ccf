// Drops the PostgreSQL databases the test run created (templates and any a crashed test left).
import pg from 'pg';

export async function teardown() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(`select datname from pg_database where datname like 'rounds_t%'`);
  for (const r of rows) await c.query(`drop database if exists ${r.datname} with (force)`).catch(() => {});
  await c.end();
}
