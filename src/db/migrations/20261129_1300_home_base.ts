// A liaison's home base: where their days start and end when a plan names no start (before: the centre of
// the day's stops). Stored resolved ({ place, lat, lon, label }) so planning does not look it up again.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column home_base jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column if exists home_base`.execute(db);
}
