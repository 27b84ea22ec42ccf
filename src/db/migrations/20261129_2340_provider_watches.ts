// Watching a physician (commands/watches.ts): the watcher is told when someone else logs an activity
// with them, reports an issue about them, or an alert run finds them shifting.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table provider_watches (
      user_id bigint not null references users(id) on delete cascade,
      npi text not null,
      created_at timestamptz not null default now(),
      primary key (user_id, npi)
    )`.execute(db);
  // who watches this physician (asked on every activity logged with them)
  await sql`create index provider_watches_npi_idx on provider_watches (npi)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists provider_watches`.execute(db);
}
