// Reading the answer of an address geocoder (pure). Two common JSON shapes are understood:
//  - Nominatim / Photon-style search: an array of { lat, lon, addresstype | type | class, importance }
//  - US Census Geocoder onelineaddress: { result: { addressMatches: [{ coordinates: { x, y } }] } }
// Only answers at least as exact as a street count: a city or ZIP match is no better than the
// offline ZIP centroid, so it is treated as "not found" and the centroid stays, labelled as such.

export type GeocodedPoint = { lat: number; lon: number; precision: 'rooftop' | 'street' };

// Nominatim's address types that name one building or address point
const ROOFTOP_TYPES = new Set([
  'house',
  'building',
  'house_number',
  'address',
  'amenity',
  'office',
  'healthcare',
]);
const STREET_TYPES = new Set([
  'road',
  'street',
  'residential',
  'highway',
  'primary',
  'secondary',
  'tertiary',
]);

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN);
const valid = (lat: number, lon: number) =>
  Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

function fromNominatim(hits: unknown[]): GeocodedPoint | null {
  for (const h of hits) {
    if (!h || typeof h !== 'object') continue;
    const r = h as Record<string, unknown>;
    const lat = num(r.lat);
    const lon = num(r.lon);
    if (!valid(lat, lon)) continue;
    const kinds = [r.addresstype, r.type, r.class].filter((k): k is string => typeof k === 'string');
    if (kinds.some((k) => ROOFTOP_TYPES.has(k))) return { lat, lon, precision: 'rooftop' };
    if (kinds.some((k) => STREET_TYPES.has(k))) return { lat, lon, precision: 'street' };
  }
  return null;
}

function fromCensus(body: Record<string, unknown>): GeocodedPoint | null {
  const matches = (body.result as { addressMatches?: unknown } | undefined)?.addressMatches;
  if (!Array.isArray(matches)) return null;
  for (const m of matches) {
    const c = (m as { coordinates?: { x?: unknown; y?: unknown } } | null)?.coordinates;
    const lat = num(c?.y);
    const lon = num(c?.x);
    // the Census geocoder interpolates along the street's address range: a street-level point
    if (valid(lat, lon)) return { lat, lon, precision: 'street' };
  }
  return null;
}

/** The point in a geocoder's JSON answer, or null when it has none at street level or better. */
export function readGeocoderAnswer(body: unknown): GeocodedPoint | null {
  if (Array.isArray(body)) return fromNominatim(body);
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.features)) {
      // GeoJSON FeatureCollection (Nominatim format=geojson, Photon): [lon, lat] coordinates
      return fromNominatim(
        o.features.map((f) => {
          const g = f as { geometry?: { coordinates?: unknown[] }; properties?: Record<string, unknown> };
          const [lon, lat] = g.geometry?.coordinates ?? [];
          return { ...g.properties, lat, lon };
        }),
      );
    }
    return fromCensus(o);
  }
  return null;
}

export type AddressParts = {
  line1: string | null;
  city: string | null;
  state: string | null;
  zip5: string | null;
};

/** One-line address as sent to the geocoder, or null when there is no street line to look up. */
export function oneLineAddress(a: AddressParts): string | null {
  const line1 = a.line1?.trim();
  if (!line1 || /^(P\.?\s*O\.?\s*BOX|PO BOX)\b/i.test(line1)) return null;
  return [line1, a.city?.trim(), [a.state?.trim(), a.zip5?.trim()].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
}

/** The cache key of an address: case and spacing do not make a new lookup. */
export const addressKey = (oneLine: string) => oneLine.toUpperCase().replace(/\s+/g, ' ').trim();

/**
 * The request URL: `{address}` in the configured URL is replaced by the encoded address;
 * without it, the address goes in a `q` parameter (Nominatim's free-form search).
 */
export function geocoderRequestUrl(template: string, oneLine: string): string {
  const encoded = encodeURIComponent(oneLine);
  if (template.includes('{address}')) return template.replaceAll('{address}', encoded);
  const u = new URL(template);
  u.searchParams.set('q', oneLine);
  return u.toString();
}
