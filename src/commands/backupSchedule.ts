// Scheduled backups inside `rounds serve`: every BACKUP_INTERVAL_HOURS, into BACKUP_DIR (default
// DATA_DIR/backups), keeping the newest BACKUP_KEEP files. With several server processes on one
// PostgreSQL, a transaction-scoped advisory lock decides which process takes each backup: the
// claim (a 'running' row in backup_runs) is made under the lock, the dump runs after it.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import { backupDatabase } from './backup';
import { repeat } from './repeat';

const LOCK_KEY = 7310002;
const FILE_RE = /^rounds-\d{8}T\d{6}Z\.(dump|tar\.gz)$/;

export const backupDir = (config: Config) =>
  path.resolve(config.BACKUP_DIR ?? path.join(config.dataDir, 'backups'));

export function backupFileName(kind: Database['kind'], at = new Date()) {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `rounds-${stamp}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`;
}

/** Claim the next scheduled backup if one is due; returns the run id or null (not due / another process has it). */
export async function claimScheduledBackup(database: Database, intervalHours: number, fileName: string) {
  return database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const recent = await trx
      .selectFrom('backup_runs')
      .select('id')
      .where('trigger', '=', 'schedule')
      .where((eb) =>
        eb.or([
          eb('status', '=', 'succeeded').and(
            'started_at',
            '>',
            sql<Date>`now() - make_interval(secs => ${intervalHours * 3600 - 60})`,
          ),
          // a run that started recently and has not finished is still being written by someone
          eb('status', '=', 'running').and('started_at', '>', sql<Date>`now() - interval '2 hours'`),
        ]),
      )
      .executeTakeFirst();
    if (recent) return null;
    const row = await trx
      .insertInto('backup_runs')
      .values({ trigger: 'schedule', file_name: fileName })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** Take one backup now, recording it in backup_runs, then prune old files. */
export async function runBackup(
  database: Database,
  config: Config,
  opts: { trigger: 'schedule' | 'api' | 'cli'; runId?: number; fileName?: string; actor?: string },
) {
  const dir = backupDir(config);
  const fileName = opts.fileName ?? backupFileName(database.kind);
  const id =
    opts.runId ??
    (
      await database.db
        .insertInto('backup_runs')
        .values({ trigger: opts.trigger, file_name: fileName })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  try {
    const r = await backupDatabase(database, path.join(dir, fileName), {
      databaseUrl: config.DATABASE_URL,
      actor: opts.actor ?? `backup:${opts.trigger}`,
      trigger: opts.trigger,
    });
    await database.db
      .updateTable('backup_runs')
      .set({ status: 'succeeded', finished_at: new Date(), bytes: r.bytes, audit_head: r.auditHead })
      .where('id', '=', id)
      .execute();
    const pruned = await pruneBackups(dir, config.BACKUP_KEEP);
    return { id, ...r, pruned };
  } catch (e) {
    await database.db
      .updateTable('backup_runs')
      .set({ status: 'failed', finished_at: new Date(), message: (e as Error).message.slice(0, 1000) })
      .where('id', '=', id)
      .execute()
      .catch(() => {});
    throw e;
  }
}

/** Delete all but the newest `keep` Rounds backup files in `dir` (names sort by time). */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => FILE_RE.test(f)).sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) await rm(path.join(dir, f), { force: true });
  return old;
}

/** Start the schedule (no-op when BACKUP_INTERVAL_HOURS is 0). Returns a stop function. */
export function startBackupScheduler(
  database: Database,
  config: Config,
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
  checkEveryMs = 5 * 60_000,
): () => void {
  if (!(config.BACKUP_INTERVAL_HOURS > 0)) return () => {};
  return repeat(
    async () => {
      try {
        const fileName = backupFileName(database.kind);
        const runId = await claimScheduledBackup(database, config.BACKUP_INTERVAL_HOURS, fileName);
        if (runId === null) return;
        const r = await runBackup(database, config, { trigger: 'schedule', runId, fileName });
        log.info(
          { file: r.file, bytes: r.bytes, auditHead: r.auditHead, pruned: r.pruned.length },
          'scheduled backup written',
        );
      } catch (e) {
        log.error({ err: e }, 'scheduled backup failed');
      }
    },
    { firstMs: Math.min(checkEveryMs, 30_000), everyMs: checkEveryMs },
  );
}
