// The per-job staging tables an NPPES import COPYs into before the set-based merge: the rows, and
// their taxonomy slots and other names as child rows (plain columns, so the merge inserts them
// with a join instead of unpacking JSON). Unlogged and index-free for load speed; named after the
// job so an interrupted run's leftovers never mix in.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema';
import { NAME_STAGE_COLUMNS, STAGE_COLUMNS, TAXONOMY_STAGE_COLUMNS } from './stageColumns';

const TYPES: Record<string, string> = {
  line: 'int',
  entity: 'smallint',
  slot: 'smallint',
  enumeration_date: 'date',
  last_update_date: 'date',
  certification_date: 'date',
  deactivation_date: 'date',
  reactivation_date: 'date',
  is_sole_proprietor: 'boolean',
  is_primary: 'boolean',
  lat: 'double precision',
  lon: 'double precision',
};

export type StageTables = { rows: string; taxonomies: string; names: string };
export const stageTables = (jobId: number): StageTables => ({
  rows: `stage_nppes_${jobId}`,
  taxonomies: `stage_nppes_tax_${jobId}`,
  names: `stage_nppes_name_${jobId}`,
});
export const STAGE_COPY_COLUMNS = [...STAGE_COLUMNS, 'in_market', 'taxonomy_codes'];

const columns = (cols: readonly string[]) => cols.map((c) => `${c} ${TYPES[c] ?? 'text'}`).join(', ');

/** lineIndexes: for a merge batch by batch during the read, which reads the stage by line range. */
export async function createStage(db: Kysely<DB>, jobId: number, opts: { lineIndexes?: boolean } = {}) {
  const t = stageTables(jobId);
  await sql
    .raw(
      `create unlogged table ${t.rows} (${columns(STAGE_COLUMNS)}, in_market boolean not null default true,
        taxonomy_codes text[], action text)`,
    )
    .execute(db);
  await sql.raw(`create unlogged table ${t.taxonomies} (${columns(TAXONOMY_STAGE_COLUMNS)})`).execute(db);
  await sql.raw(`create unlogged table ${t.names} (${columns(NAME_STAGE_COLUMNS)})`).execute(db);
  if (opts.lineIndexes)
    for (const table of [t.rows, t.taxonomies, t.names])
      await sql.raw(`create index on ${table} (line)`).execute(db);
}

export async function truncateStage(db: Kysely<DB>, jobId: number) {
  const t = stageTables(jobId);
  await sql.raw(`truncate ${t.rows}, ${t.taxonomies}, ${t.names}`).execute(db);
}

export async function dropStage(db: Kysely<DB>, jobId: number) {
  const t = stageTables(jobId);
  await sql.raw(`drop table if exists ${t.rows}, ${t.taxonomies}, ${t.names}`).execute(db);
}

/** Drops staging tables of jobs that are no longer running (left by a killed process). */
export async function dropStaleStages(db: Kysely<DB>) {
  const res = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = current_schema() and c.relname ~ '^stage_[a-z_]+_[0-9]+$'
      and not exists (select 1 from import_jobs j where j.status = 'running'
                      and j.id = substring(c.relname from '([0-9]+)$')::bigint)`.execute(db);
  for (const r of res.rows) await sql.raw(`drop table if exists "${r.name}"`).execute(db);
}
