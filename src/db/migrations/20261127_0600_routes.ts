// Route planner: saved day plans (one row per liaison-day plan, with the stops it was planned from, the pins,
// the visits already done, the solver's answer and its stats) and a cache of road-engine travel matrices.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`
    create table route_plans (
      id bigserial primary key,
      liaison_id bigint not null references users(id) on delete cascade,
      plan_date date not null,
      status text not null default 'planned' check (status in ('planned','in_progress','done','archived')),
      settings jsonb not null,
      stops jsonb not null default '[]',
      pinned jsonb not null default '[]',
      done jsonb not null default '[]',
      result jsonb not null,
      travel_source text not null check (travel_source in ('estimate','osrm','valhalla')),
      feasible boolean not null,
      solver_ms int not null,
      time_limit_ms int not null,
      seed int not null default 1,
      version int not null default 1,
      created_by bigint references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  await run(
    sql`create index route_plans_liaison_date_idx on route_plans (liaison_id, plan_date desc, id desc)`,
  );
  await run(sql`
    create table travel_matrix_cache (
      key text primary key,
      engine text not null check (engine in ('osrm','valhalla')),
      points int not null,
      minutes jsonb not null,
      km jsonb not null,
      created_at timestamptz not null default now()
    )`);
}
