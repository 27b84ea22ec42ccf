/**
 * Individual providers as compact typed arrays (scales to millions): specialty, organization,
 * office, coordinates, lifecycle and referral propensities. Everything else (names, licenses,
 * addresses) is recomputed on demand from the per-provider PRNG stream.
 */
import { jitterPoint, marketZips } from './geography';
import type { Loc, Org, Params } from './model';
import { npiAt } from './npi';
import { CumulativeSampler, type Rng, rngFor } from './prng';
import { SPECIALTIES, SPECIALTY_WEIGHTS } from './specialties';

export const LIFE_ACTIVE = 0;
export const LIFE_DEACTIVATED = 1;
/** Enumerated in the last two months of the window ("new to market"). */
export const LIFE_NEW = 2;
/** Long-enumerated, moved into the market during the window (starts referring at `start`). */
export const LIFE_MOVED_IN = 3;

export interface ProviderTable {
  n: number;
  npi: Uint32Array;
  spec: Uint8Array;
  org: Int32Array;
  org2: Int32Array;
  loc: Int32Array;
  loc2: Int32Array;
  zip: Uint16Array;
  lat: Float32Array;
  lon: Float32Array;
  life: Uint8Array;
  start: Int16Array;
  /** Base outbound referrals / month at window start (before seasonality and growth). */
  rate: Float32Array;
  /** Own loyalty: log-multiplier on our network's destinations. */
  loyal: Float32Array;
  /** Referrer's network: 0 = ours (owned or affiliated), 1–2 competitor systems, -1 independent. */
  net: Int8Array;
}

export function referrerNetwork(o: Org | undefined): number {
  if (!o) return -1;
  if (o.system >= 0) return o.system;
  return o.status === 'affiliated' ? 0 : -1;
}

function hostSamplers(orgs: Org[]): Map<string, { ids: number[]; sampler: CumulativeSampler }> {
  const lists = new Map<string, { ids: number[]; w: number[] }>();
  const push = (k: string, id: number, w: number) => {
    const l = lists.get(k) ?? { ids: [], w: [] };
    l.ids.push(id);
    l.w.push(w);
    lists.set(k, l);
  };
  for (const o of orgs) {
    if (o.type === 'practice' || o.type === 'clinic') push(o.primaryLine, o.idx, o.capacity);
    else if (o.type === 'group') for (const l of o.lines) push(l, o.idx, o.capacity * 0.5);
    else if (o.type === 'hospital') {
      push('hospital', o.idx, o.capacity);
      push('imaging_center', o.idx, 2);
      for (const l of ['orthopedics', 'general_surgery', 'cardiology', 'oncology', 'neurosurgery', 'obgyn'])
        if (o.lines.includes(l as never)) push(l, o.idx, 1.5);
    } else if (o.type === 'imaging') push('imaging_center', o.idx, 3);
    else if (o.type === 'asc') push('hospital', o.idx, 0.5);
  }
  const out = new Map<string, { ids: number[]; sampler: CumulativeSampler }>();
  for (const [k, l] of lists) out.set(k, { ids: l.ids, sampler: new CumulativeSampler(l.w) });
  return out;
}

export function buildProviders(
  p: Params,
  orgs: Org[],
  locs: Loc[],
  onProgress?: (done: number) => void,
): ProviderTable {
  const n = p.providers;
  const t: ProviderTable = {
    n,
    npi: new Uint32Array(n),
    spec: new Uint8Array(n),
    org: new Int32Array(n),
    org2: new Int32Array(n),
    loc: new Int32Array(n),
    loc2: new Int32Array(n),
    zip: new Uint16Array(n),
    lat: new Float32Array(n),
    lon: new Float32Array(n),
    life: new Uint8Array(n),
    start: new Int16Array(n),
    rate: new Float32Array(n),
    loyal: new Float32Array(n),
    net: new Int8Array(n),
  };
  const zips = marketZips();
  const zipSampler = new CumulativeSampler(zips.map((z) => z.weight));
  const specSampler = new CumulativeSampler(SPECIALTY_WEIGHTS);
  const hosts = hostSamplers(orgs);
  const hospitals = orgs.filter((o) => o.type === 'hospital');
  const scratch = new Set<string>();
  const M = p.months;
  for (let i = 0; i < n; i++) {
    const rng = rngFor(p.seed, 'prov', i);
    t.npi[i] = npiAt(p.seed, i);
    const si = specSampler.sample(rng);
    const spec = SPECIALTIES[si]!;
    t.spec[i] = si;
    const u = rng.next();
    const life =
      u < 0.004
        ? LIFE_DEACTIVATED
        : u < 0.012
          ? LIFE_NEW
          : u < 0.027 && M >= 12
            ? LIFE_MOVED_IN
            : LIFE_ACTIVE;
    t.life[i] = life;
    t.start[i] =
      life === LIFE_NEW ? M - 1 - rng.int(2) : life === LIFE_MOVED_IN ? rng.intBetween(6, M - 3) : 0;
    t.rate[i] = spec.rate > 0 ? spec.rate * Math.exp(0.45 * rng.normal()) : 0;
    t.loyal[i] = 0.6 * rng.normal();
    t.org[i] = -1;
    t.org2[i] = -1;
    t.loc[i] = -1;
    t.loc2[i] = -1;
    const host = hosts.get(spec.host);
    const solo =
      life === LIFE_DEACTIVATED ||
      !host ||
      (spec.host !== 'hospital' && spec.host !== 'imaging_center' && rng.chance(0.05));
    if (!solo) {
      const oi = host.ids[host.sampler.sample(rng)]!;
      const o = orgs[oi]!;
      t.org[i] = oi;
      const li = o.locations[rng.int(o.locations.length)]!;
      t.loc[i] = li;
      const l = locs[li]!;
      t.zip[i] = Math.max(
        0,
        zips.findIndex((z) => z.zip === l.zip),
      );
      t.lat[i] = l.lat;
      t.lon[i] = l.lon;
      if (rng.chance(0.1)) {
        const o2 =
          spec.dest && hospitals.length
            ? pickHospital(rng, hospitals, o.system)
            : orgs[host.ids[host.sampler.sample(rng)]!]!;
        if (o2.idx !== oi) {
          t.org2[i] = o2.idx;
          t.loc2[i] = o2.locations[0]!;
        }
      }
    } else {
      const zi = zipSampler.sample(rng);
      const z = zips[zi]!;
      t.zip[i] = zi;
      scratch.clear();
      const [la, lo] = jitterPoint(rng, z.lat, z.lon, 2, scratch);
      t.lat[i] = la;
      t.lon[i] = lo;
    }
    t.net[i] = referrerNetwork(t.org[i]! >= 0 ? orgs[t.org[i]!] : undefined);
    if (onProgress && i % 50_000 === 0) onProgress(i);
  }
  return t;
}

function pickHospital(rng: Rng, hospitals: Org[], system: number): Org {
  const same = hospitals.filter((h) => h.system === system);
  return same.length && rng.chance(0.75) ? rng.pick(same) : rng.pick(hospitals);
}
