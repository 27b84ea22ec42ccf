// A provider's last in-person visit (the relationship view, overdue status) was a scan of every
// activity they attended, joined to the activity to check its type: ≈ 1 ms per provider once they
// had a few dozen activities, on every uncached relationship view. Each attendee row now carries
// `visit_at` — its activity's time when the activity counts as a visit (in person, not deleted),
// else null — so the last visit is one index probe. Kept true by triggers for every way rows change:
// - inserting an attendee takes it from its activity unless the writer sets it (logging a visit
//   inserts the activity and its attendees in one statement, where the trigger need not see the
//   activity yet);
// - changing an activity's type, time or deleted mark rewrites its attendees' value.
// The in-person types are core/crm/visitCadence.ts IN_PERSON_TYPES as of this migration.
import { type Kysely, sql } from 'kysely';

const visitAt = (a: string) =>
  sql.raw(
    `case when ${a}.deleted_at is null and ${a}.type in ('in_person_visit', 'drop_in', 'lunch_and_learn') then ${a}.occurred_at end`,
  );

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activity_attendees add column if not exists visit_at timestamptz`.execute(db);
  await sql`update activity_attendees t set visit_at = ${visitAt('a')}
    from activities a where a.id = t.activity_id`.execute(db);
  await sql`create index if not exists activity_attendees_visit_idx
    on activity_attendees (provider_npi, visit_at desc) where visit_at is not null`.execute(db);
  await sql`create or replace function activity_attendee_visit_at() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' or new.visit_at is null then
        select ${visitAt('a')} into new.visit_at from activities a where a.id = new.activity_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger activity_attendees_visit_at before insert or update of activity_id on activity_attendees
    for each row execute function activity_attendee_visit_at()`.execute(db);
  await sql`create or replace function activity_visit_at_sync() returns trigger language plpgsql as $$
    begin
      update activity_attendees set visit_at = ${visitAt('new')} where activity_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger activities_visit_at_sync after update of type, occurred_at, deleted_at on activities
    for each row when (old.type is distinct from new.type or old.occurred_at is distinct from new.occurred_at
      or old.deleted_at is distinct from new.deleted_at)
    execute function activity_visit_at_sync()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists activities_visit_at_sync on activities`.execute(db);
  await sql`drop trigger if exists activity_attendees_visit_at on activity_attendees`.execute(db);
  await sql`drop function if exists activity_visit_at_sync()`.execute(db);
  await sql`drop function if exists activity_attendee_visit_at()`.execute(db);
  await sql`drop index if exists activity_attendees_visit_idx`.execute(db);
  await sql`alter table activity_attendees drop column if exists visit_at`.execute(db);
}
