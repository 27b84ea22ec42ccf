// A name search of active providers through the name-word index (nameWords.ts): the matched
// vocabulary words lead to provider_name_tokens (b-tree, index-only), which gives each candidate
// NPI its relevance without reading a provider row. Two shapes:
//   - lean (relevance order, no other filter): the page is the best candidates by (score, npi),
//     and only the page's rows and, for facets, the best FACET_SAMPLE candidates are read from
//     providers — a 3-letter prefix matching 50,000 providers reads ~550 rows, not 50,000;
//   - joined (another filter, or name/distance order): every candidate is joined to providers
//     and searchMatched does the rest (exact facets), as a filter needs each candidate's row.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../schema';
import type { WordMatch } from './nameWords';
import {
  type Facets,
  facetsObject,
  PROVIDER_COLUMNS,
  primaryOrganization,
  searchMatched,
  TOTAL_CAP,
} from './searchMatched';

/** Facet counts of a larger name match are taken over its best this-many matches (flagged). */
export const FACET_SAMPLE = 500;

/**
 * Rows of one query word: (npi, s) for each NPI carrying a matched word, s that word's score.
 * Ungrouped, so an NPI carrying two of the matched words has two rows; `best` groups them.
 */
function perQueryWord(ms: WordMatch[]) {
  if (ms.length === 1)
    return sql`select t.npi, ${ms[0]!.score}::float8 as s from provider_name_tokens t where t.token = ${ms[0]!.word} collate "C"`;
  return sql`select t.npi, w.s
    from unnest(${ms.map((m) => m.word)}::text[], ${ms.map((m) => m.score)}::float8[]) w(word, s)
    join provider_name_tokens t on t.token = w.word collate "C"`;
}

/**
 * The candidate CTE `cand(npi, score)`: NPIs carrying a match for every query word (one relation
 * per query word, joined on npi), score the mean over query words of the best matched word.
 * With several query words the relations are joined before grouping: "garcia maria" joins
 * garcia's 22,000 tokens with the 78,000 of maria's look-alikes and groups the ≈ 1,400 NPIs
 * that carry both, instead of grouping the 78,000 first (which spilled to disk at work_mem 4 MB).
 */
function candidates(groups: WordMatch[][]) {
  if (groups.some((g) => !g.length))
    return sql`cand as (select null::text as npi, null::float8 as score where false),`;
  const rel = groups.map((g, i) => sql`${sql.raw(`q${i}`)} as (${perQueryWord(g)}),`);
  // One word ("smith"): every candidate scores the same, so (score desc, npi) is the token index's
  // own order and each use of cand (the count, the best 500, the page) reads only what it needs of
  // the index, instead of sorting all 22,000 materialized candidates twice.
  if (groups.length === 1 && groups[0]!.length === 1)
    return sql`${rel[0]!} cand as not materialized (select npi, s::float8 as score from q0),`;
  if (groups.length === 1)
    return sql`${rel[0]!} cand as materialized (select npi, max(s)::float8 as score from q0 group by npi),`;
  const join = groups.slice(1).map((_, i) => sql.raw(` join q${i + 1} using (npi)`));
  const sum = sql.raw(groups.map((_, i) => `max(q${i}.s)`).join(' + '));
  return sql`${sql.join(rel, sql``)} cand as materialized (
    select npi, ((${sum}) / ${groups.length})::float8 as score from q0${sql.join(join, sql``)} group by npi),`;
}

export async function searchByNameJoined(
  tx: Kysely<DB>,
  q: {
    groups: WordMatch[][];
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
    with: candidates(q.groups),
    from: sql`cand join providers p on p.npi = cand.npi`,
  });
  return { ...m, facetsSampled: null as number | null, totalIsExact: m.total <= TOTAL_CAP };
}

export async function searchByNameLean(
  tx: Kysely<DB>,
  q: {
    groups: WordMatch[][];
    /** false when the groups leave out lower-scoring words (the total is then a lower bound) */
    complete: boolean;
    after: (string | number)[] | null;
    limit: number;
    facets: boolean;
  },
) {
  // The best candidates, ordered once: the facet sample and, without a cursor, the page (its head).
  const sample = q.facets ? FACET_SAMPLE : 0;
  const best = q.after ? sample : Math.max(sample, q.limit + 1);
  const page = q.after
    ? sql`select c.npi, c.score from cand c where (-c.score, c.npi) > (${q.after[0]}::float8, ${q.after[1]})
        order by c.score desc, c.npi limit ${q.limit + 1}`
    : sql`select npi, score from best order by score desc, npi limit ${q.limit + 1}`;
  const res = await sql<Record<string, unknown> & { _total: number; _facets: Facets | null }>`
    with ${candidates(q.groups)}
    tot as (select count(*)::int as n from (select 1 from cand limit ${TOTAL_CAP + 1}) x),
    best as materialized (select npi, score from cand order by score desc, npi limit ${best}),
    fs as (select ${sql.raw(PROVIDER_COLUMNS)} from (
        select npi from best order by score desc, npi limit ${sample}) s
      join providers p on p.npi = s.npi),
    pg as (${page})
    select page.*, tot.n as _total, ${q.facets ? facetsObject('fs') : sql`null::json`} as _facets
    from tot left join lateral (
      select ${sql.raw(PROVIDER_COLUMNS)}, pg.score, null::float8 as distance_mi, tx.display_name as taxonomy_name,
        ${primaryOrganization('p')}
      from pg join providers p on p.npi = pg.npi left join taxonomies tx on tx.code = p.primary_taxonomy) page on true
    order by page.score desc, page.npi`.execute(tx);
  const first = res.rows[0];
  const total = Number(first?._total ?? 0);
  return {
    rows: res.rows.filter((r) => r.npi !== null),
    // without the left-out words the count is a lower bound
    total,
    totalIsExact: q.complete && total <= TOTAL_CAP,
    facets: first?._facets ?? null,
    // counts over a sample only when the match is larger than the sample
    facetsSampled: q.facets && total > FACET_SAMPLE ? FACET_SAMPLE : null,
  };
}
