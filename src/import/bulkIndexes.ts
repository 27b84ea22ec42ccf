// Bulk-load helper: when a merge is about to insert a large share of a table, dropping its
// secondary indexes and rebuilding them afterwards (one sort per index) is several times faster
// than maintaining them row by row — GIN trigram indexes above all. A primary key no foreign key
// depends on is dropped and re-added the same way (provider_taxonomies': 1.8 M random inserts into
// its b-tree). Runs inside the caller's transaction, so the drop/rebuild is atomic and a killed
// import leaves the indexes and keys as they were.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: works on any schema (migrations run before DB types exist)
type AnyDb = Kysely<any>;

type Rebuild = { name: string; drop: string; create: string };

async function deferrable(tx: AnyDb, tables: string[]): Promise<Rebuild[]> {
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    join pg_class c on c.relname = i.indexname
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = current_schema() and i.tablename = any(${tables}::text[])
      and not x.indisprimary and not x.indisunique`.execute(tx);
  const keys = await sql<{ tab: string; conname: string; def: string }>`
    select t.relname as tab, k.conname, pg_get_constraintdef(k.oid) as def
    from pg_constraint k join pg_class t on t.oid = k.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and t.relname = any(${tables}::text[]) and k.contype = 'p'
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = k.conrelid)`.execute(
    tx,
  );
  return [
    ...keys.rows.map((k) => ({
      name: k.conname,
      drop: `alter table "${k.tab}" drop constraint "${k.conname}"`,
      create: `alter table "${k.tab}" add constraint "${k.conname}" ${k.def}`,
    })),
    ...indexes.rows.map((r) => ({
      name: r.indexname,
      drop: `drop index "${r.indexname}"`,
      create: r.indexdef,
    })),
  ];
}

/** Drops the tables' secondary indexes (and FK-free primary keys); returns what rebuilds them. */
export async function dropSecondaryIndexes(tx: AnyDb, tables: string[]): Promise<() => Promise<void>> {
  const rebuilds = await deferrable(tx, tables);
  for (const r of rebuilds) await sql.raw(r.drop).execute(tx);
  return async () => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
    for (const r of rebuilds) {
      const t = performance.now();
      await sql.raw(r.create).execute(tx);
      // ROUNDS_IMPORT_TIMING=1: each rebuild's time on stderr, like the merge statements
      if (process.env.ROUNDS_IMPORT_TIMING)
        process.stderr.write(`${(performance.now() - t).toFixed(0).padStart(7)} ms  rebuild ${r.name}\n`);
    }
  };
}

export async function withSecondaryIndexesDeferred<T>(
  tx: AnyDb,
  tables: string[],
  enabled: boolean,
  fn: () => Promise<T>,
): Promise<T> {
  if (!enabled) return fn();
  const rebuild = await dropSecondaryIndexes(tx, tables);
  const out = await fn();
  await rebuild();
  return out;
}
