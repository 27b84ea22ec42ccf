/**
 * Rounds' own CRM seed: users, territories, relationship book (tiers), liaison growth campaigns
 * (whose visits carry a known true effect → visit_effect events) and practice contacts.
 */

import { growthAt } from './destinations';
import { type DemoEvent, round3 } from './events';
import { COUNTIES, marketZips } from './geography';
import type { Params } from './model';
import { dayNumber, fromDayNumber, monthStartDay } from './model';
import { rngFor } from './prng';
import { LIFE_ACTIVE, LIFE_NEW, type ProviderTable } from './providers';
import { SPECIALTIES } from './specialties';

export const DOMAIN = 'demo.rounds.example';
export interface User {
  email: string;
  name: string;
  role: 'admin' | 'manager' | 'liaison' | 'analyst';
  manager: string;
  territory: string;
}
export interface Territory {
  name: string;
  owner: string;
  counties: string[];
  zips: string[];
}
export interface Relationship {
  provider: number;
  tier: 'A' | 'B' | 'C';
  frequency: 'weekly' | 'biweekly' | 'monthly' | 'quarterly';
  owner: number;
  tags: string[];
}
export interface Campaign {
  provider: number;
  owner: number;
  visits: number[];
  effect: number;
}
export interface Contact {
  org: number;
  name: string;
  role: string;
  phone: string;
  email: string;
  preferred: string;
  notes: string;
}

const LIAISONS = [
  { name: 'Jordan Pickett', territory: 'Nashville Core', counties: ['47037'] },
  { name: 'Casey Overton', territory: 'South - Williamson & Maury', counties: ['47187', '47119', '47081'] },
  { name: 'Riley Harwell', territory: 'East - Rutherford & Wilson', counties: ['47149', '47189'] },
  { name: 'Taylor Bledsoe', territory: 'North & West', counties: ['47165', '47147', '47021', '47043'] },
];
const email = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${DOMAIN}`;

export function buildUsers(): { users: User[]; territories: Territory[] } {
  const manager = email('Dana Whitfield');
  const users: User[] = [
    { email: email('Alex Morgan'), name: 'Alex Morgan', role: 'admin', manager: '', territory: '' },
    { email: manager, name: 'Dana Whitfield', role: 'manager', manager: '', territory: '' },
    ...LIAISONS.map((l) => ({
      email: email(l.name),
      name: l.name,
      role: 'liaison' as const,
      manager,
      territory: l.territory,
    })),
    { email: email('Sam Okafor'), name: 'Sam Okafor', role: 'analyst', manager, territory: '' },
  ];
  const zips = marketZips();
  const territories = LIAISONS.map((l) => ({
    name: l.territory,
    owner: email(l.name),
    counties: l.counties,
    zips: zips.filter((z) => l.counties.includes(z.countyFips)).map((z) => z.zip),
  }));
  return { users, territories };
}

/** Liaison index (0–3) owning the county of provider i. */
export function ownerOf(t: ProviderTable, i: number): number {
  const fips = marketZips()[t.zip[i]!]!.countyFips;
  return LIAISONS.findIndex((l) => l.counties.includes(fips));
}

export interface Book {
  relationships: Relationship[];
  campaigns: Campaign[];
}

export function buildBook(
  p: Params,
  t: ProviderTable,
  us: Float32Array,
  eventOf: Int32Array,
  windowStart: number,
  endDay: number,
): Book {
  const perLiaison: number[][] = LIAISONS.map(() => []);
  const fresh: number[][] = LIAISONS.map(() => []);
  for (let i = 0; i < t.n; i++) {
    if (t.rate[i]! < 3 && !(t.life[i] === LIFE_NEW && t.rate[i]! > 0)) continue;
    const o = ownerOf(t, i);
    if (o < 0) continue;
    if (t.life[i] === LIFE_NEW) fresh[o]!.push(i);
    else if (t.life[i] === LIFE_ACTIVE) perLiaison[o]!.push(i);
  }
  const relationships: Relationship[] = [];
  const campaigns: Campaign[] = [];
  const scale = Math.min(1, Math.max(0.25, t.n / 3000));
  perLiaison.forEach((list, o) => {
    const rng = rngFor(p.seed, 'book', o);
    const byVolume = list
      .slice()
      .sort((a, b) => t.rate[b]! * (0.5 + us[b]!) - t.rate[a]! * (0.5 + us[a]!) || a - b);
    const nA = Math.round(15 * scale);
    const nB = Math.round(40 * scale);
    const nC = Math.round(65 * scale);
    const chosen = new Set<number>();
    byVolume.slice(0, nA + nB + nC).forEach((i, k) => {
      chosen.add(i);
      const tier = k < nA ? 'A' : k < nA + nB ? 'B' : 'C';
      const frequency =
        tier === 'A' ? (rng.chance(0.4) ? 'weekly' : 'biweekly') : tier === 'B' ? 'monthly' : 'quarterly';
      relationships.push({ provider: i, tier, frequency, owner: o, tags: tagsFor(t, us, i, k < 5) });
    });
    for (const i of fresh[o]!)
      relationships.push({
        provider: i,
        tier: 'C',
        frequency: 'monthly',
        owner: o,
        tags: ['new-to-market', ...tagsFor(t, us, i, false)],
      });
    // Growth campaign: splitters/opportunities with volume, no other event, not already in the book.
    const targets = byVolume.filter(
      (i) => !chosen.has(i) && eventOf[i] === -1 && t.rate[i]! >= 6 && us[i]! >= 0.1 && us[i]! <= 0.45,
    );
    const ordered = targets
      .map((i) => [rngFor(p.seed, 'camp', i).next(), i] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, i]) => i);
    for (const i of ordered.slice(0, Math.max(3, Math.round(10 * scale)))) {
      const r = rngFor(p.seed, 'campaign', i);
      const first = windowStart + r.int(Math.max(1, endDay - windowStart - 100));
      const visits: number[] = [];
      for (let d = first; d <= endDay; d += r.intBetween(14, 35)) visits.push(weekday(d));
      campaigns.push({
        provider: i,
        owner: o,
        visits: visits.filter((d) => d <= endDay),
        effect: r.chance(0.7) ? round3(r.range(1, 3)) : 0,
      });
      relationships.push({
        provider: i,
        tier: 'B',
        frequency: 'biweekly',
        owner: o,
        tags: ['growth-target', ...tagsFor(t, us, i, false)],
      });
    }
  });
  return { relationships, campaigns };
}

export function weekday(d: number): number {
  const dow = fromDayNumber(d).dow;
  return dow === 5 ? d + 2 : dow === 6 ? d + 1 : d;
}

function tagsFor(t: ProviderTable, us: Float32Array, i: number, influencer: boolean): string[] {
  const s = us[i]!;
  const tags = [s >= 0.5 ? 'loyalist' : s >= 0.1 ? 'splitter' : 'opportunity'];
  if (SPECIALTIES[t.spec[i]!]!.isPrimaryCare) tags.push('pcp');
  if (influencer) tags.push('key-influencer');
  return tags;
}

/** Visit-effect events from campaigns (effect starts the month after the first visit). */
export function campaignEvents(
  p: Params,
  t: ProviderTable,
  us: Float32Array,
  campaigns: Campaign[],
  firstId: number,
): DemoEvent[] {
  return campaigns.map((c, k) => {
    let start = 0;
    for (let m = 0; m < p.months; m++) if (monthStartDay(p, m) <= c.visits[0]!) start = m + 1;
    const base = t.rate[c.provider]! * us[c.provider]! * growthAt(start);
    return {
      id: `EV${String(firstId + k + 1).padStart(5, '0')}`,
      type: 'visit_effect',
      variant: null,
      provider: c.provider,
      npi: t.npi[c.provider]!,
      serviceLine: 'all',
      start,
      ramp: 1,
      size: c.effect,
      baselineRate: base,
      newRate: base + c.effect,
      effect: c.effect,
      visitDays: c.visits,
    } satisfies DemoEvent;
  });
}

export const COUNTY_NAMES = new Map(COUNTIES.map((c) => [c.fips, c.name]));
export const activityWindow = (p: Params) => Math.max(0, p.months - 12);
export const endDayOf = (p: Params) =>
  dayNumber(Number(p.endMonth.slice(0, 4)), Number(p.endMonth.slice(5, 7)) + 1, 0);
