/** Offices of the demo organizations: addresses jittered around real ZIP centroids, hours and visit rules. */
import { COUNTIES, jitterPoint, type MarketZip, phoneFor, streetAddress, suiteLine } from './geography';
import { formatHours, officeHours, visitRules } from './hours';
import type { Loc, Org, Params } from './model';
import { type CumulativeSampler, rngFor } from './prng';

export function buildLocations(
  p: Params,
  orgs: Org[],
  pending: (MarketZip | null)[],
  zips: MarketZip[],
  sampler: CumulativeSampler,
): Loc[] {
  const taken = new Set<string>();
  const locs: Loc[] = [];
  for (const o of orgs) {
    const rng = rngFor(p.seed, 'loc', o.idx);
    const n =
      o.type === 'group'
        ? o.system >= 0
          ? rng.intBetween(4, 9) * Math.max(1, Math.round(o.capacity / 6))
          : rng.intBetween(2, 4)
        : o.type === 'practice' || o.type === 'clinic'
          ? rng.chance(0.15)
            ? 2
            : 1
          : 1;
    const cities: string[] = [];
    for (let k = 0; k < n; k++) {
      const z = (k === 0 ? pending[o.idx] : null) ?? zips[sampler.sample(rng)]!;
      const dup = cities.filter((c) => c === z.city).length;
      cities.push(z.city);
      const [lat, lon] = jitterPoint(rng, z.lat, z.lon, 1.5, taken);
      const hours = officeHours(rng, o.type, o.primaryLine);
      const id = `L${String(locs.length + 1).padStart(6, '0')}`;
      o.locations.push(locs.length);
      locs.push({
        id,
        org: o.idx,
        name: n > 1 ? `${o.name} - ${z.city}${dup > 0 ? ` ${dup + 1}` : ''}` : o.name,
        line1: streetAddress(rng),
        line2: suiteLine(rng),
        city: z.city,
        zip: z.zip,
        zip4: String(rng.intBetween(1000, 9899)),
        countyIdx: z.countyIdx,
        countyFips: (COUNTIES[z.countyIdx] as (typeof COUNTIES)[number]).fips,
        lat,
        lon,
        phone: phoneFor(rng, z.countyIdx),
        fax: phoneFor(rng, z.countyIdx),
        hours: formatHours(hours),
        rules: visitRules(rng, o.type, hours),
      });
    }
  }
  return locs;
}
