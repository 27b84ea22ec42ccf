// Bulk-load helper: when a merge is about to insert a large share of a table, dropping its
// secondary indexes and rebuilding them afterwards (one sort per index) is several times faster
// than maintaining them row by row — GIN trigram indexes above all. Runs inside the caller's
// transaction, so the drop/rebuild is atomic and a killed import leaves the indexes as they were.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function withSecondaryIndexesDeferred<T>(
  // biome-ignore lint/suspicious/noExplicitAny: works on any schema (migrations run before DB types exist)
  tx: Kysely<any>,
  tables: string[],
  enabled: boolean,
  fn: () => Promise<T>,
): Promise<T> {
  if (!enabled) return fn();
  const res = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    join pg_class c on c.relname = i.indexname
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = current_schema() and i.tablename = any(${tables}::text[])
      and not x.indisprimary and not x.indisunique`.execute(tx);
  for (const r of res.rows) await sql.raw(`drop index "${r.indexname}"`).execute(tx);
  const out = await fn();
  await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
  for (const r of res.rows) {
    const t = performance.now();
    await sql.raw(r.indexdef).execute(tx);
    // ROUNDS_IMPORT_TIMING=1: each rebuild's time on stderr, like the merge statements
    if (process.env.ROUNDS_IMPORT_TIMING)
      process.stderr.write(`${(performance.now() - t).toFixed(0).padStart(7)} ms  rebuild ${r.indexname}\n`);
  }
  return out;
}
