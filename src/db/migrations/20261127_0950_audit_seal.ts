// The audit chain is extended by a sealer after the writing transactions commit, not inside them:
// writers no longer wait on one lock (it serialized every write of every user). A row is inserted
// with its content only; the sealer gives it its chain position (`seq`), `prev_hash` and `hash`.
// The append-only trigger allows exactly that one update (unsealed → sealed, content unchanged).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column seq bigint`.execute(db);
  await sql`alter table audit_log alter column prev_hash drop not null, alter column hash drop not null`.execute(
    db,
  );
  // Indexes first: built after the update below they could stay unusable to older snapshots.
  await sql`create unique index audit_log_seq_idx on audit_log (seq) where seq is not null`.execute(db);
  await sql`create index audit_log_unsealed_idx on audit_log (id) where seq is null`.execute(db);
  // Rows so far were chained in id order, one writer at a time.
  await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db);
  await sql`update audit_log set seq = id`.execute(db);
  await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(db);
  await sql`
    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.seq is null and old.hash is null
         and new.seq is not null and new.hash is not null and new.prev_hash is not null
         and row(new.id, new.at, new.actor_user_id, new.actor_label, new.action, new.entity, new.entity_id, new.ip, new.detail)
             is not distinct from
             row(old.id, old.at, old.actor_user_id, old.actor_label, old.action, old.entity, old.entity_id, old.ip, old.detail)
      then
        return new; -- sealing: the row takes its place in the chain
      end if;
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = '42501';
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = '42501';
    end $$`.execute(db);
  await sql`drop index if exists audit_log_unsealed_idx`.execute(db);
  await sql`drop index if exists audit_log_seq_idx`.execute(db);
  await sql`alter table audit_log drop column seq`.execute(db);
}
