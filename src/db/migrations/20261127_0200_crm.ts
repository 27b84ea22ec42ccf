// Relationship management (CRM): contacts, activities + attendees, tasks, physician issues,
// relationship fields per provider, spend log, territories. Every editable record has a version
// (optimistic concurrency) and deleted_at (soft delete); change history lives in audit_log.
// Notes are searchable through stored tsvector columns with GIN indexes.
import { type Kysely, sql } from 'kysely';

const common = sql.raw(`
  version int not null default 1,
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`
    create table contacts (
      id bigserial primary key,
      organization_id bigint references organizations(id),
      location_id bigint references locations(id),
      first_name text not null default '',
      last_name text not null,
      role text not null default 'other' check (role in
        ('office_manager','referral_coordinator','scheduler','practice_administrator','nurse','billing','other')),
      title text,
      phone text, email text,
      preferred_contact text check (preferred_contact in ('phone','email','text','in_person')),
      notes text not null default '',
      owner_id bigint references users(id),
      external_id text unique,
      search tsvector generated always as (to_tsvector('english',
        coalesce(first_name,'') || ' ' || coalesce(last_name,'') || ' ' || coalesce(notes,''))) stored,
      ${common}
    )`);
  await run(sql`create index contacts_org_idx on contacts (organization_id)`);
  await run(sql`create index contacts_search_idx on contacts using gin (search)`);

  await run(sql`
    create table activities (
      id bigserial primary key,
      type text not null check (type in
        ('in_person_visit','drop_in','lunch_and_learn','call','email','event','virtual','note')),
      occurred_at timestamptz not null,
      duration_minutes int check (duration_minutes between 0 and 1440),
      organization_id bigint references organizations(id),
      location_id bigint references locations(id),
      subject text not null default '',
      topics text[] not null default '{}',
      outcome text check (outcome in ('positive','neutral','follow_up','concern','no_access')),
      notes text not null default '',
      owner_id bigint references users(id),
      client_id text unique,
      external_id text unique,
      search tsvector generated always as (to_tsvector('english',
        coalesce(subject,'') || ' ' || coalesce(notes,''))) stored,
      ${common}
    )`);
  await run(sql`create index activities_owner_idx on activities (owner_id, occurred_at desc)`);
  await run(sql`create index activities_org_idx on activities (organization_id, occurred_at desc)`);
  await run(sql`create index activities_search_idx on activities using gin (search)`);
  await run(sql`
    create table activity_attendees (
      id bigserial primary key,
      activity_id bigint not null references activities(id) on delete cascade,
      provider_npi text references providers(npi),
      contact_id bigint references contacts(id),
      check ((provider_npi is null) <> (contact_id is null))
    )`);
  await run(
    sql`create unique index activity_attendees_provider_key on activity_attendees (activity_id, provider_npi) where provider_npi is not null`,
  );
  await run(
    sql`create unique index activity_attendees_contact_key on activity_attendees (activity_id, contact_id) where contact_id is not null`,
  );
  await run(sql`create index activity_attendees_npi_idx on activity_attendees (provider_npi)`);
  await run(sql`create index activity_attendees_contact_idx on activity_attendees (contact_id)`);

  await run(sql`
    create table physician_issues (
      id bigserial primary key,
      provider_npi text references providers(npi),
      organization_id bigint references organizations(id),
      category text not null check (category in ('access','scheduling','communication','quality','billing')),
      title text not null,
      description text not null default '',
      status text not null default 'open' check (status in ('open','in_progress','resolved')),
      opened_on date not null default current_date,
      resolved_on date,
      resolution text,
      reported_by text,
      owner_id bigint references users(id),
      activity_id bigint references activities(id),
      external_id text unique,
      search tsvector generated always as (to_tsvector('english',
        coalesce(title,'') || ' ' || coalesce(description,'') || ' ' || coalesce(resolution,''))) stored,
      ${common},
      check (status <> 'resolved' or resolved_on is not null)
    )`);
  await run(sql`create index physician_issues_status_idx on physician_issues (status, opened_on)`);
  await run(sql`create index physician_issues_npi_idx on physician_issues (provider_npi)`);
  await run(sql`create index physician_issues_org_idx on physician_issues (organization_id)`);
  await run(sql`create index physician_issues_search_idx on physician_issues using gin (search)`);

  await run(sql`
    create table tasks (
      id bigserial primary key,
      title text not null,
      description text not null default '',
      owner_id bigint references users(id),
      due_on date,
      status text not null default 'open' check (status in ('open','in_progress','done','cancelled')),
      completed_at timestamptz,
      provider_npi text references providers(npi),
      organization_id bigint references organizations(id),
      activity_id bigint references activities(id),
      issue_id bigint references physician_issues(id),
      external_id text unique,
      search tsvector generated always as (to_tsvector('english',
        coalesce(title,'') || ' ' || coalesce(description,''))) stored,
      ${common}
    )`);
  await run(sql`create index tasks_owner_idx on tasks (owner_id, status, due_on)`);
  await run(sql`create index tasks_npi_idx on tasks (provider_npi)`);
  await run(sql`create index tasks_org_idx on tasks (organization_id)`);
  await run(sql`create index tasks_search_idx on tasks using gin (search)`);

  await run(sql`
    create table provider_relationships (
      provider_npi text primary key references providers(npi),
      tier text check (tier in ('A','B','C')),
      visit_frequency text check (visit_frequency in ('weekly','biweekly','monthly','quarterly')),
      tags text[] not null default '{}',
      owner_id bigint references users(id),
      version int not null default 1,
      updated_at timestamptz not null default now()
    )`);
  await run(sql`create index provider_relationships_owner_idx on provider_relationships (owner_id)`);
  await run(sql`create index provider_relationships_tags_idx on provider_relationships using gin (tags)`);

  await run(sql`
    create table spend_entries (
      id bigserial primary key,
      provider_npi text not null references providers(npi),
      spent_on date not null,
      category text not null check (category in ('meal','gift','event','education','travel','other')),
      amount_usd numeric(12,2) not null check (amount_usd >= 0),
      description text not null default '',
      activity_id bigint references activities(id),
      external_id text unique,
      ${common}
    )`);
  await run(sql`create index spend_entries_npi_idx on spend_entries (provider_npi, spent_on)`);

  await run(sql`
    create table territories (
      id bigserial primary key,
      name text not null,
      description text not null default '',
      zips text[] not null default '{}',
      counties text[] not null default '{}',
      ${common}
    )`);
  await run(
    sql`create unique index territories_name_key on territories (lower(name)) where deleted_at is null`,
  );
  await run(sql`create index territories_zips_idx on territories using gin (zips)`);
  await run(sql`create index territories_counties_idx on territories using gin (counties)`);
  await run(sql`
    create table territory_assignments (
      territory_id bigint not null references territories(id) on delete cascade,
      user_id bigint not null references users(id) on delete cascade,
      primary key (territory_id, user_id)
    )`);
  await run(sql`create index territory_assignments_user_idx on territory_assignments (user_id)`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'territory_assignments',
    'territories',
    'spend_entries',
    'provider_relationships',
    'tasks',
    'physician_issues',
    'activity_attendees',
    'activities',
    'contacts',
  ]) {
    await sql`drop table if exists ${sql.raw(t)} cascade`.execute(db);
  }
}
