// A first import on the embedded database is finalized one month at a time (see stage.ts): the
// staging index carries the date so each month reads only its own staged rows.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists referral_stage_job_idx`.execute(db);
  await sql`create index referral_stage_job_date_idx on referral_stage (job_id, referral_date)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists referral_stage_job_date_idx`.execute(db);
  await sql`create index referral_stage_job_idx on referral_stage (job_id)`.execute(db);
}
