// The mixed workload: searches, provider profiles, referral bases, activity writes — each request
// picked at random by weight, with real NPIs from the loaded demo market. Candidates that the
// running server does not answer with 2xx are left out (and reported), so the benchmark runs on
// whatever the API offers today.
import { readFileSync } from 'node:fs';
import type autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema';

export type BenchRequest = {
  name: string;
  weight: number;
  method: 'GET' | 'POST';
  path: () => string;
  body?: () => string;
};

const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

export async function sampleData(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('providers')
    .select(['npi', 'last_name'])
    .where('status', '=', 'active')
    .limit(2000)
    .execute();
  const npis = rows.map((r) => r.npi);
  const names = [...new Set(rows.map((r) => r.last_name).filter((n): n is string => !!n && n.length >= 3))];
  if (!npis.length) throw new Error('No providers in the database: the demo market did not load');
  return { npis, prefixes: names.map((n) => n.slice(0, 3)) };
}

// What a liaison logs: mostly in-person visits (each drops its provider's cached relationship view,
// which shows the last in-person visit), some calls and emails (which drop nothing cached).
export const ACTIVITY_TYPES = [
  'in_person_visit',
  'in_person_visit',
  'in_person_visit',
  'in_person_visit',
  'in_person_visit',
  'drop_in',
  'call',
  'call',
  'call',
  'email',
] as const;

/** "in_person_visit 50 %, …": the split of the activity types logged, for the report. */
export const activityTypeSplit = () =>
  [...new Set(ACTIVITY_TYPES)]
    .map((t) => `${t} ${(100 * ACTIVITY_TYPES.filter((x) => x === t).length) / ACTIVITY_TYPES.length} %`)
    .join(', ');

export function candidates(data: { npis: string[]; prefixes: string[] }): BenchRequest[] {
  return [
    {
      name: 'search providers by name',
      weight: 30,
      method: 'GET',
      path: () => `/api/providers?q=${encodeURIComponent(pick(data.prefixes))}`,
    },
    { name: 'provider profile', weight: 25, method: 'GET', path: () => `/api/providers/${pick(data.npis)}` },
    {
      name: 'referral base',
      weight: 20,
      method: 'GET',
      path: () => `/api/referrals/base/${pick(data.npis)}`,
    },
    { name: 'relationship', weight: 10, method: 'GET', path: () => `/api/relationships/${pick(data.npis)}` },
    {
      name: 'log an activity (write)',
      weight: 15,
      method: 'POST',
      path: () => '/api/activities',
      body: () =>
        JSON.stringify({
          type: pick(ACTIVITY_TYPES),
          occurredAt: new Date().toISOString(),
          subject: 'Load test activity (synthetic)',
          providerNpis: [pick(data.npis)],
        }),
    },
  ];
}

/** Weighted random choice over the kept requests. */
export function chooser(reqs: BenchRequest[]) {
  const total = reqs.reduce((s, r) => s + r.weight, 0);
  return () => {
    let x = Math.random() * total;
    for (const r of reqs) {
      x -= r.weight;
      if (x < 0) return r;
    }
    return reqs[reqs.length - 1]!;
  };
}

/** autocannon's request list: each request drawn from `next`, authenticated with `authorization`. */
export function cannonRequests(next: () => BenchRequest, authorization: string): autocannon.Request[] {
  return [
    {
      setupRequest: (req) => {
        const r = next();
        const body = r.body?.();
        // A fresh headers object each time: autocannon adds Content-Length to the one it is
        // given, and a shared object would then send it on the following GETs.
        const h: Record<string, string> = { authorization };
        if (body) h['content-type'] = 'application/json';
        return { ...req, method: r.method, path: r.path(), headers: h, body };
      },
    },
  ];
}

/** CPU ticks (1/100 s, user + system) of a process, from /proc; 0 once it is gone. */
export function cpuTicks(pid: number) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}
