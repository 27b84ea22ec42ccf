// The provider search's filters on a liaison's own data — tier, owner (book of business), territory,
// overdue — and on the network status of the provider's organization (ux.md's filter chips). Each is
// one predicate on `p` (providers) ANDed into the search's WHERE, so every search path (name words,
// filters only, NPI, fuzzy) and its total and facets honour it. The CRM sets are small next to the
// directory (the providers someone has given a tier or an owner), so they are written as
// `p.npi in (…)` over provider_relationships, which PostgreSQL hashes once.
import { type RawBuilder, sql } from 'kysely';
import { overdueSql } from '../crm/relationships';

export type CrmSearch = {
  tier?: ('A' | 'B' | 'C')[];
  /** a user's book of business, or null: providers nobody owns */
  owner?: number | null;
  /** practicing in one of these ZIPs or counties (territories resolved by the caller) */
  territory?: { zips: string[]; counties: string[] };
  /** has a visit frequency and is past it (never visited counts), as of `today` */
  overdue?: boolean;
  /** the network status of the provider's primary organization (as each result shows it) */
  networkStatus?: string[];
  /** YYYY-MM-DD for `overdue`; default the server's UTC date */
  today?: string;
};

/** Whether the search names any filter that reads CRM data (its answer changes with CRM writes). */
export const readsCrm = (f: CrmSearch) =>
  f.tier !== undefined || f.owner !== undefined || f.territory !== undefined || f.overdue === true;

export function crmFilters(f: CrmSearch): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (f.tier?.length)
    parts.push(
      sql`p.npi in (select r.provider_npi from provider_relationships r where r.tier = any(${f.tier}))`,
    );
  if (f.owner === null)
    parts.push(
      sql`p.npi not in (select r.provider_npi from provider_relationships r where r.owner_id is not null)`,
    );
  else if (f.owner !== undefined)
    parts.push(
      sql`p.npi in (select r.provider_npi from provider_relationships r where r.owner_id = ${f.owner})`,
    );
  if (f.territory) {
    const { zips, counties } = f.territory;
    // ZIPs and counties unnested and joined on their own (each through its (zip|county, name…)
    // index, as targetFacts does): an OR of two `= any(array)` tests scans every provider at 1M
    parts.push(
      zips.length || counties.length
        ? sql`p.npi in (select t.npi from unnest(${zips}::text[]) z(zip) join providers t on t.practice_zip5 = z.zip
            union all select t.npi from unnest(${counties}::text[]) c(fips) join providers t on t.county_fips = c.fips)`
        : sql`false`,
    );
  }
  if (f.overdue) {
    const today = f.today ?? new Date().toISOString().slice(0, 10);
    parts.push(sql`p.npi in (select r.provider_npi from provider_relationships r
      where ${overdueSql(sql.ref('r.provider_npi'), today)})`);
  }
  if (f.networkStatus?.length)
    // the memberships of organizations with that status that are their provider's first (primary
    // role first, then the lowest organization id: searchMatched's primaryOrganization) — a set
    // read from those organizations' memberships, not a lookup per provider in the directory
    parts.push(sql`p.npi in (select ms.provider_npi from memberships ms
      join organizations o on o.id = ms.organization_id
      where o.network_status = any(${f.networkStatus}::text[]) and o.deleted_at is null
        and not exists (select 1 from memberships m2 join organizations o2 on o2.id = m2.organization_id
          where m2.provider_npi = ms.provider_npi and o2.deleted_at is null
            and ((m2.role = 'primary') > (ms.role = 'primary')
              or ((m2.role = 'primary') = (ms.role = 'primary') and o2.id < o.id))))`);
  return parts;
}
