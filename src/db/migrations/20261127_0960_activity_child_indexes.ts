// Reading an activity's attendees and follow-up tasks (every activity view, every write's answer)
// scanned both tables: the attendee indexes are partial (one per kind) and tasks had none by activity.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index activity_attendees_activity_idx on activity_attendees (activity_id)`.execute(db);
  await sql`create index tasks_activity_idx on tasks (activity_id) where activity_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists tasks_activity_idx`.execute(db);
  await sql`drop index if exists activity_attendees_activity_idx`.execute(db);
}
