import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const ext of ['pg_trgm', 'cube', 'earthdistance', 'unaccent', 'btree_gin']) {
    await sql`create extension if not exists ${sql.raw(ext)}`.execute(db);
  }
  await sql`
    create table users (
      id bigserial primary key,
      email text not null,
      name text not null,
      role text not null check (role in ('admin','manager','liaison','analyst')),
      password_hash text,
      disabled boolean not null default false,
      must_change_password boolean not null default false,
      manager_id bigint references users(id),
      failed_logins int not null default 0,
      locked_until timestamptz,
      oidc_subject text unique,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);
  await sql`
    create table sessions (
      id text primary key,
      user_id bigint not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);
  await sql`
    create table api_tokens (
      id bigserial primary key,
      name text not null,
      role text not null check (role in ('admin','manager','liaison','analyst')),
      token_hash text not null unique,
      prefix text not null,
      created_by bigint references users(id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_user_id bigint,
      actor_label text not null,
      action text not null,
      entity text,
      entity_id text,
      ip text,
      detail jsonb,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_log_at_idx on audit_log (at desc)`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity, entity_id)`.execute(db);
  await sql`
    create table import_jobs (
      id bigserial primary key,
      kind text not null,
      file_name text not null,
      status text not null default 'running' check (status in ('running','succeeded','failed')),
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      started_by text,
      rows_read int not null default 0,
      rows_inserted int not null default 0,
      rows_updated int not null default 0,
      rows_unchanged int not null default 0,
      rows_deactivated int not null default 0,
      rows_rejected int not null default 0,
      errors jsonb not null default '[]'::jsonb,
      message text,
      data_date date
    )`.execute(db);
  await sql`
    create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['settings', 'import_jobs', 'audit_log', 'api_tokens', 'sessions', 'users']) {
    await sql`drop table if exists ${sql.raw(t)} cascade`.execute(db);
  }
}
