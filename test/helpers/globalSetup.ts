// Drops the PostgreSQL databases test runs created (templates and any a crashed test left) — but only
// those whose creating process is gone, so two test runs on one machine do not drop each other's.
import pg from 'pg';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function teardown() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // Only the names test/helpers/db.ts makes (rounds_t_<pid>_<hex>, rounds_tpl_<pid>_<hex>), and only
  // those of processes that are gone: `like 'rounds_t%'` also matched other people's databases
  // (rounds_team…, rounds_test…) since `_` is a wildcard there.
  const { rows } = await c.query(
    `select datname from pg_database where datname ~ '^rounds_t(pl)?_[0-9]+_[0-9a-f]+$'`,
  );
  for (const r of rows) {
    const pid = Number(/^rounds_t(?:pl)?_(\d+)_[0-9a-f]+$/.exec(r.datname)?.[1]);
    if (!pid || alive(pid)) continue;
    await c.query(`drop database if exists ${r.datname} with (force)`).catch(() => {});
  }
  await c.end();
}
