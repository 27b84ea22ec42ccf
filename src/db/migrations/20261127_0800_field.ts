// Field app: idempotency keys for offline sync (a replayed mutation returns the stored result instead of
// writing twice) and check-ins (where the device was when the liaison arrived at a stop; no tracking in between).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`
    create table idempotency_keys (
      key text not null,
      user_id bigint not null references users(id) on delete cascade,
      kind text not null,
      status text not null check (status in ('applied','conflict','rejected')),
      result jsonb not null,
      created_at timestamptz not null default now(),
      primary key (user_id, key)
    )`);
  await run(sql`create index idempotency_keys_created_idx on idempotency_keys (created_at)`);
  await run(sql`
    create table checkins (
      id bigserial primary key,
      user_id bigint not null references users(id) on delete cascade,
      client_key text not null,
      location_id bigint references locations(id) on delete set null,
      route_plan_id bigint references route_plans(id) on delete set null,
      stop_id text,
      activity_id bigint references activities(id) on delete set null,
      lat double precision not null check (lat between -90 and 90),
      lon double precision not null check (lon between -180 and 180),
      accuracy_m real,
      distance_m int,
      checked_in_at timestamptz not null,
      created_at timestamptz not null default now(),
      unique (user_id, client_key)
    )`);
  await run(sql`create index checkins_activity_idx on checkins (activity_id)`);
}
