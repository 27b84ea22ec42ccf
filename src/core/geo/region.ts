// A market ("region") filter: states, 3-digit ZIP prefixes, county FIPS codes, or radii around
// ZIPs; a place is in the market when it matches any of them. Spec syntax (CLI --region):
//   states:TN;KY,zip3:370;371,counties:47037,radius:37203:25
import { haversineMiles } from './distance';

export type Region = {
  states: Set<string>;
  zip3: Set<string>;
  counties: Set<string>;
  radii: { zip: string; lat: number; lon: number; miles: number }[];
};

export type Place = {
  state: string | null;
  zip5: string | null;
  countyFips: string | null;
  lat: number | null;
  lon: number | null;
};

export class RegionSpecError extends Error {
  expected = true;
}

export function parseRegion(
  spec: string,
  zipPoint: (zip: string) => { lat: number; lon: number } | null,
): Region {
  const r: Region = { states: new Set(), zip3: new Set(), counties: new Set(), radii: [] };
  for (const group of spec
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean)) {
    const colon = group.indexOf(':');
    const kind = colon < 0 ? '' : group.slice(0, colon).trim().toLowerCase();
    const values = group
      .slice(colon + 1)
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean);
    if (!values.length) throw new RegionSpecError(`Region "${group}" has no values.`);
    for (const v of values) {
      if (kind === 'states' || kind === 'state') {
        if (!/^[A-Za-z]{2}$/.test(v))
          throw new RegionSpecError(`Region state "${v}" is not a 2-letter code.`);
        r.states.add(v.toUpperCase());
      } else if (kind === 'zip3') {
        if (!/^\d{3}$/.test(v)) throw new RegionSpecError(`Region zip3 "${v}" is not 3 digits.`);
        r.zip3.add(v);
      } else if (kind === 'counties' || kind === 'county') {
        if (!/^\d{5}$/.test(v)) throw new RegionSpecError(`Region county "${v}" is not a 5-digit FIPS code.`);
        r.counties.add(v);
      } else if (kind === 'radius') {
        const m = /^(\d{5}):(\d+(?:\.\d+)?)$/.exec(v);
        if (!m) throw new RegionSpecError(`Region radius "${v}" must be ZIP:miles, e.g. 37203:25.`);
        const p = zipPoint(m[1]!);
        if (!p) throw new RegionSpecError(`Region radius ZIP ${m[1]} is not a known ZIP code.`);
        r.radii.push({ zip: m[1]!, lat: p.lat, lon: p.lon, miles: Number(m[2]) });
      } else {
        throw new RegionSpecError(
          `Region part "${group}" is not one of states:, zip3:, counties:, radius: (e.g. states:TN,radius:37203:25).`,
        );
      }
    }
  }
  return r;
}

export function inRegion(r: Region, p: Place): boolean {
  if (p.state && r.states.has(p.state.toUpperCase())) return true;
  if (p.zip5 && r.zip3.has(p.zip5.slice(0, 3))) return true;
  if (p.countyFips && r.counties.has(p.countyFips)) return true;
  if (p.lat !== null && p.lon !== null)
    for (const c of r.radii) if (haversineMiles(c.lat, c.lon, p.lat, p.lon) <= c.miles) return true;
  return false;
}
