// Directory searches for the FHIR API: one function per resource type, returning the page of rows
// (mapped by src/core/fhir/resources.ts) and the total count.
import { type Kysely, sql } from 'kysely';
import {
  type LocationRow,
  location,
  type OrganizationRow,
  organization,
  type ProviderRow,
  practitioner,
  practitionerRole,
  type RoleRow,
  type TaxonomyRow,
} from '../../../core/fhir/resources';
import type { ParsedSearch } from '../../../core/fhir/search';
import {
  NPI_SYSTEM,
  NUCC_SYSTEM,
  ORG_TYPE_SYSTEM,
  type Resource,
  ROUNDS_LOCATION_ID_SYSTEM,
  ROUNDS_ORG_KIND_SYSTEM,
} from '../../../core/fhir/types';
import type { DB } from '../../../db/schema';
import { and, type Cond, dateConds, idsCond, or, refs, strings, tokens } from './sqlFilters';

export type Page = { total: number; resources: Resource[] };
const page = (p: ParsedSearch) => sql`limit ${p.count} offset ${p.offset}`;

async function run<T>(
  db: Kysely<DB>,
  table: string,
  alias: string,
  select: ReturnType<typeof sql>,
  where: Cond,
  order: string,
  p: ParsedSearch,
) {
  const t = sql`${sql.table(table)} ${sql.raw(alias)}`;
  const total = (await sql<{ n: number }>`select count(*)::int as n from ${t} where ${where}`.execute(db))
    .rows[0]!.n;
  const rows =
    p.count === 0
      ? []
      : (
          await sql<T>`select ${select} from ${t} where ${where} order by ${sql.ref(order)} ${page(p)}`.execute(
            db,
          )
        ).rows;
  return { total, rows };
}

const PROVIDER_COLS = sql`p.npi, p.last_name, p.first_name, p.middle_name, p.name_prefix, p.name_suffix, p.credential, p.sex, p.status,
  p.practice_line1 as line1, p.practice_line2 as line2, p.practice_city as city, p.practice_state as state, p.practice_zip5 as zip5,
  p.practice_zip9 as zip9, p.practice_phone as phone, p.practice_fax as fax, p.lat, p.lon, p.updated_at`;

export async function taxonomiesFor(db: Kysely<DB>, npis: string[]) {
  const by = new Map<string, (TaxonomyRow & { npi: string })[]>();
  if (!npis.length) return by;
  const rows = await sql<TaxonomyRow & { npi: string }>`
    select pt.npi, pt.code, t.display_name as display, pt.license, pt.license_state, pt.is_primary
    from provider_taxonomies pt left join taxonomies t on t.code = pt.code
    where pt.npi in (${sql.join(npis)}) order by pt.npi, pt.is_primary desc, pt.slot`.execute(db);
  for (const r of rows.rows) by.set(r.npi, [...(by.get(r.npi) ?? []), r]);
  return by;
}

export async function searchPractitioners(db: Kysely<DB>, p: ParsedSearch): Promise<Page> {
  const where = and([
    ...idsCond('p.npi', p.ids),
    ...tokens(p, 'identifier', 'p.npi', [NPI_SYSTEM]),
    ...strings(p, 'name', ['p.last_name', 'p.first_name', 'p.middle_name']),
    ...strings(p, 'family', ['p.last_name']),
    ...strings(p, 'given', ['p.first_name', 'p.middle_name']),
    ...dateConds('p.updated_at', p.lastUpdated),
  ]);
  const { total, rows } = await run<ProviderRow>(db, 'providers', 'p', PROVIDER_COLS, where, 'p.npi', p);
  const tax = await taxonomiesFor(
    db,
    rows.map((r) => r.npi),
  );
  return { total, resources: rows.map((r) => practitioner(r, tax.get(r.npi))) };
}

const ORG_COLS = sql`o.id, o.npi, o.name, o.type, o.parent_id, o.status, o.deleted_at, o.updated_at, o.practice_phone as phone,
  o.practice_line1 as line1, o.practice_line2 as line2, o.practice_city as city, o.practice_state as state,
  o.practice_zip5 as zip5, o.practice_zip9 as zip9`;

export async function searchOrganizations(db: Kysely<DB>, p: ParsedSearch): Promise<Page> {
  const typeConds = (p.tokens.type ?? []).map((toks) =>
    or(
      toks.map((t) =>
        (t.system === ORG_TYPE_SYSTEM || t.system === undefined) && t.code === 'prov'
          ? sql`true`
          : t.system === ROUNDS_ORG_KIND_SYSTEM || t.system === undefined
            ? sql`o.type = ${t.code}`
            : sql`false`,
      ),
    ),
  );
  const where = and([
    sql`o.deleted_at is null`,
    ...idsCond('o.id', p.ids, true),
    ...tokens(p, 'identifier', 'o.npi', [NPI_SYSTEM]),
    ...strings(p, 'name', ['o.name']),
    ...strings(p, 'address', ['o.practice_line1', 'o.practice_city', 'o.practice_state', 'o.practice_zip5']),
    ...typeConds,
    ...refs(p, 'partof', 'o.parent_id'),
    ...dateConds('o.updated_at', p.lastUpdated),
  ]);
  const { total, rows } = await run<OrganizationRow>(db, 'organizations', 'o', ORG_COLS, where, 'o.id', p);
  return { total, resources: rows.map(organization) };
}

const LOC_COLS = sql`l.id, l.organization_id, l.name, l.line1, l.line2, l.city, l.state, l.zip5, null as zip9, l.phone, l.lat, l.lon,
  l.external_id, l.deleted_at, l.updated_at`;

export async function searchLocations(db: Kysely<DB>, p: ParsedSearch): Promise<Page> {
  const where = and([
    sql`l.deleted_at is null`,
    ...idsCond('l.id', p.ids, true),
    ...tokens(p, 'identifier', 'l.external_id', [ROUNDS_LOCATION_ID_SYSTEM]),
    ...strings(p, 'address', ['l.line1', 'l.city', 'l.state', 'l.zip5']),
    ...strings(p, 'address-city', ['l.city']),
    ...strings(p, 'address-state', ['l.state']),
    ...strings(p, 'address-postalcode', ['l.zip5']),
    ...refs(p, 'organization', 'l.organization_id'),
    ...dateConds('l.updated_at', p.lastUpdated),
  ]);
  const { total, rows } = await run<LocationRow>(db, 'locations', 'l', LOC_COLS, where, 'l.id', p);
  return { total, resources: rows.map(location) };
}

export async function searchPractitionerRoles(
  db: Kysely<DB>,
  p: ParsedSearch,
): Promise<Page & { rows: RoleRow[] }> {
  const specialty = (p.tokens.specialty ?? []).map((toks) => {
    const codes = toks.filter((t) => t.system === undefined || t.system === NUCC_SYSTEM).map((t) => t.code);
    return codes.length
      ? sql`exists (select 1 from provider_taxonomies pt where pt.npi = m.provider_npi and pt.code in (${sql.join(codes)}))`
      : sql`false`;
  });
  const locs = (p.refs.location ?? []).map((ids) => {
    const n = ids.filter((i) => /^\d{1,15}$/.test(i)).map(Number);
    return n.length
      ? sql`m.organization_id in (select organization_id from locations where id in (${sql.join(n)}) and deleted_at is null)`
      : sql`false`;
  });
  const where = and([
    ...idsCond('m.id', p.ids, true),
    ...refs(p, 'practitioner', 'm.provider_npi', false),
    ...refs(p, 'organization', 'm.organization_id'),
    ...locs,
    ...specialty,
    ...dateConds('m.created_at', p.lastUpdated),
  ]);
  const cols = sql`m.id, m.provider_npi, m.organization_id, m.role, m.created_at as updated_at,
    (select status from providers where npi = m.provider_npi) as provider_status`;
  const { total, rows } = await run<Omit<RoleRow, 'specialties' | 'location_ids'>>(
    db,
    'memberships',
    'm',
    cols,
    where,
    'm.id',
    p,
  );
  const tax = await taxonomiesFor(db, [...new Set(rows.map((r) => r.provider_npi))]);
  const orgIds = [...new Set(rows.map((r) => r.organization_id))];
  const locRows = orgIds.length
    ? (
        await sql<{
          id: number;
          organization_id: number;
        }>`select id, organization_id from locations where organization_id in (${sql.join(orgIds)}) and deleted_at is null order by id`.execute(
          db,
        )
      ).rows
    : [];
  const full: RoleRow[] = rows.map((r) => ({
    ...r,
    provider_status: r.provider_status ?? 'active',
    specialties: (tax.get(r.provider_npi) ?? []).map((t) => ({ code: t.code, display: t.display })),
    location_ids: locRows.filter((l) => l.organization_id === r.organization_id).map((l) => l.id),
  }));
  return { total, rows: full, resources: full.map(practitionerRole) };
}
