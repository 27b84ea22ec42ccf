// One reminder a day per user (commands/reminders.ts): the key lets several server processes try
// to write it and only one succeed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index notifications_reminder_key on notifications (user_id, entity_id)
    where entity = 'reminder'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists notifications_reminder_key`.execute(db);
}
