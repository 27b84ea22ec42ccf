// A name search in one statement: the fuzzy match (the expensive part: trigram index candidates,
// then a similarity recheck of each) is evaluated once into a materialized set, and the page, the
// capped total and the four facets are all read from that set. Separate statements evaluated the
// match six times. Only for text searches: their match set is bounded by the name's selectivity,
// whereas a browse of the whole directory is served better by index order (searchProviders).
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../schema';

export const FACET_LIMITS = { serviceLine: 30, specialty: 20, city: 20, county: 20 } as const;
export const TOTAL_CAP = 10000;

export type Facet = { value: string; label: string | null; count: number };
export type Facets = Record<keyof typeof FACET_LIMITS, Facet[]>;

export const PROVIDER_COLUMNS = `p.npi, p.last_name, p.first_name, p.middle_name, p.name_prefix, p.name_suffix, p.credential,
  p.sex, p.primary_taxonomy, p.primary_service_line, p.status, p.practice_line1, p.practice_line2, p.practice_city,
  p.practice_state, p.practice_zip5, p.practice_phone, p.county_fips, p.county_name, p.lat, p.lon, p.geo_precision,
  p.arrived_at, p.arrival_reason, p.enumeration_date`;

const facetJson = (value: string, label: string, limit: number, join = '', from = 'm') =>
  sql.raw(`(select coalesce(json_agg(x), '[]'::json) from (
    select ${value} as value, ${label} as label, count(*)::int as count from ${from} ${join}
    where ${value} is not null group by 1 order by 3 desc, 1 limit ${limit}) x)`);

/** The four facets (value, label, count) of the providers in relation `r`, as one json object. */
/** A result row's primary organization (its primary membership first) as JSON, for provider alias `p`. */
export const primaryOrganization = (p: string) => sql`(select jsonb_build_object('id', o.id, 'name', o.name,
    'networkStatus', o.network_status, 'type', o.type)
  from memberships ms join organizations o on o.id = ms.organization_id
  where ms.provider_npi = ${sql.ref(`${p}.npi`)} and o.deleted_at is null
  order by (ms.role = 'primary') desc, o.id limit 1) as organization`;

export const facetsObject = (r: string) => sql`json_build_object(
  'serviceLine', ${facetJson(`${r}.primary_service_line`, 'null', FACET_LIMITS.serviceLine, '', r)},
  'specialty', ${facetJson(`${r}.primary_taxonomy`, 'max(t.display_name)', FACET_LIMITS.specialty, `left join taxonomies t on t.code = ${r}.primary_taxonomy`, r)},
  'city', ${facetJson(`${r}.practice_city`, 'null', FACET_LIMITS.city, '', r)},
  'county', ${facetJson(`${r}.county_fips`, `max(${r}.county_name)`, FACET_LIMITS.county, '', r)})`;

/** A match to read one page of: its filter, score and distance, the order keys and the keyset cursor. */
export type PageQuery = {
  where: RawBuilder<unknown>;
  score: RawBuilder<number>;
  distance: RawBuilder<number>;
  keys: RawBuilder<unknown>[];
  after: (string | number)[] | null;
  limit: number;
};

export async function searchMatched(
  tx: Kysely<DB>,
  q: PageQuery & {
    facets: boolean;
    /** leading CTEs and the relation the match reads (default: all providers) */
    with?: RawBuilder<unknown>;
    from?: RawBuilder<unknown>;
  },
) {
  const keyCols = q.keys.map((k, i) => sql`${k} as ${sql.raw(`_k${i}`)}`);
  const keyRefs = q.keys.map((_, i) => sql.raw(`m._k${i}`));
  const keyset = q.after
    ? sql`(${sql.join(keyRefs)}) > (${sql.join(q.after.map((v) => sql`${v}`))})`
    : sql`true`;
  const facets = q.facets ? facetsObject('m') : sql`null::json`;
  const res = await sql<Record<string, unknown> & { _total: number; _facets: Facets | null }>`
    with ${q.with ?? sql``} m as materialized (
      select ${sql.raw(PROVIDER_COLUMNS)}, ${q.score} as score, ${q.distance} as distance_mi, ${sql.join(keyCols)}
      from ${q.from ?? sql`providers p`} where ${q.where}),
    agg as (select (select count(*)::int from (select 1 from m limit ${TOTAL_CAP + 1}) c) as _total, ${facets} as _facets)
    select page.*, agg._total, agg._facets from agg left join lateral (
      select m.*, tx.display_name as taxonomy_name,
        ${primaryOrganization('m')}
      from m left join taxonomies tx on tx.code = m.primary_taxonomy
      where ${keyset} order by ${sql.join(keyRefs)} limit ${q.limit + 1}) page on true
    order by ${sql.join(q.keys.map((_, i) => sql.raw(`page._k${i}`)))}`.execute(tx);
  const first = res.rows[0];
  return {
    rows: res.rows.filter((r) => r.npi !== null),
    total: Number(first?._total ?? 0),
    facets: first?._facets ?? null,
  };
}
