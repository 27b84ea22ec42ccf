// A filter-only provider search with facets (a ZIP, a city, a service line, a radius; no name).
// Such a filter can match tens of thousands of providers (a busy ZIP), and counting four facets
// over all of them read every match from the heap. Here the match is read in page order (the
// composite indexes of migration 20261127_0930 lead with the filter column and continue with the
// name sort keys, so the scan stops early) and only its first FILTER_SAMPLE rows are kept: the
// first page, the facet counts and the total come from them. A larger match reports total =
// FILTER_SAMPLE with totalIsExact false ("500+") and facetsSampled = FILTER_SAMPLE, as the
// name path does. Later pages (a cursor) are one keyset scan of the same index.
// A radius search (distance order) must look at every provider in its box to find the nearest; it
// first picks the sample's NPIs from the box index alone (migration 20261127_1000: the index
// carries npi and status, so no table row is read), then reads only those rows.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema';
import {
  type Facets,
  facetsObject,
  type PageQuery,
  PROVIDER_COLUMNS,
  primaryOrganization,
} from './searchMatched';

/** Facet counts and the total of a larger filter-only match are over its first this-many rows. */
export const FILTER_SAMPLE = 500;

export async function searchFiltered(tx: Kysely<DB>, q: PageQuery & { nearest?: boolean }) {
  const keyCols = q.keys.map((k, i) => sql`${k} as ${sql.raw(`_k${i}`)}`);
  const keyRefs = (r: string) => sql.join(q.keys.map((_, i) => sql.raw(`${r}._k${i}`)));
  const row = sql`${sql.raw(PROVIDER_COLUMNS)}, ${q.score} as score, ${q.distance} as distance_mi, ${sql.join(keyCols)}`;
  // the page: the sample's head, or after a cursor a keyset scan in the same (index) order
  const page = q.after
    ? sql`select ${row} from providers p
        where ${q.where} and (${sql.join(q.keys)}) > (${sql.join(q.after.map((v) => sql`${v}`))})
        order by ${sql.join(q.keys)} limit ${q.limit + 1}`
    : sql`select * from s order by ${keyRefs('s')} limit ${q.limit + 1}`;
  const sample = q.nearest
    ? sql`k as materialized (
        select p.npi from providers p where ${q.where} order by ${sql.join(q.keys)} limit ${FILTER_SAMPLE + 1}),
      s as materialized (select ${row} from k join providers p on p.npi = k.npi),`
    : sql`s as materialized (
        select ${row} from providers p where ${q.where} order by ${sql.join(q.keys)} limit ${FILTER_SAMPLE + 1}),`;
  const res = await sql<Record<string, unknown> & { _total: number; _facets: Facets | null }>`
    with ${sample}
    fs as (select * from s order by ${keyRefs('s')} limit ${FILTER_SAMPLE}),
    pg as materialized (${page}),
    agg as (select (select count(*)::int from s) as _total, ${facetsObject('fs')} as _facets)
    select page.*, agg._total, agg._facets from agg left join lateral (
      select pg.*, tx.display_name as taxonomy_name,
        ${primaryOrganization('pg')}
      from pg left join taxonomies tx on tx.code = pg.primary_taxonomy) page on true
    order by ${keyRefs('page')}`.execute(tx);
  const first = res.rows[0];
  const counted = Number(first?._total ?? 0);
  const sampled = counted > FILTER_SAMPLE;
  return {
    rows: res.rows.filter((r) => r.npi !== null),
    total: sampled ? FILTER_SAMPLE : counted,
    totalIsExact: !sampled,
    facets: first?._facets ?? null,
    facetsSampled: sampled ? FILTER_SAMPLE : null,
  };
}
