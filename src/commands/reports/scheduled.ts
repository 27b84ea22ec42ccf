// Stored monthly reports: one PDF per liaison and one for the team, kept in scheduled_reports for
// download. `rounds reports run --month YYYY-MM` and the serve job both call runMonthlyReports; the job
// runs early each month for the month before, and with several server processes on one PostgreSQL an
// advisory lock lets exactly one of them claim each month.
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../../db/audit';
import { getSetting, putSetting } from '../../db/queries/settings';
import type { DB } from '../../db/schema';
import { monthlyReportPdf } from './monthlyPdf';

const LOCK_KEY = 7310090;

export async function runMonthlyReports(
  db: Kysely<DB>,
  month: string,
  opts: {
    trigger: 'manual' | 'schedule';
    actorId?: number | null;
    actorLabel: string;
    onProgress?: (done: number, total: number) => void;
  },
) {
  const liaisons = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', '=', 'liaison')
    .where('disabled', '=', false)
    .orderBy('name')
    .execute();
  const targets: (number | null)[] = [...liaisons.map((l) => l.id), null];
  const stored: { id: number; kind: string; userId: number | null; fileName: string; size: number }[] = [];
  for (const [i, userId] of targets.entries()) {
    const pdf = await monthlyReportPdf(db, { month, liaisonId: userId });
    const row = {
      kind: userId === null ? ('team_monthly' as const) : ('liaison_monthly' as const),
      month,
      user_id: userId,
      format: 'pdf' as const,
      file_name: pdf.fileName,
      bytes: pdf.bytes,
      size: pdf.bytes.length,
      sha256: createHash('sha256').update(pdf.bytes).digest('hex'),
      data_date: pdf.dataDate,
      trigger: opts.trigger,
      created_by: opts.actorId ?? null,
    };
    const saved = await db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('scheduled_reports')
        .where('kind', '=', row.kind)
        .where('month', '=', month)
        .where('format', '=', 'pdf')
        .where(userId === null ? sql<boolean>`user_id is null` : sql<boolean>`user_id = ${userId}`)
        .execute();
      const r = await trx
        .insertInto('scheduled_reports')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorUserId: opts.actorId ?? null,
        actorLabel: opts.actorLabel,
        action: 'create',
        entity: 'scheduled_report',
        entityId: r.id,
        detail: { kind: row.kind, month, userId, bytes: row.size, trigger: opts.trigger },
      });
      return r;
    });
    stored.push({ id: saved.id, kind: row.kind, userId, fileName: row.file_name, size: row.size });
    opts.onProgress?.(i + 1, targets.length);
  }
  return stored;
}

export async function listScheduledReports(db: Kysely<DB>, viewer: { id: number | null; role: string }) {
  let q = db
    .selectFrom('scheduled_reports as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.kind',
      'r.month',
      'r.user_id',
      'u.name as user_name',
      'r.format',
      'r.file_name',
      'r.size',
      'r.sha256',
      'r.data_date',
      'r.trigger',
      'r.created_at',
    ]);
  if (viewer.role === 'liaison') q = q.where('r.user_id', '=', viewer.id ?? -1);
  return q.orderBy('r.month', 'desc').orderBy('r.kind').orderBy('u.name').limit(500).execute();
}

export async function getScheduledReport(
  db: Kysely<DB>,
  id: number,
  viewer: { id: number | null; role: string },
) {
  const r = await db.selectFrom('scheduled_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  if (viewer.role === 'liaison' && r.user_id !== viewer.id) return null;
  return r;
}

export const previousMonth = (d = new Date()) => {
  const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return x.toISOString().slice(0, 7);
};

/** Claims a month's scheduled run if nobody has (under the advisory lock); true = this process runs it. */
export async function claimScheduledMonth(db: Kysely<DB>, month: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const key = `reports.scheduled.${month}`;
    const claim = await getSetting<{ at: string }>(trx, key);
    // a claim older than two hours without its reports is a crashed run: take it over
    if (claim && Date.now() - Date.parse(claim.at) < 2 * 3600_000) return false;
    const done = await trx
      .selectFrom('scheduled_reports')
      .select('id')
      .where('month', '=', month)
      .where('trigger', '=', 'schedule')
      .where('kind', '=', 'team_monthly')
      .executeTakeFirst();
    if (done) return false;
    await putSetting(trx, key, { at: new Date().toISOString(), pid: process.pid });
    return true;
  });
}

/** The serve job: checks every 30 minutes whether last month's reports exist; ROUNDS_REPORT_SCHEDULE=off disables it. */
export function startReportScheduler(
  db: Kysely<DB>,
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
  everyMs = 30 * 60_000,
) {
  if (process.env.ROUNDS_REPORT_SCHEDULE === 'off' || process.env.VITEST) return () => {};
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const month = previousMonth();
      const hasData = await db.selectFrom('activities').select('id').limit(1).executeTakeFirst();
      if (!hasData || !(await claimScheduledMonth(db, month))) return;
      const stored = await runMonthlyReports(db, month, {
        trigger: 'schedule',
        actorLabel: 'report-scheduler',
      });
      log.info({ month, reports: stored.length }, 'scheduled monthly reports stored');
    } catch (e) {
      log.error({ err: e }, 'scheduled monthly reports failed');
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
