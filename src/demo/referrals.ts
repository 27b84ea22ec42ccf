/**
 * Pass 2: streams referrals.csv referrer by referrer (month by month inside each referrer) and the
 * CMS-style shared-patient file derived from the same draws. Only per-referrer state is held.
 */
import { join } from 'node:path';
import { type DestIndex, growthAt, type Panel, panelsFor, SEASONALITY } from './destinations';
import { type DemoEvent, PCT_CAP, ramp } from './events';
import { daysInMonth, fromDayNumber, isoDate, monthOf, monthStartDay, type Org, type Params } from './model';
import { type Rng, rngFor } from './prng';
import { LIFE_DEACTIVATED, type ProviderTable } from './providers';
import { Sink } from './writers';

const STATUS = ['pending', 'scheduled', 'completed', 'lost'] as const;
const STATUS_BY_AGE = [
  [0.35, 0.35, 0.22, 0.08],
  [0.1, 0.22, 0.58, 0.1],
  [0.03, 0.05, 0.8, 0.12],
  [0.005, 0.005, 0.87, 0.12],
];

interface Adjusted {
  dest: number[];
  prob: number[];
  net: number[];
}

/** Destination probabilities of one panel in month t after the referrer's event (if any). */
export function adjustPanel(x: Panel, ev: DemoEvent | null, t: number): Adjusted {
  const dest = x.dest.slice();
  const prob = x.prob.slice();
  const net = x.net.slice();
  if (!ev || t < ev.start) return { dest, prob, net };
  const r = ramp(ev, t);
  const toCompetitor = (mass: number) => {
    if (mass <= 0) return;
    if (x.competitor >= 0) {
      const k = dest.indexOf(x.competitor);
      if (k >= 0) prob[k]! += mass;
      else {
        dest.push(x.competitor);
        prob.push(mass);
        net.push(1);
      }
      return;
    }
    const other = prob.reduce((s, q, k) => s + (net[k] !== 0 ? q : 0), 0);
    if (other > 0)
      for (let k = 0; k < prob.length; k++) if (net[k] !== 0) prob[k]! += (mass * prob[k]!) / other;
  };
  if (ev.type === 'drift_away') {
    const m = 1 - ev.size * r;
    for (let k = 0; k < prob.length; k++) if (net[k] === 0) prob[k]! *= m;
    toCompetitor(x.usShare * (1 - m));
  } else if (ev.type === 'growth' && x.usShare > 0 && x.usShare < 1) {
    const target = Math.min(PCT_CAP, Math.max(x.usShare, x.usShare * (1 + ev.size * r)));
    for (let k = 0; k < prob.length; k++)
      prob[k]! *= net[k] === 0 ? target / x.usShare : (1 - target) / (1 - x.usShare);
  } else if (ev.type === 'competitor_rise' && ev.serviceLine === x.line && x.competitor >= 0) {
    let moved = 0;
    for (let k = 0; k < prob.length; k++) {
      if (net[k] !== -1) continue;
      moved += prob[k]! * ev.size * r;
      prob[k]! *= 1 - ev.size * r;
    }
    toCompetitor(moved);
  }
  return { dest, prob, net };
}

interface MonthRow {
  day: number;
  recv: string;
  fac: string;
  line: string;
  st: number;
  n: number;
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byRow = (a: MonthRow, b: MonthRow) =>
  a.day - b.day || cmp(a.recv, b.recv) || cmp(a.fac, b.fac) || cmp(a.line, b.line) || a.st - b.st;

function pad(rng: Rng, n: number): string {
  return rng.chance(0.35) ? String(n).padStart(6, ' ') : String(n);
}

export interface ReferralOutput {
  referrals: { rows: number; bytes: number; referrals: number };
  shared: { rows: number; bytes: number };
}

export async function writeReferrals(
  p: Params,
  idx: DestIndex,
  t: ProviderTable,
  orgs: Org[],
  events: DemoEvent[],
  eventOf: Int32Array,
  outDir: string,
  progress?: (d: number) => void,
): Promise<ReferralOutput> {
  const ref = new Sink(join(outDir, 'referrals.csv'));
  const sp = new Sink(join(outDir, 'shared_patients_2015_30.txt'));
  ref.push('referring_npi,receiving_npi,receiving_facility,service_line,referral_date,status,count');
  const M = p.months;
  const months = Array.from({ length: M }, (_, m) => {
    const s = monthStartDay(p, m);
    const { y, m: mm } = monthOf(p, m);
    const days = Array.from({ length: daysInMonth(y, mm) }, (_, d) => s + d);
    const wk = days.map((d, k) => (fromDayNumber(d).dow < 5 ? k : -1)).filter((k) => k >= 0);
    return { season: SEASONALITY[mm - 1]!, growth: growthAt(m), wk, iso: days.map(isoDate) };
  });
  const facilityOf = (prov: number): string => {
    const o = orgs[t.org[prov]!];
    return o && (o.system >= 0 || o.type === 'hospital' || o.type === 'clinic') ? String(o.npi) : '';
  };
  let total = 0;
  for (let i = 0; i < t.n; i++) {
    if (progress && i % 5000 === 0) progress(i);
    if (t.rate[i]! <= 0 || t.life[i] === LIFE_DEACTIVATED) continue;
    const panels = panelsFor(p, idx, t, i);
    if (!panels.length) continue;
    const ev = eventOf[i]! >= 0 ? events[eventOf[i]!]! : null;
    const rng = rngFor(p.seed, 'ref', i);
    const refNpi = String(t.npi[i]);
    const usWeight = panels.reduce((s, x) => s + x.weight * x.usShare, 0);
    const pairs = new Map<number, number>();
    const provDest = new Set<number>();
    for (let m = Math.max(0, t.start[i]!); m < M; m++) {
      const mo = months[m]!;
      const base = t.rate[i]! * mo.season * mo.growth;
      const extra = ev?.type === 'visit_effect' && m >= ev.start ? (ev.effect ?? 0) * mo.season : 0;
      const age = Math.min(3, M - 1 - m);
      const rows: MonthRow[] = [];
      const statusW = STATUS_BY_AGE[age]!;
      for (const x of panels) {
        const li = idx.lines.get(x.line)!;
        const a = adjustPanel(x, ev, m);
        const lam = base * x.weight;
        const extraLine = extra > 0 && usWeight > 0 ? (extra * x.weight * x.usShare) / usWeight : 0;
        for (let k = 0; k < a.dest.length; k++) {
          const mu =
            lam * a.prob[k]! + (a.net[k] === 0 && x.usShare > 0 ? (extraLine * a.prob[k]!) / x.usShare : 0);
          const n = rng.poisson(mu);
          if (n === 0) continue;
          total += n;
          const d = a.dest[k]!;
          const r = li.ref[d]!;
          const recv = r >= 0 ? String(li.npi[d]) : '';
          const fac = r >= 0 ? facilityOf(r) : String(li.npi[d]);
          if (M - 1 - m < 12) {
            pairs.set(li.npi[d]!, (pairs.get(li.npi[d]!) ?? 0) + n);
            if (r >= 0) provDest.add(li.npi[d]!);
          }
          const codes = new Int32Array(n);
          for (let q = 0; q < n; q++) {
            const day =
              rng.next() < 0.93 && mo.wk.length ? mo.wk[rng.int(mo.wk.length)]! : rng.int(mo.iso.length);
            codes[q] = day * 4 + rng.weighted(statusW);
          }
          codes.sort();
          for (let q = 0; q < n; ) {
            let e = q + 1;
            while (e < n && codes[e] === codes[q]) e++;
            rows.push({ day: codes[q]! >> 2, recv, fac, line: x.line, st: codes[q]! & 3, n: e - q });
            q = e;
          }
        }
      }
      rows.sort(byRow);
      for (const row of rows) {
        const f = ref.push(
          `${refNpi},${row.recv},${row.fac},${row.line},${mo.iso[row.day]},${STATUS[row.st]},${row.n}`,
        );
        if (f) await f;
      }
    }
    const srng = rngFor(p.seed, 'shared', i);
    for (const npi of [...pairs.keys()].sort((a, b) => a - b)) {
      const cnt = pairs.get(npi)!;
      const bene = Math.round(cnt * srng.range(0.9, 1.5));
      const pair = bene + Math.round(bene * srng.range(0.3, 1.6));
      const same = Math.round(pair * srng.range(0, 0.12));
      if (bene >= 11) {
        const f = sp.push(`${refNpi},${npi},${pad(srng, pair)},${pad(srng, bene)},${pad(srng, same)}`);
        if (f) await f;
      }
      const back = Math.round(bene * srng.range(0.25, 0.6));
      if (provDest.has(npi) && back >= 11) {
        const f = sp.push(
          `${npi},${refNpi},${pad(srng, Math.round(back * srng.range(1.2, 2)))},${pad(srng, back)},${pad(srng, Math.round(back * srng.range(0, 0.1)))}`,
        );
        if (f) await f;
      }
    }
  }
  await ref.close();
  await sp.close();
  return {
    referrals: { rows: ref.rows - 1, bytes: ref.bytes, referrals: total },
    shared: { rows: sp.rows, bytes: sp.bytes },
  };
}
