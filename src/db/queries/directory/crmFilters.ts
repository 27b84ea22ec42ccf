// The provider search's filters on a liaison's own data — tier, owner (book of business), territory,
// overdue —, on the referrer's segment and on the network status of the provider's organization
// (ux.md's filter chips). Each is
// one predicate on `p` (providers) ANDed into the search's WHERE, so every search path (name words,
// filters only, NPI, fuzzy) and its total and facets honour it. The CRM sets are small next to the
// directory (the providers someone has given a tier or an owner): they are read first, as an array
// (`p.npi = any(array(…))`), so the planner fetches those providers by key and sorts them — given a
// subquery instead it walked 900,000 providers in name order looking for the 0.5 % in the set
// (0.4–2 s a page; bench:search:crm).
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
  /** the referrer's segment over the last 12 months (referrer_segments, kept fresh by the caller) */
  segment?: string[];
  /** the network status of the provider's primary organization (as each result shows it) */
  networkStatus?: string[];
  /** YYYY-MM-DD for `overdue`; default the server's UTC date */
  today?: string;
};

export function crmFilters(f: CrmSearch): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  // the bounded sets, intersected in one subquery: one array (PostgreSQL 15 hashes only constant
  // arrays, so two would be matched element by element — 2.8 s for 5,000 × 12,000 NPIs)
  const sets: RawBuilder<unknown>[] = [];
  if (f.tier?.length)
    sets.push(sql`select r.provider_npi from provider_relationships r where r.tier = any(${f.tier})`);
  if (f.owner === null)
    parts.push(
      sql`p.npi not in (select r.provider_npi from provider_relationships r where r.owner_id is not null)`,
    );
  else if (f.owner !== undefined)
    sets.push(sql`select r.provider_npi from provider_relationships r where r.owner_id = ${f.owner}`);
  if (f.territory) {
    const { zips, counties } = f.territory;
    // its own test on the row (not one of the sets): the arrays are constants, so the planner
    // knows how many providers they hold and picks the ZIP and county indexes for a small territory,
    // the name order for a large one (a quarter of the directory: 1.5 s as a set of NPIs)
    parts.push(
      zips.length || counties.length
        ? sql`(p.practice_zip5 = any(${zips}::text[]) or p.county_fips = any(${counties}::text[]))`
        : sql`false`,
    );
  }
  if (f.overdue) {
    const today = f.today ?? new Date().toISOString().slice(0, 10);
    sets.push(sql`select r.provider_npi from provider_relationships r
      where ${overdueSql(sql.ref('r.provider_npi'), today)}`);
  }
  if (f.segment?.length)
    sets.push(sql`select s.npi from referrer_segments s where s.segment = any(${f.segment}::text[])`);
  if (sets.length)
    parts.push(
      sql`p.npi = any(array(${sql.join(
        sets.map((x) => sql`(${x})`),
        sql` intersect `,
      )}))`,
    );
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
