// Import jobs: one import_jobs row per run with counts, capped row-level errors and the data date.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { notify } from '../commands/notifications';
import { importEnded } from '../core/notifications';
import { DATA_DOMAINS, notifyChanged } from '../db/changes';
import type { DB } from '../db/schema';

export type RowError = { line: number; field: string; reason: string };
export const MAX_STORED_ERRORS = 1000;

export type JobCounts = {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  rejected: number;
};
export const zeroCounts = (): JobCounts => ({
  read: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  deactivated: 0,
  rejected: 0,
});

/** Collects row errors, keeping the first MAX_STORED_ERRORS and counting the rest. */
export class RowErrors {
  readonly items: RowError[] = [];
  total = 0;
  add(line: number, field: string, reason: string) {
    this.total++;
    if (this.items.length < MAX_STORED_ERRORS) this.items.push({ line, field, reason });
  }
  addAll(errs: RowError[]) {
    for (const e of errs) this.add(e.line, e.field, e.reason);
  }
  summary(): string | null {
    if (this.total === 0) return null;
    return this.total > this.items.length
      ? `${this.total} row problems; the first ${this.items.length} are listed`
      : `${this.total} row problem${this.total === 1 ? '' : 's'}`;
  }
}

export async function startJob(db: Kysely<DB>, kind: string, fileName: string, startedBy: string | null) {
  const row = await db
    .insertInto('import_jobs')
    .values({ kind, file_name: fileName, started_by: startedBy })
    .returning(['id', 'started_at'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function finishJob(
  db: Kysely<DB>,
  jobId: number,
  counts: JobCounts,
  errors: RowErrors,
  dataDate: string | null,
  note?: string,
) {
  await db
    .updateTable('import_jobs')
    .set({
      status: 'succeeded',
      finished_at: sql`now()`,
      rows_read: counts.read,
      rows_inserted: counts.inserted,
      rows_updated: counts.updated,
      rows_unchanged: counts.unchanged,
      rows_deactivated: counts.deactivated,
      rows_rejected: counts.rejected,
      errors: JSON.stringify(errors.items),
      message: [note, errors.summary()].filter(Boolean).join('; ') || null,
      data_date: dataDate,
    })
    .where('id', '=', jobId)
    .execute();
  // Whatever the import loaded is visible now: cached answers everywhere are stale.
  await notifyChanged(db, DATA_DOMAINS);
  await tellStarter(db, jobId);
}

/**
 * Tells the administrator who started an import (from the Admin pages: started_by is their e-mail)
 * that it ended; imports run for minutes and they may have left the page. CLI and demo runs name no user.
 */
async function tellStarter(db: Kysely<DB>, jobId: number) {
  const job = await getJob(db, jobId);
  if (!job?.started_by || job.status === 'running') return;
  const user = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', job.started_by!.toLowerCase()))
    .where('role', '=', 'admin')
    .executeTakeFirst();
  if (!user) return;
  await notify(
    db,
    user.id,
    null,
    importEnded({
      id: Number(job.id),
      fileName: job.file_name,
      status: job.status,
      read: job.rows_read,
      inserted: job.rows_inserted,
      updated: job.rows_updated,
      rejected: job.rows_rejected,
      message: job.message,
    }),
  );
}

export async function failJob(db: Kysely<DB>, jobId: number, message: string, counts?: JobCounts) {
  await db
    .updateTable('import_jobs')
    .set({
      status: 'failed',
      finished_at: sql`now()`,
      message: message.slice(0, 2000),
      ...(counts ? { rows_read: counts.read, rows_rejected: counts.rejected } : {}),
    })
    .where('id', '=', jobId)
    .execute()
    .then(() => tellStarter(db, jobId))
    .catch(() => {});
}

/** Jobs left 'running' by a killed process are marked failed so they never count as a previous import. */
export async function closeAbandonedJobs(db: Kysely<DB>, kind: string) {
  await db
    .updateTable('import_jobs')
    .set({
      status: 'failed',
      finished_at: sql`now()`,
      message: 'interrupted (the importing process stopped)',
    })
    .where('kind', '=', kind)
    .where('status', '=', 'running')
    .where('started_at', '<', sql<Date>`now() - interval '1 second'`)
    .execute();
}

export type ImportJob = Awaited<ReturnType<typeof getJob>>;
export async function getJob(db: Kysely<DB>, id: number) {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
