// Child tables of providers (taxonomies, other names, secondary locations) and job ids carry no
// foreign keys on purpose: providers are never deleted (deactivated NPIs are flagged), and
// per-row FK checks tripled the bulk-merge time of a monthly NPPES file.
// The provider directory: NUCC taxonomies, service-line map, providers (individual NPIs),
// organizations, memberships, offices (locations), geocode cache. See docs/schema-directory.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => q.execute(db);
  await run(sql`
    create table taxonomies (
      code text primary key,
      grouping text not null,
      classification text not null,
      specialization text,
      display_name text not null,
      section text,
      definition text
    )`);
  await run(sql`
    create table service_line_map (
      taxonomy_code text primary key,
      service_line text not null,
      is_default boolean not null default true,
      updated_at timestamptz not null default now(),
      updated_by text
    )`);

  const address = (p: string) =>
    sql.raw(`
      ${p}_line1 text, ${p}_line2 text, ${p}_city text, ${p}_state text, ${p}_zip5 text, ${p}_zip9 text,
      ${p}_country text, ${p}_phone text, ${p}_fax text`);
  await run(sql`
    create table providers (
      npi text primary key check (npi ~ '^[0-9]{10}$'),
      last_name text, first_name text, middle_name text, name_prefix text, name_suffix text, credential text,
      sex text check (sex in ('M','F','X','U')),
      primary_taxonomy text,
      primary_service_line text,
      enumeration_date date, last_update_date date, certification_date date,
      deactivation_date date, deactivation_reason text, reactivation_date date,
      status text not null default 'active' check (status in ('active','deactivated')),
      is_sole_proprietor boolean,
      ${address('practice')},
      county_fips text, county_name text,
      ${address('mailing')},
      lat double precision, lon double precision,
      geo_precision text check (geo_precision in ('rooftop','street','zip_centroid','synthetic_point','none')),
      search_name text not null default '',
      first_seen_job_id bigint,
      first_seen_at timestamptz not null default now(),
      arrived_at timestamptz,
      arrived_job_id bigint,
      arrival_reason text check (arrival_reason in ('enumerated','moved_in','reactivated')),
      source text not null default 'nppes',
      data_date date,
      row_hash text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  await run(sql`create index providers_search_name_trgm on providers using gin (search_name gin_trgm_ops)`);
  await run(sql`create index providers_last_name_idx on providers (last_name, first_name, npi)`);
  await run(sql`create index providers_zip5_idx on providers (practice_zip5)`);
  await run(sql`create index providers_city_idx on providers (lower(practice_city))`);
  await run(sql`create index providers_county_idx on providers (county_fips)`);
  await run(sql`create index providers_taxonomy_idx on providers (primary_taxonomy)`);
  await run(sql`create index providers_service_line_idx on providers (primary_service_line)`);
  await run(sql`create index providers_latlon_idx on providers (lat, lon)`);
  await run(sql`create index providers_arrived_idx on providers (arrived_at) where arrived_at is not null`);

  await run(sql`
    create table provider_taxonomies (
      npi text not null,
      slot smallint not null check (slot between 1 and 15),
      code text not null,
      license text, license_state text,
      is_primary boolean not null default false,
      taxonomy_group text,
      primary key (npi, slot)
    )`);
  await run(sql`create index provider_taxonomies_code_idx on provider_taxonomies (code)`);
  await run(sql`
    create table provider_other_names (
      npi text not null,
      slot smallint not null,
      last_name text, first_name text, middle_name text, name_prefix text, name_suffix text, credential text,
      type_code text,
      primary key (npi, slot)
    )`);
  await run(sql`
    create table provider_locations (
      npi text not null,
      address_key text not null,
      line1 text, line2 text, city text, state text, zip5 text, zip9 text, country text,
      phone text, phone_ext text, fax text,
      county_fips text, county_name text,
      lat double precision, lon double precision, geo_precision text,
      source text not null default 'nppes_pl',
      data_date date,
      job_id bigint,
      primary key (npi, address_key)
    )`);
  await run(sql`
    create table provider_changes (
      id bigserial primary key,
      npi text not null,
      job_id bigint,
      at timestamptz not null default now(),
      changes jsonb not null
    )`);
  await run(sql`create index provider_changes_npi_idx on provider_changes (npi, id)`);
  await run(sql`create index provider_changes_job_idx on provider_changes (job_id)`);

  await run(sql`
    create table organizations (
      id bigserial primary key,
      npi text unique check (npi ~ '^[0-9]{10}$'),
      pac_id text unique,
      ccn text unique,
      name text not null,
      type text not null default 'other'
        check (type in ('health_system','hospital','asc','imaging','clinic','practice','group','other')),
      network_status text not null default 'independent'
        check (network_status in ('ours','affiliated','independent','competitor')),
      parent_id bigint references organizations(id),
      facility_code text unique,
      service_lines text[] not null default '{}',
      primary_taxonomy text,
      ${address('practice')},
      county_fips text, county_name text,
      ${address('mailing')},
      lat double precision, lon double precision, geo_precision text,
      official_last_name text, official_first_name text, official_title text, official_phone text,
      enumeration_date date, last_update_date date, deactivation_date date, deactivation_reason text,
      reactivation_date date,
      status text not null default 'active' check (status in ('active','deactivated')),
      search_name text not null default '',
      version int not null default 1,
      deleted_at timestamptz,
      source text not null default 'nppes',
      data_date date,
      row_hash text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (parent_id is null or parent_id <> id)
    )`);
  await run(
    sql`create index organizations_search_trgm on organizations using gin (search_name gin_trgm_ops)`,
  );
  await run(sql`create index organizations_parent_idx on organizations (parent_id)`);
  await run(sql`create index organizations_type_idx on organizations (type, network_status)`);
  await run(sql`
    create table organization_other_names (
      organization_id bigint not null references organizations(id) on delete cascade,
      name text not null,
      type_code text,
      source text not null default 'nppes',
      primary key (organization_id, name)
    )`);
  await run(sql`
    create table memberships (
      id bigserial primary key,
      provider_npi text not null references providers(npi) on delete cascade,
      organization_id bigint not null references organizations(id) on delete cascade,
      role text not null default 'primary' check (role in ('primary','secondary','affiliated')),
      source text not null check (source in ('nppes','cms','manual','demo')),
      job_id bigint,
      created_at timestamptz not null default now(),
      unique (provider_npi, organization_id)
    )`);
  await run(sql`create index memberships_org_idx on memberships (organization_id)`);
  await run(sql`
    create table locations (
      id bigserial primary key,
      organization_id bigint references organizations(id) on delete cascade,
      name text not null,
      line1 text, line2 text, city text, state text, zip5 text,
      county_fips text, county_name text,
      lat double precision, lon double precision, geo_precision text,
      phone text,
      hours text,
      visit_rules text,
      external_id text unique,
      version int not null default 1,
      deleted_at timestamptz,
      source text not null default 'manual',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  await run(sql`create index locations_org_idx on locations (organization_id)`);
  await run(sql`
    create table geocode_cache (
      address_key text primary key,
      lat double precision,
      lon double precision,
      precision text not null,
      source text not null,
      created_at timestamptz not null default now()
    )`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'geocode_cache',
    'locations',
    'memberships',
    'organization_other_names',
    'organizations',
    'provider_changes',
    'provider_locations',
    'provider_other_names',
    'provider_taxonomies',
    'providers',
    'service_line_map',
    'taxonomies',
  ]) {
    await sql`drop table if exists ${sql.raw(t)} cascade`.execute(db);
  }
}
