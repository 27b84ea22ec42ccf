// The WHERE clause of a provider search, built from validated filters (shared by the page of
// results, the facets and the total).
import { type RawBuilder, sql } from 'kysely';
import { textProbes } from '../../../core/directory/trigramProbes';
import { boundingBox } from '../../../core/geo/distance';
import { searchText } from '../../../import/values';
import { probed } from './backend';
import { type CrmSearch, crmFilters } from './crmFilters';

export type ProviderSearch = CrmSearch & {
  q?: string;
  specialty?: string;
  serviceLine?: string;
  zip?: string;
  city?: string;
  county?: string;
  near?: { lat: number; lon: number };
  radiusMi?: number;
  org?: number;
  status?: 'active' | 'deactivated' | 'all';
  /** only these providers (rows ticked in a list, to export) */
  npis?: string[];
  newToMarket?: boolean;
  /** arrivals since this date (new to market); default: arrivals in the latest NPPES import */
  since?: string;
};

export const distanceSql = (p: { lat: number; lon: number }) =>
  sql<number>`(2 * 3958.7613 * asin(least(1, sqrt(power(sin(radians(p.lat - ${p.lat}) / 2), 2)
    + cos(radians(${p.lat})) * cos(radians(p.lat)) * power(sin(radians(p.lon - ${p.lon}) / 2), 2)))))`;

/** Typo tolerance of name search (pg_trgm's default is 0.6); searchProviders sets it per query. */
export const WORD_SIMILARITY = 0.4;

export type Compiled = {
  where: RawBuilder<unknown>;
  score: RawBuilder<number>;
  text: string | null;
  npi: string | null;
  /** the name goes through the name-word index: `where` leaves it out, `score` is cand.score */
  viaTokens: boolean;
  /** filters other than the name and the status */
  otherFilters: number;
};

export function compileProviderFilters(
  f: ProviderSearch,
  latestNppesJob: number | null,
  trigramOperators = true,
  nameTokens = false,
): Compiled {
  const parts: RawBuilder<unknown>[] = [];
  let score: RawBuilder<number> = sql<number>`0`;
  let text: string | null = null;
  let npi: string | null = null;
  const q = f.q?.trim() ?? '';
  const status = f.status ?? 'active';
  // the name-word index holds active providers only
  const viaTokens = nameTokens && status === 'active' && !/^\d{10}$/.test(q) && searchText(q) !== '';
  if (/^\d{10}$/.test(q)) {
    npi = q;
    parts.push(sql`p.npi = ${q}`);
  } else if (q) {
    text = searchText(q);
    if (viaTokens) score = sql<number>`cand.score`;
    else if (text.length < 3) parts.push(sql`p.search_name like ${`${text}%`}`);
    // word similarity alone: on the bench names it finds the same rows as "% 0.25 or <% 0.45" did,
    // but the GIN index hands the recheck far fewer candidates (the loose % admitted ~30 % of rows)
    else if (trigramOperators) parts.push(sql`${text} <% p.search_name`);
    else {
      // PGlite (no trigram operators, backend.ts): word_similarity() only for the names holding one
      // of enough of the query's trigrams (LIKE through the same GIN index): not every provider's
      const probes = textProbes(text, WORD_SIMILARITY).map((x) => sql`p.search_name like ${x}`);
      parts.push(
        probed(
          sql.join(probes, sql` or `),
          sql`word_similarity(${text}, p.search_name) >= ${WORD_SIMILARITY}`,
        ),
      );
    }
    if (!viaTokens)
      score = sql<number>`greatest(similarity(p.search_name, ${text}), word_similarity(${text}, p.search_name))`;
  }
  if (f.specialty) {
    const s = f.specialty.trim();
    if (/^[0-9A-Za-z]{9}[Xx]$/.test(s))
      // any of its taxonomies: provider_taxonomies' codes, kept on the row (migration 20261127_1010)
      parts.push(sql`${s.toUpperCase()} = any(p.taxonomy_codes)`);
    else
      parts.push(sql`p.primary_taxonomy in (select code from taxonomies x where x.display_name ilike ${`%${s}%`}
        or x.classification ilike ${`%${s}%`} or x.specialization ilike ${`%${s}%`})`);
  }
  if (f.npis) parts.push(sql`p.npi = any(${f.npis}::text[])`);
  if (f.serviceLine) parts.push(sql`p.primary_service_line = ${f.serviceLine}`);
  if (f.zip)
    parts.push(
      f.zip.length === 3 ? sql`p.practice_zip5 like ${`${f.zip}%`}` : sql`p.practice_zip5 = ${f.zip}`,
    );
  if (f.city) parts.push(sql`lower(p.practice_city) = ${f.city.toLowerCase()}`);
  if (f.county)
    parts.push(
      /^\d{5}$/.test(f.county)
        ? sql`p.county_fips = ${f.county}`
        : sql`lower(p.county_name) = ${f.county.toLowerCase()}`,
    );
  if (f.near) {
    const miles = f.radiusMi ?? 25;
    const b = boundingBox(f.near.lat, f.near.lon, miles);
    parts.push(sql`p.lat between ${b.minLat} and ${b.maxLat} and p.lon between ${b.minLon} and ${b.maxLon}
      and ${distanceSql(f.near)} <= ${miles}`);
  }
  if (f.org !== undefined)
    parts.push(
      sql`exists (select 1 from memberships m where m.provider_npi = p.npi and m.organization_id = ${f.org})`,
    );
  parts.push(...crmFilters(f));
  const otherFilters = parts.length - (npi || (text && !viaTokens) ? 1 : 0);
  if (status !== 'all') parts.push(sql`p.status = ${status}`);
  if (f.newToMarket) {
    if (f.since) parts.push(sql`p.arrived_at >= ${f.since}::date`);
    else parts.push(sql`p.arrived_job_id = ${latestNppesJob ?? -1}`);
  }
  const where = parts.length ? sql.join(parts, sql` and `) : sql`true`;
  return { where, score, text, npi, viaTokens, otherFilters };
}
