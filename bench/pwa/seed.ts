// Seeds what the field journeys need on a server through its public API (works on the empty e2e
// server): SYNTHETIC offices near downtown Nashville via the organizations/locations importers, and
// a day plan for today through the route planner, for the signed-in user.
import type { APIRequestContext } from '@playwright/test';
import { npiCheckDigit } from '../../src/core/npi';

export const HOME = { lat: 36.1627, lon: -86.7816 };

export function localDate(d = new Date()) {
  const z = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${z(d.getMonth() + 1)}-${z(d.getDate())}`;
}

async function csrf(req: APIRequestContext) {
  return ((await (await req.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}

/** `n` offices (names start with `prefix`) and today's plan through them; returns the plan and offices. */
export async function seedFieldDay(req: APIRequestContext, prefix: string, n: number) {
  const tag = Math.floor(Math.random() * 1e6);
  const orgs = ['npi,name,type,network_status,parent_npi,facility_code,service_lines'];
  const locs = [
    'location_id,organization_npi,name,address_line1,city,state,zip,county_fips,lat,lon,phone,hours,visit_rules',
  ];
  for (let i = 0; i < n; i++) {
    const first9 = `18${String((tag * 10 + i) % 1e7).padStart(7, '0')}`;
    const npi = `${first9}${npiCheckDigit(first9)}`;
    const lat = (HOME.lat + 0.006 * (i + 1)).toFixed(6);
    const lon = (HOME.lon + 0.004 * (i % 2 ? 1 : -1)).toFixed(6);
    orgs.push(`${npi},${prefix} ${i + 1},practice,independent,,,`);
    locs.push(
      `F${tag}${i},${npi},${prefix} ${i + 1},${200 + i} Synthetic Ave,Nashville,TN,37203,47037,${lat},${lon},615555${String(1000 + i)},,`,
    );
  }
  for (const [kind, body] of [
    ['organizations', `${orgs.join('\n')}\n`],
    ['locations', `${locs.join('\n')}\n`],
  ] as const) {
    const res = await req.post(`/api/admin/imports/${kind}`, {
      headers: { 'x-csrf-token': await csrf(req) },
      multipart: {
        file: { name: `${kind}.csv`, mimeType: 'text/csv', buffer: Buffer.from(body) },
        wait: 'true',
      },
    });
    if (!res.ok()) throw new Error(`${kind} import: ${res.status()} ${await res.text()}`);
  }
  const found = (await (
    await req.get(`/api/organizations?q=${encodeURIComponent(prefix)}&limit=50`)
  ).json()) as { items: { id: number }[] };
  const locationIds: number[] = [];
  for (const o of found.items) {
    const p = (await (await req.get(`/api/organizations/${o.id}`)).json()) as { locations: { id: number }[] };
    locationIds.push(...p.locations.map((l) => l.id));
  }
  if (locationIds.length !== n) throw new Error(`expected ${n} offices, found ${locationIds.length}`);
  const plan = await req.post('/api/routes/plan', {
    headers: { 'x-csrf-token': await csrf(req) },
    data: {
      date: localDate(),
      locationIds,
      start: { ...HOME, label: 'Home base' },
      dayStart: '07:00',
      dayEnd: '20:00',
    },
  });
  if (!plan.ok()) throw new Error(`route plan: ${plan.status()} ${await plan.text()}`);
  const body = (await plan.json()) as {
    id: number;
    visits: { stopId: string; name: string; lat: number; lon: number }[];
    mileage: { km: number; miles: number; basis: string };
  };
  if (body.visits.length !== n) throw new Error(`planned ${body.visits.length} of ${n} stops`);
  return { planId: body.id, visits: body.visits, mileage: body.mileage, locationIds };
}

/**
 * Waits until the field page has shown today's day (its own bundle request has settled), the service
 * worker controls the page and today's bundle is in its cache. Going offline while the page's bundle
 * request is still in flight would test that request's failure, not an offline start.
 */
export async function waitForOfflineReady(page: import('@playwright/test').Page) {
  await page
    .getByText(/Next stop|done or logged/)
    .first()
    .waitFor({ timeout: 30_000 });
  // Polled from here: waitForFunction does not await an async predicate (its pending promise counted as
  // "true", so this returned before the worker had even installed whenever the install was slow).
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await page.evaluate(async () => {
      if (!navigator.serviceWorker?.controller) return false;
      const keys = await (await caches.open('rounds-data-v1')).keys();
      return (
        keys.some((k) => k.url.includes('/api/field/bundle')) &&
        keys.some((k) => k.url.includes('/api/auth/me'))
      );
    });
    if (ready) return;
    if (Date.now() > deadline)
      throw new Error(
        `waitForOfflineReady: no service worker with the day cached after 30 s: ${await offlineState(page)}`,
      );
    await page.waitForTimeout(250);
  }
}

/** What the page's service worker and data cache hold, for the message of a failed wait. */
function offlineState(page: import('@playwright/test').Page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker?.getRegistration();
    const state = (w: ServiceWorker | null | undefined) => w?.state ?? 'none';
    const keys = (await (await caches.open('rounds-data-v1')).keys()).map((k) => new URL(k.url).pathname);
    return JSON.stringify({
      controller: state(navigator.serviceWorker?.controller),
      installing: state(reg?.installing),
      waiting: state(reg?.waiting),
      active: state(reg?.active),
      cacheNames: await caches.keys(),
      dataKeys: keys,
    });
  });
}
