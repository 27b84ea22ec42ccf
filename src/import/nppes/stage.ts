// The per-job staging table an NPPES import COPYs into before the set-based merge. Unlogged and
// index-free for load speed; named after the job so an interrupted run's leftovers never mix in.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema';
import { STAGE_COLUMNS } from './row';

const TYPES: Partial<Record<(typeof STAGE_COLUMNS)[number], string>> = {
  line: 'int',
  entity: 'smallint',
  enumeration_date: 'date',
  last_update_date: 'date',
  certification_date: 'date',
  deactivation_date: 'date',
  reactivation_date: 'date',
  is_sole_proprietor: 'boolean',
  lat: 'double precision',
  lon: 'double precision',
  taxonomies: 'jsonb',
  other_names: 'jsonb',
};

export const stageTableName = (jobId: number) => `stage_nppes_${jobId}`;
export const STAGE_COPY_COLUMNS = [...STAGE_COLUMNS, 'in_market'];

export async function createStage(db: Kysely<DB>, jobId: number) {
  const cols = STAGE_COLUMNS.map((c) => `${c} ${TYPES[c] ?? 'text'}`).join(', ');
  await sql
    .raw(
      `create unlogged table ${stageTableName(jobId)} (${cols}, in_market boolean not null default true, action text)`,
    )
    .execute(db);
}

export async function dropStage(db: Kysely<DB>, jobId: number) {
  await sql.raw(`drop table if exists ${stageTableName(jobId)}`).execute(db);
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
