// A dedicated, fast referral-row generator for the benchmark (the demo generator models a realistic
// 3 000-provider market; 50 M rows need something that only writes COPY text). Deterministic (seeded),
// synthetic, and shaped like a market: organizations in systems with network statuses, referrers
// with Poisson-ish monthly volumes spread over a personal panel of destinations per service line.

import { npiCheckDigit } from '../../src/core/npi';
import { SERVICE_LINES } from '../../src/core/serviceLines';

export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export const npiOf = (n: number) => {
  const first9 = String(100_000_000 + n);
  return `${first9}${npiCheckDigit(first9)}`;
};

export const LINES = SERVICE_LINES.filter((l) => l.referralDestination).map((l) => l.key);

export interface BenchMarket {
  orgs: {
    id: number;
    npi: string;
    name: string;
    status: 'ours' | 'affiliated' | 'independent' | 'competitor';
    parent: number | null;
    county: string;
  }[];
  referrers: number;
  counties: string[];
}

export function buildMarket(referrers: number, orgCount: number, seed = 1): BenchMarket {
  const r = rng(seed);
  const counties = Array.from({ length: 40 }, (_, i) => String(47001 + 2 * i).padStart(5, '0'));
  const orgs: BenchMarket['orgs'] = [];
  // three systems (1 ours, 2 competitors) own 60 % of organizations; the rest independent or affiliated
  for (let i = 0; i < orgCount; i++) {
    const id = i + 1;
    const sys = i < 3 ? null : r() < 0.6 ? 1 + Math.floor(r() * 3) : null;
    const status =
      i === 0
        ? 'ours'
        : i < 3
          ? 'competitor'
          : sys === null
            ? r() < 0.2
              ? 'affiliated'
              : 'independent'
            : 'independent';
    orgs.push({
      id,
      npi: npiOf(800_000_000 - i),
      name: `Bench Org ${id}`,
      status,
      parent: sys,
      county: counties[Math.floor(r() * counties.length)]!,
    });
  }
  return { orgs, referrers, counties };
}

/**
 * Yields COPY text chunks of referral_facts rows until `rows` are written. Each referrer has a base
 * monthly volume and, per service line, 3 destinations with fixed shares.
 */
export function* factChunks(
  m: BenchMarket,
  rows: number,
  months: { start: number; count: number },
  seed = 2,
): Generator<{ text: string; n: number }> {
  const r = rng(seed);
  const perReferrerMonth = Math.max(1, Math.round(rows / (m.referrers * months.count)));
  let written = 0;
  let key = 0;
  let buf = '';
  let n = 0;
  for (let p = 0; written < rows; p = (p + 1) % m.referrers) {
    const npi = npiOf(p);
    const lines = [
      LINES[p % LINES.length]!,
      LINES[(p * 7 + 3) % LINES.length]!,
      LINES[(p * 13 + 5) % LINES.length]!,
    ];
    const dests = lines.map(() => [
      1 + Math.floor(r() * m.orgs.length),
      1 + Math.floor(r() * m.orgs.length),
      1 + Math.floor(r() * m.orgs.length),
    ]);
    for (let t = 0; t < months.count && written < rows; t++) {
      const mi = months.start + t;
      const y = Math.floor(mi / 12);
      const mo = String((mi % 12) + 1).padStart(2, '0');
      for (let k = 0; k < perReferrerMonth && written < rows; k++) {
        const li = Math.floor(r() * 3);
        const d = dests[li]![r() < 0.6 ? 0 : r() < 0.7 ? 1 : 2]!;
        const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
        const date = `${y}-${mo}-${day}`;
        buf += `b${key++}\tehr\t${npi}\t\\N\t\\N\t${d}\t\\N\t${lines[li]}\t${date}\t${y}-${mo}-01\tcompleted\t1\n`;
        written++;
        n++;
        if (n >= 50_000) {
          yield { text: buf, n };
          buf = '';
          n = 0;
        }
      }
    }
  }
  if (n) yield { text: buf, n };
}

export const FACT_COLUMNS = [
  'fact_key',
  'source',
  'referring_npi',
  'receiving_npi',
  'receiving_facility',
  'dest_org_id',
  'dest_provider_npi',
  'service_line',
  'referral_date',
  'month',
  'status',
  'count',
];
