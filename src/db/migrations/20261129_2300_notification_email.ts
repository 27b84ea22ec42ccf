// Notifications by e-mail (commands/notificationMail.ts), when the server has SMTP_URL: each user
// chooses immediately (one message per check, holding what is new), a daily digest, or never.
// A notification is e-mailed at most once: emailed_at is set when it is sent, or when it no longer
// needs sending (read in the app first, the user chose "never"); a failed send is retried a few times.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`alter table users add column email_notifications text not null default 'immediate'
    check (email_notifications in ('immediate', 'daily', 'off'))`);
  await run(sql`alter table users add column last_digest_at timestamptz`);
  await run(sql`alter table notifications add column emailed_at timestamptz`);
  await run(sql`alter table notifications add column email_attempts integer not null default 0`);
  await run(sql`alter table notifications add column email_error text`);
  // the mailer's queue: what is not yet e-mailed (usually a handful of rows)
  await run(
    sql`create index notifications_email_queue_idx on notifications (user_id, id) where emailed_at is null`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists notifications_email_queue_idx`.execute(db);
  await sql`alter table notifications drop column if exists emailed_at, drop column if exists email_attempts,
    drop column if exists email_error`.execute(db);
  await sql`alter table users drop column if exists email_notifications, drop column if exists last_digest_at`.execute(
    db,
  );
}
