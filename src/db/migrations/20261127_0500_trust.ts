// Trust: the audit trail refuses UPDATE, DELETE and TRUNCATE (the hash chain detects tampering by
// anyone who gets around this, e.g. a superuser disabling the trigger); a record of backups taken.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = '42501';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
  await sql`
    create table backup_runs (
      id bigserial primary key,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      status text not null default 'running' check (status in ('running','succeeded','failed')),
      trigger text not null check (trigger in ('schedule','cli','api')),
      file_name text not null,
      bytes bigint,
      audit_head text,
      message text
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists backup_runs`.execute(db);
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
  await sql`drop trigger if exists audit_log_no_update_delete on audit_log`.execute(db);
  await sql`drop function if exists audit_log_append_only()`.execute(db);
}
