// A name search of active providers through the name-word index (nameWords.ts): the matched
// vocabulary words lead to provider_name_tokens (b-tree, index-only), which gives each candidate
// NPI its relevance without reading a provider row. Two shapes:
//   - lean (relevance order, no other filter): the page is the best candidates by (score, npi),
//     and only the page's rows and, for facets, the best FACET_SAMPLE candidates are read from
//     providers — a 3-letter prefix matching 50,000 providers reads ~1,000 rows, not 50,000;
//   - joined (another filter, or name/distance order): every candidate is joined to providers
//     and searchMatched does the rest (exact facets), as a filter needs each candidate's row.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../schema';
import type { WordMatch } from './nameWords';
import { type Facets, facetsObject, PROVIDER_COLUMNS, searchMatched, TOTAL_CAP } from './searchMatched';

/** Facet counts of a larger name match are taken over its best this-many matches (flagged). */
export const FACET_SAMPLE = 1000;

/** The candidate CTE: NPIs carrying a match for every query word, with their relevance. */
function candidates(matches: WordMatch[], nq: number) {
  return sql`w(qi, word, score) as (
      select * from unnest(${matches.map((m) => m.qi)}::int[], ${matches.map((m) => m.word)}::text[],
        ${matches.map((m) => m.score)}::float8[])),
    cand as materialized (
      select b.npi, (sum(b.best) / ${nq})::float8 as score from (
        select t.npi, w.qi, max(w.score) as best
        from w join provider_name_tokens t on t.token = w.word collate "C"
        group by t.npi, w.qi) b
      group by b.npi having count(*) = ${nq}),`;
}

export async function searchByNameJoined(
  tx: Kysely<DB>,
  q: {
    matches: WordMatch[];
    nq: number;
    where: RawBuilder<unknown>;
    distance: RawBuilder<number>;
    keys: RawBuilder<unknown>[];
    after: (string | number)[] | null;
    limit: number;
    facets: boolean;
  },
) {
  const m = await searchMatched(tx, {
    ...q,
    score: sql<number>`cand.score`,
    with: candidates(q.matches, q.nq),
    from: sql`cand join providers p on p.npi = cand.npi`,
  });
  return { ...m, facetsSampled: null as number | null };
}

export async function searchByNameLean(
  tx: Kysely<DB>,
  q: { matches: WordMatch[]; nq: number; after: (string | number)[] | null; limit: number; facets: boolean },
) {
  const keyset = q.after ? sql`(-c.score, c.npi) > (${q.after[0]}::float8, ${q.after[1]})` : sql`true`;
  const res = await sql<Record<string, unknown> & { _total: number; _facets: Facets | null }>`
    with ${candidates(q.matches, q.nq)}
    tot as (select count(*)::int as n from (select 1 from cand limit ${TOTAL_CAP + 1}) x),
    fs as (select ${sql.raw(PROVIDER_COLUMNS)} from (
        select npi from cand order by score desc, npi limit ${q.facets ? FACET_SAMPLE : 0}) s
      join providers p on p.npi = s.npi),
    pg as (select c.npi, c.score from cand c where ${keyset} order by c.score desc, c.npi limit ${q.limit + 1})
    select page.*, tot.n as _total, ${q.facets ? facetsObject('fs') : sql`null::json`} as _facets
    from tot left join lateral (
      select ${sql.raw(PROVIDER_COLUMNS)}, pg.score, null::float8 as distance_mi, tx.display_name as taxonomy_name,
        (select jsonb_build_object('id', o.id, 'name', o.name, 'networkStatus', o.network_status, 'type', o.type)
           from memberships ms join organizations o on o.id = ms.organization_id
           where ms.provider_npi = p.npi and o.deleted_at is null
           order by (ms.role = 'primary') desc, o.id limit 1) as organization
      from pg join providers p on p.npi = pg.npi left join taxonomies tx on tx.code = p.primary_taxonomy) page on true
    order by page.score desc, page.npi`.execute(tx);
  const first = res.rows[0];
  const total = Number(first?._total ?? 0);
  return {
    rows: res.rows.filter((r) => r.npi !== null),
    total,
    facets: first?._facets ?? null,
    // counts over a sample only when the match is larger than the sample
    facetsSampled: q.facets && total > FACET_SAMPLE ? FACET_SAMPLE : null,
  };
}
