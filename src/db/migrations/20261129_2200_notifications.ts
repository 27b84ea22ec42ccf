// In-app notifications: what someone else did that a user must know about (a task, a physician
// issue or an alert assigned to them, physicians given into their book, new shifting-referrer
// alerts in their territory). Written in the same transaction as the change that causes it, so a
// notification never tells of a change that rolled back. Text is composed when written
// (core/notifications.ts) and names no patient: only users, physicians and CRM titles.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`
    create table notifications (
      id bigserial primary key,
      user_id bigint not null references users(id) on delete cascade,
      actor_id bigint references users(id) on delete set null,
      kind text not null,
      title text not null check (char_length(title) between 1 and 300),
      detail text not null default '' check (char_length(detail) <= 500),
      link text not null default '' check (char_length(link) <= 300),
      entity text,
      entity_id text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`);
  // A user's newest first (the bell's list) …
  await run(sql`create index notifications_user_idx on notifications (user_id, id desc)`);
  // … and the unread count it shows on every page.
  await run(sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists notifications`.execute(db);
}
