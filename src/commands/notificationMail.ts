// Notifications by e-mail: each check sends every user who wants it "immediately" one message with
// what is new, and a digest to those who chose "daily" once a day (MAIL_DIGEST_HOUR, server time).
// Rows are claimed before the send (emailed_at set in one statement, so with several server processes
// each notification goes to one of them) and released with the error when the send fails, to be
// tried again up to MAX_ATTEMPTS. A crash between claim and send loses that message: at most once.
// Nothing is sent for what the user already read in the app, for a user who chose "never", or for
// notices older than a week (a server that just got SMTP_URL does not mail its backlog).
import { type Kysely, sql } from 'kysely';
import { composeMail, digestOwed, lastDigestDue, type MailItem } from '../core/notificationMail';
import type { DB } from '../db/schema';

export type OutgoingMail = { to: string; subject: string; text: string; html: string };
export type SendMail = (m: OutgoingMail) => Promise<void>;

export const MAX_ATTEMPTS = 5;
const STALE_DAYS = 7;

export type MailRun = { sent: number; notices: number; failed: number; skipped: number };

type Claimed = { id: number; title: string; detail: string; link: string; created_at: Date };

/** Marks what needs no e-mail as done: read already, the user wants none or is disabled, too old. */
async function skipUnneeded(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await sql`
    update notifications n set emailed_at = ${now}
    where n.emailed_at is null and (
      n.read_at is not null
      or n.created_at < ${new Date(now.getTime() - STALE_DAYS * 86_400_000)}
      or n.email_attempts >= ${MAX_ATTEMPTS}
      or exists (select 1 from users u where u.id = n.user_id and (u.disabled or u.email_notifications = 'off')))`.execute(
    db,
  );
  return Number(r.numAffectedRows ?? 0);
}

/** Claims a user's notifications not yet e-mailed (oldest first); another process gets none of them. */
async function claim(db: Kysely<DB>, userId: number, now: Date): Promise<Claimed[]> {
  const r = await sql<Claimed>`
    update notifications set emailed_at = ${now}
    where id in (
      select id from notifications
      where user_id = ${userId} and emailed_at is null and read_at is null
      order by id limit 50
      for update skip locked)
    returning id, title, detail, link, created_at`.execute(db);
  return r.rows.sort((a, b) => Number(a.id) - Number(b.id));
}

async function release(db: Kysely<DB>, ids: number[], error: string) {
  await db
    .updateTable('notifications')
    .set((eb) => ({
      emailed_at: null,
      email_attempts: eb('email_attempts', '+', 1),
      email_error: error.slice(0, 500),
    }))
    .where('id', 'in', ids)
    .execute();
}

const asItems = (rows: Claimed[]): MailItem[] =>
  rows.map((r) => ({ title: r.title, detail: r.detail, link: r.link, createdAt: r.created_at }));

/** One check: immediate messages, then the digests that are owed. */
export async function deliverNotificationMail(
  db: Kysely<DB>,
  send: SendMail,
  opts: { publicUrl: string; digestHour: number; now?: Date },
): Promise<MailRun> {
  const now = opts.now ?? new Date();
  const run: MailRun = { sent: 0, notices: 0, failed: 0, skipped: await skipUnneeded(db, now) };
  const waiting = await db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.email_notifications', 'u.last_digest_at'])
    .where('n.emailed_at', 'is', null)
    .where('n.read_at', 'is', null)
    .groupBy(['u.id', 'u.email', 'u.name', 'u.email_notifications', 'u.last_digest_at'])
    .execute();
  const due = lastDigestDue(now, opts.digestHour);
  for (const u of waiting) {
    const digest = u.email_notifications === 'daily';
    if (digest) {
      if (!digestOwed(now, opts.digestHour, u.last_digest_at)) continue;
      // claim this user's digest for the day (one process wins)
      const won = await db
        .updateTable('users')
        .set({ last_digest_at: now })
        .where('id', '=', u.id)
        .where((eb) => eb.or([eb('last_digest_at', 'is', null), eb('last_digest_at', '<', due)]))
        .executeTakeFirst();
      if (Number(won.numUpdatedRows) === 0) continue;
    }
    const rows = await claim(db, u.id, now);
    if (!rows.length) continue;
    const mail = composeMail(asItems(rows), {
      userName: u.name,
      publicUrl: opts.publicUrl,
      kind: digest ? 'digest' : 'immediate',
    });
    try {
      await send({ to: u.email, ...mail });
      run.sent++;
      run.notices += rows.length;
      await db
        .updateTable('notifications')
        .set({ email_error: null })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    } catch (e) {
      run.failed++;
      await release(
        db,
        rows.map((r) => r.id),
        e instanceof Error ? e.message : String(e),
      );
      if (digest)
        await db
          .updateTable('users')
          .set({ last_digest_at: u.last_digest_at })
          .where('id', '=', u.id)
          .execute();
    }
  }
  return run;
}

/** For administrators: what waits to be mailed, what is failing and why (the last error seen). */
export async function mailQueueStatus(db: Kysely<DB>) {
  const r = await sql<{ waiting: string; failing: string; last_error: string | null; gave_up: string }>`
    select
      count(*) filter (where emailed_at is null and read_at is null) as waiting,
      count(*) filter (where emailed_at is null and email_error is not null) as failing,
      count(*) filter (where emailed_at is not null and email_attempts >= ${MAX_ATTEMPTS}) as gave_up,
      (select email_error from notifications where email_error is not null order by id desc limit 1) as last_error
    from notifications`.execute(db);
  const row = r.rows[0]!;
  return {
    waiting: Number(row.waiting),
    failing: Number(row.failing),
    gaveUp: Number(row.gave_up),
    lastError: row.last_error,
  };
}

/** The SMTP server as an administrator may see it: scheme, host and port, never the password. */
export function smtpServerLabel(smtpUrl: string): string {
  const u = new URL(smtpUrl);
  return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
}
