// Geocoding the directory with a real address geocoder (GEOCODER_URL). Offline, every practice
// point is the ZIP centroid (precision 'zip_centroid'); this replaces it with a street- or
// rooftop-level point where the geocoder knows the address. Every answer, found or not, is kept in
// geocode_cache, so an address is looked up once; transient failures are not cached. A better
// point survives later NPPES files while the address stays the same (see import/nppes/merge.ts).
import { type Kysely, sql } from 'kysely';
import {
  type AddressParts,
  addressKey,
  type GeocodedPoint,
  geocoderRequestUrl,
  oneLineAddress,
  readGeocoderAnswer,
} from '../../core/geo/geocoderResponse';
import { recordAudit } from '../../db/audit';
import type { DB } from '../../db/schema';

/** Any geocoder: a one-line US address in, a point (street level or better) or null out. */
export type Geocoder = (oneLine: string) => Promise<GeocodedPoint | null>;

/** A geocoder over HTTP+JSON (Nominatim- or Census-style), configured by a URL template. */
export function httpGeocoder(urlTemplate: string, opts: { timeoutMs?: number } = {}): Geocoder {
  return async (oneLine) => {
    const res = await fetch(geocoderRequestUrl(urlTemplate, oneLine), {
      headers: { accept: 'application/json', 'user-agent': 'Rounds directory geocoder' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`geocoder answered ${res.status} ${res.statusText}`);
    return readGeocoderAnswer(await res.json());
  };
}

export type GeocodeCounts = {
  addresses: number;
  fromCache: number;
  lookedUp: number;
  found: number;
  notFound: number;
  failed: number;
  providersUpdated: number;
  organizationsUpdated: number;
};

type Addr = { line1: string; city: string; state: string; zip5: string };

const NEEDS_POINT = sql`(geo_precision is null or geo_precision in ('zip_centroid', 'none'))`;

async function addressPage(db: Kysely<DB>, after: Addr | null, size: number): Promise<Addr[]> {
  const a = after ?? { line1: '', city: '', state: '', zip5: '' };
  const cols = (t: string) =>
    sql.raw(`select practice_line1 as line1, coalesce(practice_city, '') as city,
      coalesce(practice_state, '') as state, coalesce(practice_zip5, '') as zip5 from ${t}`);
  const r = await sql<Addr>`
    select distinct line1, city, state, zip5 from (
      ${cols('providers')} where ${NEEDS_POINT} and practice_line1 is not null
      union all
      ${cols('organizations')} where ${NEEDS_POINT} and practice_line1 is not null and deleted_at is null) x
    where (line1, city, state, zip5) > (${a.line1}, ${a.city}, ${a.state}, ${a.zip5})
    order by line1, city, state, zip5 limit ${size}`.execute(db);
  return r.rows;
}

async function applyPoint(db: Kysely<DB>, a: Addr, p: GeocodedPoint) {
  const set = (t: 'providers' | 'organizations') => sql`
    update ${sql.table(t)} set lat = ${p.lat}, lon = ${p.lon}, geo_precision = ${p.precision}, updated_at = now()
    where practice_line1 = ${a.line1} and coalesce(practice_city, '') = ${a.city}
      and coalesce(practice_state, '') = ${a.state} and coalesce(practice_zip5, '') = ${a.zip5} and ${NEEDS_POINT}`;
  const [prov, org] = [await set('providers').execute(db), await set('organizations').execute(db)];
  return { providers: Number(prov.numAffectedRows ?? 0), organizations: Number(org.numAffectedRows ?? 0) };
}

/**
 * Geocodes every practice address still at ZIP-centroid precision, at most `maxLookups` calls to
 * the geocoder per run (cached answers are free), `intervalMs` apart (public services limit rates).
 */
export async function geocodeDirectory(
  db: Kysely<DB>,
  geocoder: Geocoder,
  opts: { maxLookups?: number; intervalMs?: number; source?: string; actor?: string } = {},
): Promise<GeocodeCounts> {
  const counts: GeocodeCounts = {
    addresses: 0,
    fromCache: 0,
    lookedUp: 0,
    found: 0,
    notFound: 0,
    failed: 0,
    providersUpdated: 0,
    organizationsUpdated: 0,
  };
  const maxLookups = opts.maxLookups ?? 1000;
  let after: Addr | null = null;
  for (;;) {
    const page = await addressPage(db, after, 500);
    if (!page.length) break;
    after = page[page.length - 1]!;
    for (const a of page) {
      const one = oneLineAddress(a as AddressParts);
      if (!one) continue;
      counts.addresses++;
      const key = addressKey(one);
      const hit = await db
        .selectFrom('geocode_cache')
        .selectAll()
        .where('address_key', '=', key)
        .executeTakeFirst();
      let point: GeocodedPoint | null;
      if (hit) {
        counts.fromCache++;
        point =
          hit.lat !== null && hit.lon !== null && (hit.precision === 'rooftop' || hit.precision === 'street')
            ? { lat: hit.lat, lon: hit.lon, precision: hit.precision }
            : null;
      } else {
        if (counts.lookedUp >= maxLookups) continue;
        if (counts.lookedUp > 0 && opts.intervalMs) await new Promise((r) => setTimeout(r, opts.intervalMs));
        counts.lookedUp++;
        try {
          point = await geocoder(one);
        } catch {
          counts.failed++; // not cached: the next run tries again
          continue;
        }
        await db
          .insertInto('geocode_cache')
          .values({
            address_key: key,
            lat: point?.lat ?? null,
            lon: point?.lon ?? null,
            precision: point?.precision ?? 'none',
            source: opts.source ?? 'geocoder',
          })
          .onConflict((oc) => oc.column('address_key').doNothing())
          .execute();
      }
      if (!point) {
        counts.notFound++;
        continue;
      }
      counts.found++;
      const u = await applyPoint(db, a, point);
      counts.providersUpdated += u.providers;
      counts.organizationsUpdated += u.organizations;
    }
  }
  await recordAudit(db, {
    actorLabel: opts.actor ?? 'system',
    action: 'geocode',
    entity: 'directory',
    detail: { source: opts.source ?? 'geocoder', ...counts },
  });
  return counts;
}
