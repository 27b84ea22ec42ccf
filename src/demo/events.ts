/**
 * Injected, known events (the ground truth analytics are scored against): referrers drifting away
 * from our network (sharp or gradual), growing referrers, new referrers, competitor rises.
 * Visit effects are added by the CRM step (they depend on liaison territories).
 */
import type { ServiceLineKey } from '../core/serviceLines';
import { type DestIndex, growthAt, panelsFor } from './destinations';
import type { Params } from './model';
import { rngFor } from './prng';
import { LIFE_ACTIVE, LIFE_DEACTIVATED, LIFE_NEW, type ProviderTable } from './providers';

export type EventType = 'drift_away' | 'growth' | 'new_referrer' | 'visit_effect' | 'competitor_rise';

export interface DemoEvent {
  id: string;
  type: EventType;
  variant: 'sharp' | 'gradual' | null;
  provider: number;
  npi: number;
  serviceLine: ServiceLineKey | 'all';
  /** Window month index where the change begins; ramp = months to reach the full change (1 = sharp). */
  start: number;
  ramp: number;
  /** drift: fraction of our-network share lost; growth: relative gain of our share; competitor_rise: fraction of independent share moved. */
  size: number;
  baselineRate: number;
  newRate: number;
  competitorBaseline?: number;
  competitorNew?: number;
  /** visit_effect: added referrals/month to our network, and the visit days. */
  effect?: number;
  visitDays?: number[];
}

export const PCT_CAP = 0.95;

export function ramp(ev: { start: number; ramp: number }, t: number): number {
  return t < ev.start ? 0 : Math.min(1, (t - ev.start + 1) / ev.ramp);
}

/** Pass 1: share of each referrer's volume that goes to our network (no events). */
export function computeUsShares(
  p: Params,
  idx: DestIndex,
  t: ProviderTable,
  onProgress?: (d: number) => void,
): Float32Array {
  const us = new Float32Array(t.n);
  for (let i = 0; i < t.n; i++) {
    if (t.rate[i]! <= 0 || t.life[i] === LIFE_DEACTIVATED) continue;
    us[i] = panelsFor(p, idx, t, i).reduce((s, x) => s + x.weight * x.usShare, 0);
    if (onProgress && i % 50_000 === 0) onProgress(i);
  }
  return us;
}

export function selectEvents(
  p: Params,
  idx: DestIndex,
  t: ProviderTable,
  us: Float32Array,
): { events: DemoEvent[]; eventOf: Int32Array } {
  const N = t.n;
  const M = p.months;
  const eventOf = new Int32Array(N).fill(-1);
  const events: DemoEvent[] = [];
  const order: number[] = [];
  for (let i = 0; i < N; i++) if (t.life[i] === LIFE_ACTIVE && t.rate[i]! > 0) order.push(i);
  const key = new Float64Array(N);
  for (const i of order) key[i] = rngFor(p.seed, 'evorder', i).next();
  order.sort((a, b) => key[a]! - key[b]! || a - b);
  const usRate0 = (i: number) => t.rate[i]! * us[i]!;
  const push = (ev: Omit<DemoEvent, 'id' | 'npi'>) => {
    eventOf[ev.provider] = events.length;
    events.push({ ...ev, id: `EV${String(events.length + 1).padStart(5, '0')}`, npi: t.npi[ev.provider]! });
  };
  const take = (
    n: number,
    ok: (i: number) => boolean,
    make: (i: number) => Omit<DemoEvent, 'id' | 'npi'> | null,
  ) => {
    for (const i of order) {
      if (n <= 0) break;
      if (eventOf[i] !== -1 || !ok(i)) continue;
      const ev = make(i);
      if (ev) {
        push(ev);
        n--;
      }
    }
  };
  const lo = Math.max(3, M - 14);
  const drift = (i: number, drop: number): Omit<DemoEvent, 'id' | 'npi'> => {
    const rng = rngFor(p.seed, 'drift', i);
    const sharp = rng.chance(0.5);
    const r = sharp ? 1 : rng.intBetween(3, 6);
    const start = rng.intBetween(Math.max(lo, M - 12), Math.max(Math.max(lo, M - 12), M - r - 2));
    const base = usRate0(i) * growthAt(start);
    return {
      type: 'drift_away',
      variant: sharp ? 'sharp' : 'gradual',
      provider: i,
      serviceLine: 'all',
      start,
      ramp: r,
      size: drop,
      baselineRate: base,
      newRate: base * (1 - drop),
    };
  };
  const u = (i: number, s: string, a: number, b: number) => rngFor(p.seed, s, i).range(a, b);
  take(
    Math.round(N * 0.013),
    (i) => usRate0(i) >= 4.5,
    (i) => drift(i, round3(u(i, 'dropq', 0.45, 0.8))),
  );
  take(
    Math.round(N * 0.0035),
    (i) => usRate0(i) >= 4.5,
    (i) => drift(i, round3(u(i, 'drops', 0.2, 0.33))),
  );
  take(
    Math.round(N * 0.0035),
    (i) => usRate0(i) >= 1.5 && usRate0(i) < 3.5,
    (i) => drift(i, round3(u(i, 'dropl', 0.45, 0.8))),
  );
  take(
    Math.round(N * 0.005),
    (i) => us[i]! >= 0.05 && us[i]! <= 0.4 && t.rate[i]! >= 6,
    (i) => {
      const rng = rngFor(p.seed, 'growth', i);
      const g = round3(rng.range(0.6, 1.2));
      const r = rng.intBetween(1, 4);
      const start = rng.intBetween(lo, Math.max(lo, M - r - 2));
      const panels = panelsFor(p, idx, t, i);
      const gs = growthAt(start) * t.rate[i]!;
      const newShare = panels.reduce((s, x) => s + x.weight * Math.min(PCT_CAP, x.usShare * (1 + g)), 0);
      return {
        type: 'growth',
        variant: r === 1 ? 'sharp' : 'gradual',
        provider: i,
        serviceLine: 'all',
        start,
        ramp: r,
        size: g,
        baselineRate: gs * us[i]!,
        newRate: gs * newShare,
      };
    },
  );
  take(
    Math.round(N * 0.004),
    (i) => t.rate[i]! >= 4,
    (i) => {
      const rng = rngFor(p.seed, 'comp', i);
      const panels = panelsFor(p, idx, t, i).filter((x) => {
        const indep = x.prob.reduce((s, q, k) => s + (x.net[k] === -1 ? q : 0), 0);
        return x.competitor >= 0 && indep >= 0.3 && t.rate[i]! * x.weight >= 1.5;
      });
      if (!panels.length) return null;
      const x = rng.pick(panels);
      const f = round3(rng.range(0.5, 1));
      const r = rng.intBetween(1, 4);
      const start = rng.intBetween(lo, Math.max(lo, M - r - 2));
      const lam = t.rate[i]! * x.weight * growthAt(start);
      const comp = x.prob.reduce((s, q, k) => s + (x.net[k]! > 0 ? q : 0), 0);
      const indep = x.prob.reduce((s, q, k) => s + (x.net[k] === -1 ? q : 0), 0);
      return {
        type: 'competitor_rise',
        variant: r === 1 ? 'sharp' : 'gradual',
        provider: i,
        serviceLine: x.line,
        start,
        ramp: r,
        size: f,
        baselineRate: lam * x.usShare,
        newRate: lam * x.usShare,
        competitorBaseline: lam * comp,
        competitorNew: lam * (comp + f * indep),
      };
    },
  );
  for (let i = 0; i < N; i++) {
    if ((t.life[i] !== LIFE_NEW && t.start[i]! <= 0) || t.rate[i]! <= 0 || t.life[i] === LIFE_DEACTIVATED)
      continue;
    const start = t.start[i]!;
    push({
      type: 'new_referrer',
      variant: null,
      provider: i,
      serviceLine: 'all',
      start,
      ramp: 1,
      size: 1,
      baselineRate: 0,
      newRate: t.rate[i]! * us[i]! * growthAt(start),
    });
  }
  return { events, eventOf };
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
