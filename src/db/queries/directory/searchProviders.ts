// Provider search: fuzzy name, filters, radius, facets, keyset pagination. A name search of active
// providers goes through the name-word index (nameWords.ts, searchByName.ts); NPI, other statuses
// and filter-only searches read providers directly (pg_trgm on search_name for status=all).
import { type Kysely, sql } from 'kysely';
import { personName } from '../../../core/directory/personName';
import type { DB } from '../../schema';
import { isPglite } from './backend';
import { budgetWords, byQueryWord, queryWords, resolveNameWords } from './nameWords';
import { compileProviderFilters, distanceSql, type ProviderSearch, WORD_SIMILARITY } from './providerFilters';
import { searchByNameJoined, searchByNameLean } from './searchByName';
import { searchFiltered } from './searchFiltered';
import { type Facets, primaryOrganization, searchMatched, TOTAL_CAP } from './searchMatched';

export type ProviderSort = 'relevance' | 'name' | 'distance';
export type SearchRequest = ProviderSearch & {
  sort?: ProviderSort;
  cursor?: string;
  limit?: number;
  facets?: boolean;
};

export class SearchInputError extends Error {
  expected = true;
}

type Cursor = { k: (string | number)[] };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (Array.isArray(c.k) && c.k.every((x) => typeof x === 'string' || typeof x === 'number')) return c;
  } catch {}
  throw new SearchInputError('cursor is not a cursor returned by this search');
}

export type ProviderHit = Awaited<ReturnType<typeof searchProviders>>['items'][number];

export async function latestNppesImport(db: Kysely<DB>) {
  return db
    .selectFrom('import_jobs')
    .select(['id', 'data_date', 'finished_at'])
    .where('kind', '=', 'nppes')
    .where('status', '=', 'succeeded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function searchProviders(db: Kysely<DB>, r: SearchRequest) {
  // The latest import gives the result's data date, and its job id only to "new to market" without
  // a date: otherwise it is read on another connection while the search runs (one round trip less).
  const latestP = latestNppesImport(db);
  latestP.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const jobId = r.newToMarket && !r.since ? ((await latestP)?.id ?? null) : null;
  const found = await search(db, r, jobId);
  return { ...found, dataDate: (await latestP)?.data_date ?? null };
}

async function search(db: Kysely<DB>, r: SearchRequest, latestNppesJob: number | null) {
  const trigramOperators = !(await isPglite(db));
  const f = compileProviderFilters(r, latestNppesJob, trigramOperators, true);
  const sort: ProviderSort = r.sort ?? (f.text ? 'relevance' : r.near ? 'distance' : 'name');
  if (sort === 'distance' && !r.near)
    throw new SearchInputError('sort=distance needs near (a ZIP or lat,lon)');
  if (sort === 'relevance' && !f.text && !f.npi)
    throw new SearchInputError('sort=relevance needs q (a name to search)');
  const limit = Math.min(Math.max(r.limit ?? 50, 1), 200);
  const dist = r.near ? distanceSql(r.near) : sql<number>`null`;
  const keys =
    sort === 'name'
      ? [sql`coalesce(p.last_name, '')`, sql`coalesce(p.first_name, '')`, sql`p.npi`]
      : sort === 'relevance'
        ? [sql`-${f.score}`, sql`p.npi`]
        : [dist, sql`p.npi`];
  const after = r.cursor ? decode(r.cursor).k : null;
  if (after && after.length !== keys.length)
    throw new SearchInputError('cursor does not belong to this sort');
  const keyset = after ? sql`(${sql.join(keys)}) > (${sql.join(after.map((v) => sql`${v}`))})` : sql`true`;
  const result = (
    rows: Record<string, unknown>[],
    total: number,
    facets: Facets | null,
    facetsSampled: number | null = null,
    exact = total <= TOTAL_CAP,
  ) => {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toHit),
      facets,
      /** set when the facet counts cover only the best this-many matches of a larger match */
      facetsSampled,
      nextCursor: rows.length > limit && last ? encode({ k: keyOf(last, sort) }) : null,
      total: Math.min(total, TOTAL_CAP),
      totalIsExact: exact && total <= TOTAL_CAP,
      sort,
    };
  };
  // the name-word index path: a few single statements, no transaction (no settings to scope)
  if (f.viaTokens) {
    const words = queryWords(f.text!);
    const groups = byQueryWord(await resolveNameWords(db, words, trigramOperators), words.length);
    const facets = r.facets !== false;
    let m: Awaited<ReturnType<typeof searchByNameLean>>;
    if (sort === 'relevance' && f.otherFilters === 0) {
      const cut =
        groups.length === 1
          ? budgetWords(groups[0]!, after ? -Number(after[0]) : null, TOTAL_CAP + 1)
          : { words: null, complete: true };
      m = await searchByNameLean(db, {
        groups: cut.words ? [cut.words] : groups,
        complete: cut.complete,
        after,
        limit,
        facets,
      });
    } else
      m = await searchByNameJoined(db, {
        groups,
        after,
        limit,
        facets,
        where: f.where,
        distance: dist,
        keys,
      });
    return result(m.rows, m.total, m.facets, m.facetsSampled, m.totalIsExact);
  }
  // Filters without a name, facets asked for: the first FILTER_SAMPLE matches in page order
  // (searchFiltered). A fuzzy name (status other than active) or an NPI: the match evaluated once
  // for the page, the total and the facets. Each is one statement, run on its own (no transaction:
  // under load every round trip costs); only the fuzzy name needs its similarity threshold set,
  // which is scoped to a transaction. A browse keeps index order (and separate facet scans).
  const filtered = [
    r.q,
    r.specialty,
    r.serviceLine,
    r.zip,
    r.city,
    r.county,
    r.near,
    r.org,
    r.newToMarket,
    r.tier,
    r.owner,
    r.territory,
    r.overdue,
    r.networkStatus,
    r.segment,
    r.npis,
  ].some((v) => v !== undefined && v !== '' && v !== false);
  if (!f.text && !f.npi && filtered && r.facets !== false) {
    const m = await searchFiltered(db, {
      where: f.where,
      score: f.score,
      distance: dist,
      keys,
      after,
      limit,
      nearest: sort === 'distance',
    });
    return result(m.rows, m.total, m.facets, m.facetsSampled, m.totalIsExact);
  }
  const matched = (tx: Kysely<DB>) =>
    searchMatched(tx, {
      where: f.where,
      score: f.score,
      distance: dist,
      keys,
      after,
      limit,
      facets: r.facets !== false,
    });
  if (f.npi && !f.text) {
    const m = await matched(db);
    return result(m.rows, m.total, m.facets);
  }
  return db.transaction().execute(async (tx) => {
    // typo tolerance: a looser word-similarity threshold than pg_trgm's default, ranked by similarity
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`.execute(
      tx,
    );
    if (f.text || (filtered && r.facets !== false)) {
      const m = await matched(tx);
      return result(m.rows, m.total, m.facets);
    }
    const rows = await sql<Record<string, unknown>>`
      select p.npi, p.last_name, p.first_name, p.middle_name, p.name_prefix, p.name_suffix, p.credential, p.sex,
        p.primary_taxonomy, tx.display_name as taxonomy_name, p.primary_service_line, p.status,
        p.practice_line1, p.practice_line2, p.practice_city, p.practice_state, p.practice_zip5, p.practice_phone,
        p.county_fips, p.county_name, p.lat, p.lon, p.geo_precision, p.arrived_at, p.arrival_reason, p.enumeration_date,
        ${f.score} as score, ${dist} as distance_mi, ${sql.join(keys)} as _k,
        ${primaryOrganization('p')}
      from providers p left join taxonomies tx on tx.code = p.primary_taxonomy
      where ${f.where} and ${keyset}
      order by ${sql.join(keys)}
      limit ${limit + 1}`.execute(tx);
    const facets = r.facets === false ? null : await providerFacets(tx, f.where);
    const totalRows = await sql<{
      n: number;
    }>`select count(*) as n from (select 1 from providers p where ${f.where} limit ${TOTAL_CAP + 1}) x`.execute(
      tx,
    );
    return result(rows.rows, Number(totalRows.rows[0]?.n ?? 0), facets);
  });
}

function keyOf(row: Record<string, unknown>, sort: ProviderSort): (string | number)[] {
  if (sort === 'name') return [String(row.last_name ?? ''), String(row.first_name ?? ''), String(row.npi)];
  if (sort === 'relevance') return [-Number(row.score), String(row.npi)];
  return [Number(row.distance_mi), String(row.npi)];
}

export function displayName(p: {
  first_name?: unknown;
  middle_name?: unknown;
  last_name?: unknown;
  name_suffix?: unknown;
  credential?: unknown;
}) {
  const str = (v: unknown) => (v == null ? null : String(v));
  return personName({
    first: str(p.first_name),
    middle: str(p.middle_name),
    last: str(p.last_name),
    suffix: str(p.name_suffix),
    credential: str(p.credential),
  });
}

function toHit(r: Record<string, unknown>) {
  return {
    npi: r.npi as string,
    name: displayName(r),
    lastName: r.last_name as string | null,
    firstName: r.first_name as string | null,
    credential: r.credential as string | null,
    primaryTaxonomy: r.primary_taxonomy
      ? { code: r.primary_taxonomy as string, name: (r.taxonomy_name as string | null) ?? null }
      : null,
    serviceLine: r.primary_service_line as string | null,
    status: r.status as string,
    address: {
      line1: r.practice_line1 as string | null,
      line2: r.practice_line2 as string | null,
      city: r.practice_city as string | null,
      state: r.practice_state as string | null,
      zip5: r.practice_zip5 as string | null,
      countyFips: r.county_fips as string | null,
      countyName: r.county_name as string | null,
    },
    phone: r.practice_phone as string | null,
    location:
      r.lat === null
        ? null
        : { lat: r.lat as number, lon: r.lon as number, precision: r.geo_precision as string },
    organization:
      (r.organization as { id: number; name: string; networkStatus: string; type: string } | null) ?? null,
    arrivedAt: r.arrived_at as Date | null,
    arrivalReason: r.arrival_reason as string | null,
    enumerationDate: r.enumeration_date as string | null,
    score: f4(r.score),
    distanceMi: r.distance_mi === null ? null : f4(r.distance_mi),
  };
}
const f4 = (v: unknown) => Math.round(Number(v) * 10000) / 10000;

async function providerFacets(tx: Kysely<DB>, where: ReturnType<typeof sql>): Promise<Facets> {
  const facet = async (col: string, label: string | null, top: number) => {
    const res = await sql<Facets[keyof Facets][number]>`
      select ${sql.raw(col)} as value, ${sql.raw(label ?? 'null')} as label, count(*)::int as count
      from providers p ${sql.raw(col === 'p.primary_taxonomy' ? 'left join taxonomies tx on tx.code = p.primary_taxonomy' : '')}
      where ${where} and ${sql.raw(col)} is not null
      group by 1 order by 3 desc, 1 limit ${top}`.execute(tx);
    return res.rows;
  };
  return {
    serviceLine: await facet('p.primary_service_line', null, 30),
    specialty: await facet('p.primary_taxonomy', 'max(tx.display_name)', 20),
    city: await facet('p.practice_city', null, 20),
    county: await facet('p.county_fips', 'max(p.county_name)', 20),
  };
}
