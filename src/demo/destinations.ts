/**
 * Referral destinations and each referrer's personal "panel": for every service line a physician
 * refers in, a few habitual destinations chosen by distance decay, facility pull, affiliation pull
 * and the physician's own loyalty. Panels are recomputed deterministically on demand (never stored).
 */
import type { ServiceLineKey } from '../core/serviceLines';
import { approxKm, marketZips } from './geography';
import type { Org, Params } from './model';
import { rngFor } from './prng';
import { LIFE_ACTIVE, type ProviderTable, referrerNetwork } from './providers';
import { DECAY_KM, DEFAULT_DECAY_KM, FACILITY_PULL, SPECIALTIES } from './specialties';

export const AFFILIATION_PULL = 5;
const CELL = 0.05;
const MIN_CANDIDATES = 40;
const MAX_RING = 12;

export interface LineIndex {
  line: ServiceLineKey;
  /** ≥ 0: provider index; < 0: -(org index) - 1 (a facility). */
  ref: Int32Array;
  npi: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
  net: Int8Array;
  attract: Float32Array;
  cellStart: Int32Array;
  cellItems: Int32Array;
}

export interface DestIndex {
  lines: Map<ServiceLineKey, LineIndex>;
  gx0: number;
  gy0: number;
  gw: number;
  gh: number;
}

const FACILITY_TYPES = new Set(['hospital', 'asc', 'imaging', 'clinic']);

export function buildDestIndex(
  p: Params,
  t: ProviderTable,
  orgs: Org[],
  locs: { lat: number; lon: number }[],
): DestIndex {
  const zips = marketZips();
  const lats = zips.map((z) => z.lat);
  const lons = zips.map((z) => z.lon);
  const gy0 = Math.floor((Math.min(...lats) - 0.3) / CELL);
  const gx0 = Math.floor((Math.min(...lons) - 0.3) / CELL);
  const gh = Math.ceil((Math.max(...lats) + 0.3) / CELL) - gy0 + 1;
  const gw = Math.ceil((Math.max(...lons) + 0.3) / CELL) - gx0 + 1;
  const tmp = new Map<ServiceLineKey, number[]>();
  for (let i = 0; i < t.n; i++) {
    const s = SPECIALTIES[t.spec[i]!]!;
    if (!s.dest || t.life[i] !== LIFE_ACTIVE) continue;
    (tmp.get(s.line) ?? tmp.set(s.line, []).get(s.line)!).push(i);
  }
  for (const o of orgs) {
    if (!FACILITY_TYPES.has(o.type)) continue;
    for (const l of o.lines)
      if (l !== 'primary_care' && l !== 'emergency') (tmp.get(l) ?? tmp.set(l, []).get(l)!).push(-o.idx - 1);
  }
  const lines = new Map<ServiceLineKey, LineIndex>();
  for (const [line, refs] of [...tmp.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const n = refs.length;
    const li: LineIndex = {
      line,
      ref: Int32Array.from(refs),
      npi: new Uint32Array(n),
      lat: new Float32Array(n),
      lon: new Float32Array(n),
      net: new Int8Array(n),
      attract: new Float32Array(n),
      cellStart: new Int32Array(gw * gh + 1),
      cellItems: new Int32Array(n),
    };
    const cellOf = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const r = refs[k]!;
      const rng = rngFor(p.seed, 'attract', line, r);
      if (r >= 0) {
        li.npi[k] = t.npi[r]!;
        li.lat[k] = t.lat[r]!;
        li.lon[k] = t.lon[r]!;
        li.net[k] = t.net[r]!;
        li.attract[k] = Math.exp(0.5 * rng.normal());
      } else {
        const o = orgs[-r - 1]!;
        const l0 = locs[o.locations[0]!]!;
        li.npi[k] = o.npi;
        li.lat[k] = l0.lat;
        li.lon[k] = l0.lon;
        li.net[k] = referrerNetwork(o);
        li.attract[k] = (FACILITY_PULL[line] ?? 0.3) * o.capacity ** 0.3 * Math.exp(0.3 * rng.normal()) * 3;
      }
      const cy = Math.min(gh - 1, Math.max(0, Math.floor(li.lat[k]! / CELL) - gy0));
      const cx = Math.min(gw - 1, Math.max(0, Math.floor(li.lon[k]! / CELL) - gx0));
      cellOf[k] = cy * gw + cx;
      li.cellStart[cellOf[k]! + 1]! += 1;
    }
    for (let c = 0; c < gw * gh; c++) li.cellStart[c + 1]! += li.cellStart[c]!;
    const fill = li.cellStart.slice(0, gw * gh);
    for (let k = 0; k < n; k++) li.cellItems[fill[cellOf[k]!]!++] = k;
    lines.set(line, li);
  }
  return { lines, gx0, gy0, gw, gh };
}

export interface Panel {
  line: ServiceLineKey;
  /** Share of the referrer's outbound volume in this line (sums to 1 over panels). */
  weight: number;
  dest: number[];
  prob: number[];
  /** 0 = our network, 1–2 competitor systems, -1 independent. */
  net: number[];
  /** Best-placed competitor-system destination (index into the line), or -1. */
  competitor: number;
  usShare: number;
}

/** The referrer's panels (one per line it refers in). Deterministic in (seed, referrer). */
export function panelsFor(p: Params, idx: DestIndex, t: ProviderTable, i: number): Panel[] {
  const spec = SPECIALTIES[t.spec[i]!]!;
  const out: Panel[] = [];
  const entries = Object.entries(spec.out) as [ServiceLineKey, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const lat = t.lat[i]!;
  const lon = t.lon[i]!;
  const refNet = t.net[i]!;
  const loyal = Math.exp(t.loyal[i]!);
  const cy = Math.floor(lat / CELL) - idx.gy0;
  const cx = Math.floor(lon / CELL) - idx.gx0;
  for (const [line, w] of entries) {
    const li = idx.lines.get(line);
    if (!li || li.ref.length === 0) continue;
    const rng = rngFor(p.seed, 'panel', i, line);
    const cand: number[] = [];
    for (let r = 0; r <= MAX_RING && (cand.length < MIN_CANDIDATES || r < 2); r++) {
      for (let dy = -r; dy <= r; dy++) {
        const y = cy + dy;
        if (y < 0 || y >= idx.gh) continue;
        const step = dy === -r || dy === r ? 1 : 2 * r;
        for (let dx = -r; dx <= r; dx += step || 1) {
          const x = cx + dx;
          if (x < 0 || x >= idx.gw) continue;
          const c = y * idx.gw + x;
          for (let k = li.cellStart[c]!; k < li.cellStart[c + 1]!; k++) cand.push(li.cellItems[k]!);
        }
      }
    }
    if (cand.length === 0) for (let k = 0; k < li.ref.length; k++) cand.push(k);
    const decay = DECAY_KM[line] ?? DEFAULT_DECAY_KM;
    const wts = cand.map((k) => {
      const d = approxKm(lat, lon, li.lat[k]!, li.lon[k]!);
      const net = li.net[k]!;
      const pull = refNet >= 0 && net === refNet ? AFFILIATION_PULL : 1;
      return li.attract[k]! * Math.exp(-d / decay) * pull * (net === 0 ? loyal : 1) + 1e-12;
    });
    let competitor = -1;
    let best = -1;
    cand.forEach((k, j) => {
      if (li.net[k]! > 0 && li.ref[k] !== i && wts[j]! > best) {
        best = wts[j]!;
        competitor = k;
      }
    });
    const K = Math.min(cand.length, 3 + rng.int(4));
    const dest: number[] = [];
    const prob: number[] = [];
    const pool = wts.slice();
    for (let s = 0; s < K; s++) {
      const j = rng.weighted(pool);
      if (pool[j]! <= 0 || li.ref[cand[j]!] === i) {
        pool[j] = 0;
        continue;
      }
      dest.push(cand[j]!);
      prob.push(wts[j]! * Math.exp(0.5 * rng.normal()));
      pool[j] = 0;
    }
    if (dest.length === 0) continue;
    const z = prob.reduce((a, b) => a + b, 0);
    for (let k = 0; k < prob.length; k++) prob[k] = prob[k]! / z;
    const net = dest.map((k) => li.net[k]!);
    const usShare = prob.reduce((s, q, k) => s + (net[k] === 0 ? q : 0), 0);
    out.push({ line, weight: w / total, dest, prob, net, competitor, usShare });
  }
  const wsum = out.reduce((s, x) => s + x.weight, 0);
  for (const x of out) x.weight /= wsum || 1;
  return out;
}

/** Seasonality by calendar month (1–12), mean 1: summer and December dips. */
const RAW_SEASON = [1.02, 1.0, 1.05, 1.02, 1.0, 0.96, 0.9, 0.96, 1.03, 1.06, 0.98, 0.86];
const MEAN = RAW_SEASON.reduce((a, b) => a + b, 0) / 12;
export const SEASONALITY: readonly number[] = RAW_SEASON.map((s) => Math.round((s / MEAN) * 10000) / 10000);
export const ANNUAL_GROWTH = 0.03;

export function growthAt(t: number): number {
  return (1 + ANNUAL_GROWTH) ** (t / 12);
}
