// Organization search and profile (hierarchy, providers, offices).
import { type Kysely, sql } from 'kysely';
import { personName } from '../../../core/directory/personName';
import { textProbes } from '../../../core/directory/trigramProbes';
import { searchText } from '../../../import/values';
import type { DB } from '../../schema';
import type { NetworkStatus, OrganizationType } from '../../tables/directory';
import { isPglite, probed } from './backend';
import { SearchInputError } from './searchProviders';

export type OrganizationSearch = {
  q?: string;
  type?: OrganizationType;
  networkStatus?: NetworkStatus;
  parent?: number;
  /** offers the line (its service lines) or has a member physician in it (a practice's specialty) */
  serviceLine?: string;
  /** practises inside these ZIPs or counties (a territory, resolved by the caller) */
  territory?: { zips: string[]; counties: string[] };
  cursor?: string;
  limit?: number;
};

/** A cursor this search returned: [score, name, id] for a name searched, else [name, id]. */
function parseOrganizationCursor(cursor: string, ranked: boolean): (string | number)[] {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      ranked &&
      Array.isArray(c) &&
      c.length === 3 &&
      typeof c[0] === 'number' &&
      typeof c[1] === 'string' &&
      typeof c[2] === 'number'
    )
      return c;
    if (!ranked && Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && typeof c[1] === 'number')
      return c;
  } catch {}
  throw new SearchInputError('cursor is not a cursor returned by this search');
}

export async function searchOrganizations(db: Kysely<DB>, s: OrganizationSearch) {
  const limit = Math.min(Math.max(s.limit ?? 50, 1), 200);
  const text = s.q ? searchText(s.q) : '';
  const parts = [sql`o.deleted_at is null`];
  if (text && /^\d{10}$/.test(text)) parts.push(sql`o.npi = ${text}`);
  else if (text && !(await isPglite(db)))
    parts.push(
      sql`(o.search_name % ${text} or ${text} <% o.search_name or o.search_name like ${`%${text}%`})`,
    );
  else if (text) {
    // PGlite (no trigram operators, backend.ts): the similarities only for names holding one of the
    // query's probe trigrams (at 0.3 they cover word_similarity ≥ 0.6 too) or the query itself
    const contains = `%${text}%`;
    const probes = [...textProbes(text, 0.3), contains].map((x) => sql`o.search_name like ${x}`);
    parts.push(
      probed(
        sql.join(probes, sql` or `),
        sql`(o.search_name like ${contains} or similarity(o.search_name, ${text}) >= 0.3
          or word_similarity(${text}, o.search_name) >= 0.6)`,
      ),
    );
  }
  if (s.type) parts.push(sql`o.type = ${s.type}`);
  if (s.networkStatus) parts.push(sql`o.network_status = ${s.networkStatus}`);
  if (s.parent !== undefined) parts.push(sql`o.parent_id = ${s.parent}`);
  if (s.serviceLine)
    parts.push(sql`(${s.serviceLine} = any(o.service_lines) or exists (
      select 1 from memberships m join providers p on p.npi = m.provider_npi
      where m.organization_id = o.id and p.primary_service_line = ${s.serviceLine}))`);
  if (s.territory) {
    const { zips, counties } = s.territory;
    parts.push(
      zips.length || counties.length
        ? sql`(o.practice_zip5 = any(${zips}::text[]) or o.county_fips = any(${counties}::text[]))`
        : sql`false`,
    );
  }
  // a name searched: best match first (the search is fuzzy: "jonhson medical" should put Johnson
  // Medical Group above the other 20,000 medical groups), then name; else by name. Keyset on the order.
  // The score is the mean of the whole name's similarity and the best word run's: word_similarity
  // alone ties "johnson medical group" with "anderson medical group" (both share "son medical"),
  // similarity alone ranks a long name with the words typed below a short one without them.
  const ranked = !!text && !/^\d{10}$/.test(text);
  const score = ranked
    ? sql<number>`((similarity(o.search_name, ${text}) + word_similarity(${text}, o.search_name)) / 2)::float8`
    : sql<number>`null::float8`;
  if (s.cursor) {
    const k = parseOrganizationCursor(s.cursor, ranked);
    parts.push(
      ranked
        ? sql`(-${score}, o.name, o.id) > (${-Number(k[0])}::float8, ${k[1]}, ${k[2]})`
        : sql`(o.name, o.id) > (${k[0]}, ${k[1]})`,
    );
  }
  const rows = await sql<{
    id: number;
    name: string;
    npi: string | null;
    type: string;
    network_status: string;
    parent_id: number | null;
    parent_name: string | null;
    practice_city: string | null;
    practice_state: string | null;
    service_lines: string[];
    providers: number;
    status: string;
    score: number | null;
    lat: number | null;
    lon: number | null;
    geo_precision: string | null;
  }>`
    select o.id, o.name, o.npi, o.type, o.network_status, o.parent_id, pa.name as parent_name, o.practice_city, o.practice_state,
      o.lat, o.lon, o.geo_precision,
      o.service_lines, o.status, (select count(*)::int from memberships m where m.organization_id = o.id) as providers,
      ${score} as score
    from organizations o left join organizations pa on pa.id = o.parent_id
    where ${sql.join(parts, sql` and `)}
    order by ${ranked ? sql`${score} desc, o.name, o.id` : sql`o.name, o.id`} limit ${limit + 1}`.execute(db);
  const page = rows.rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((o) => ({
      id: o.id,
      name: o.name,
      npi: o.npi,
      type: o.type,
      networkStatus: o.network_status,
      status: o.status,
      parent: o.parent_id ? { id: o.parent_id, name: o.parent_name } : null,
      city: o.practice_city,
      state: o.practice_state,
      serviceLines: o.service_lines,
      providerCount: o.providers,
      location:
        o.lat !== null && o.lon !== null ? { lat: o.lat, lon: o.lon, precision: o.geo_precision } : null,
      /** with a name searched: (similarity + word_similarity) / 2, the order of the results */
      score: o.score,
    })),
    nextCursor:
      rows.rows.length > limit && last
        ? Buffer.from(
            JSON.stringify(ranked ? [last.score, last.name, last.id] : [last.name, last.id]),
          ).toString('base64url')
        : null,
  };
}

export async function getOrganizationProfile(db: Kysely<DB>, id: number) {
  const o = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!o) return null;
  const chain = await sql<{ id: number; name: string; type: string; network_status: string; depth: number }>`
    with recursive up as (
      select p.id, p.name, p.type, p.network_status, p.parent_id, 1 as depth from organizations p where p.id = ${o.parent_id ?? -1}
      union all
      select p.id, p.name, p.type, p.network_status, p.parent_id, up.depth + 1 from organizations p join up on p.id = up.parent_id
      where up.depth < 20)
    select id, name, type, network_status, depth from up order by depth`.execute(db);
  const [children, providers, offices, otherNames, providerCount] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'type', 'network_status', 'npi'])
      .where('parent_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('memberships as m')
      .innerJoin('providers as p', 'p.npi', 'm.provider_npi')
      .leftJoin('taxonomies as t', 't.code', 'p.primary_taxonomy')
      .select([
        'p.npi',
        'p.last_name',
        'p.first_name',
        'p.credential',
        'p.primary_service_line',
        't.display_name',
        'p.status',
        'm.role',
        'm.source',
      ])
      .where('m.organization_id', '=', id)
      .orderBy('p.last_name')
      .orderBy('p.first_name')
      .limit(500)
      .execute(),
    db
      .selectFrom('locations')
      .selectAll()
      .where('organization_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('organization_other_names')
      .select(['name', 'type_code', 'source'])
      .where('organization_id', '=', id)
      .execute(),
    db
      .selectFrom('memberships')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', id)
      .executeTakeFirst(),
  ]);
  const pt = (r: { lat: number | null; lon: number | null; geo_precision: string | null }) =>
    r.lat === null || r.lon === null
      ? null
      : { lat: r.lat, lon: r.lon, precision: r.geo_precision ?? 'none' };
  return {
    id: o.id,
    npi: o.npi,
    pacId: o.pac_id,
    ccn: o.ccn,
    name: o.name,
    type: o.type,
    networkStatus: o.network_status,
    facilityCode: o.facility_code,
    serviceLines: o.service_lines,
    primaryTaxonomy: o.primary_taxonomy,
    status: o.status,
    otherNames,
    address: {
      line1: o.practice_line1,
      line2: o.practice_line2,
      city: o.practice_city,
      state: o.practice_state,
      zip5: o.practice_zip5,
      phone: o.practice_phone,
      countyFips: o.county_fips,
      countyName: o.county_name,
    },
    point: pt(o),
    authorizedOfficial: o.official_last_name
      ? {
          lastName: o.official_last_name,
          firstName: o.official_first_name,
          title: o.official_title,
          phone: o.official_phone,
        }
      : null,
    dates: {
      enumeration: o.enumeration_date,
      lastUpdate: o.last_update_date,
      deactivation: o.deactivation_date,
      reactivation: o.reactivation_date,
    },
    parentChain: chain.rows.map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      networkStatus: c.network_status,
    })),
    children: children.map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      networkStatus: c.network_status,
      npi: c.npi,
    })),
    providers: providers.map((p) => ({
      npi: p.npi,
      name: personName({ first: p.first_name, last: p.last_name, credential: p.credential }),
      specialty: p.display_name,
      serviceLine: p.primary_service_line,
      status: p.status,
      role: p.role,
      source: p.source,
    })),
    providerCount: providerCount?.n ?? 0,
    locations: offices.map((l) => ({
      id: l.id,
      externalId: l.external_id,
      name: l.name,
      line1: l.line1,
      city: l.city,
      state: l.state,
      zip5: l.zip5,
      phone: l.phone,
      hours: l.hours,
      visitRules: l.visit_rules,
      point: pt(l),
      version: l.version,
    })),
    version: o.version,
    source: o.source,
    dataDate: o.data_date,
  };
}
