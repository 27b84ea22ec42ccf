// The daily reminder: each morning every active user who owns open tasks past their due date, or
// physician issues open more than 30 days (managers: also such issues nobody owns), gets one
// notification saying how many and naming the oldest (core/notifications.ts overdueReminder). One per
// user per day, whichever process writes it (notifications_reminder_key). It then reaches e-mail like
// any notification. The same daily job removes read notifications older than KEEP_READ_DAYS.
import { type Kysely, sql } from 'kysely';
import type { Config } from '../config';
import { ISSUE_REMINDER_DAYS, overdueReminder } from '../core/notifications';
import type { Database } from '../db/connection';
import type { DB } from '../db/schema';
import { notificationRow, pruneReadNotifications } from './notifications';
import { repeat } from './repeat';

type Counted = { owner_id: number; n: string; oldest: string[] };

/** Writes today's reminders (`day` is YYYY-MM-DD, the server's date); returns how many were new. */
export async function writeReminders(db: Kysely<DB>, day: string): Promise<number> {
  const tasks = await sql<Counted>`
    select owner_id, count(*) as n, (array_agg(title order by due_on, id))[1:3] as oldest
    from tasks
    where deleted_at is null and status in ('open', 'in_progress') and due_on < ${day}::date and owner_id is not null
    group by owner_id`.execute(db);
  const issues = await sql<Counted>`
    select owner_id, count(*) as n, (array_agg(title order by opened_on, id))[1:3] as oldest
    from physician_issues
    where deleted_at is null and status in ('open', 'in_progress')
      and opened_on < ${day}::date - ${ISSUE_REMINDER_DAYS}::int and owner_id is not null
    group by owner_id`.execute(db);
  // old issues nobody owns reach every manager (they would reach no one otherwise)
  const orphans = await sql<{ n: string; oldest: string[] | null }>`
    select count(*) as n, (array_agg(title order by opened_on, id))[1:3] as oldest
    from physician_issues
    where deleted_at is null and status in ('open', 'in_progress')
      and opened_on < ${day}::date - ${ISSUE_REMINDER_DAYS}::int and owner_id is null`.execute(db);
  const orphan = { count: Number(orphans.rows[0]?.n ?? 0), oldest: orphans.rows[0]?.oldest ?? [] };
  type Late = { tasks?: Counted; issues?: Counted; unowned?: typeof orphan };
  const byUser = new Map<number, Late>();
  const add = (userId: number, part: Late) => byUser.set(userId, { ...byUser.get(userId), ...part });
  for (const t of tasks.rows) add(Number(t.owner_id), { tasks: t });
  for (const i of issues.rows) add(Number(i.owner_id), { issues: i });
  if (orphan.count)
    for (const m of await db.selectFrom('users').select('id').where('role', '=', 'manager').execute())
      add(Number(m.id), { unowned: orphan });
  if (!byUser.size) return 0;
  const active = new Set(
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('disabled', '=', false)
        .where('id', 'in', [...byUser.keys()])
        .execute()
    ).map((u) => Number(u.id)),
  );
  let written = 0;
  for (const [userId, c] of byUser) {
    if (!active.has(userId)) continue;
    const n = overdueReminder(
      day,
      { count: Number(c.tasks?.n ?? 0), oldest: c.tasks?.oldest ?? [] },
      { count: Number(c.issues?.n ?? 0), oldest: c.issues?.oldest ?? [] },
      c.unowned,
    );
    if (!n) continue;
    const r = await db
      .insertInto('notifications')
      .values(notificationRow(userId, null, n))
      .onConflict((oc) => oc.columns(['user_id', 'entity_id']).where('entity', '=', 'reminder').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (r) written++;
  }
  return written;
}

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Inside `rounds serve`: from an hour before the digest hour, write the day's reminders (checked every 10 min). */
export function startReminders(
  database: Database,
  config: Config,
  log: { error: (o: object, m: string) => void },
  checkEveryMs = 10 * 60_000,
): () => void {
  const hour = Math.max(0, config.MAIL_DIGEST_HOUR - 1);
  let done = '';
  return repeat(
    async () => {
      const now = new Date();
      const day = localDay(now);
      if (done === day || now.getHours() < hour) return;
      try {
        await writeReminders(database.db, day);
        await pruneReadNotifications(database.db, now);
        done = day;
      } catch (e) {
        log.error({ err: e }, 'daily reminders failed');
      }
    },
    { firstMs: 60_000, everyMs: checkEveryMs },
  );
}
