// referral_facts.import_job_id stays the link to the import job that last wrote a fact, but without
// a foreign key: its per-row check cost a fifth of a large import's time on the embedded database,
// and import jobs are never deleted, so the constraint guarded nothing.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table referral_facts drop constraint if exists referral_facts_import_job_id_fkey`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table referral_facts add foreign key (import_job_id) references import_jobs(id)`.execute(
    db,
  );
}
