// Field app on a phone (360×740, touch): load Today online, go offline, check in, log 3 visits and 2
// tasks, reload while offline (the service worker serves the app and the cached day), come back online
// and check in the database (through the API) that everything arrived exactly once. Then a lighter
// flapping-network run. Seeds its own offices and day plan on the empty server.
import type { Page, Request } from '@playwright/test';
import { HOME, localDate, seedFieldDay, waitForOfflineReady } from '../bench/pwa/seed';
import { haversineMiles } from '../src/core/geo/distance';
import { expect, signIn, test } from './fixtures';
import { EMPTY_USERS } from './servers';

const admin = EMPTY_USERS.admin;
const DEVICE = { latitude: HOME.lat + 0.006, longitude: HOME.lon - 0.004 };

test.use({
  viewport: { width: 360, height: 740 },
  hasTouch: true,
  isMobile: true,
  permissions: ['geolocation'],
  geolocation: DEVICE,
});

async function count(page: Page, url: string) {
  const res = await page.request.get(url);
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as { items?: unknown[] } | unknown[] as { items?: unknown[] };
}

async function tasksTitled(page: Page, tag: string) {
  const body = await count(page, `/api/tasks?scope=mine&limit=200`);
  const items = (Array.isArray(body) ? body : (body.items ?? [])) as { title: string }[];
  return items.filter((t) => t.title.includes(tag)).map((t) => t.title);
}

async function visitsNoted(page: Page, tag: string) {
  const body = await count(page, `/api/activities?scope=mine&limit=200&from=${localDate()}`);
  const items = (Array.isArray(body) ? body : (body.items ?? [])) as {
    notes: string;
    client_id?: string;
    clientId?: string;
  }[];
  return items.filter((a) => a.notes.includes(tag));
}

test('offline day: check in, 3 visits and 2 tasks survive an offline reload and sync exactly once', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const tag = `fld${Math.random().toString(36).slice(2, 7)}`;
  await signIn(page, admin.email, admin.password);
  const day = await seedFieldDay(page.request, `E2E Field ${tag}`, 3);

  await page.goto('/field');
  await expect(page.getByTestId('next-stop')).toContainText(day.visits[0]!.name);
  // Mileage is the planned route's, as the planner computed it.
  await expect(page.getByTestId('mileage')).toContainText(`${day.mileage.miles} mi planned`);
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await expect(page.getByTestId('sync-status')).toContainText('Offline');
  await expect(page.getByTestId('offline-banner')).toBeVisible();

  // Check in at the first stop: the device location once, its distance to the office worked out here.
  const first = day.visits[0]!;
  const expectedM = Math.round(
    haversineMiles(DEVICE.latitude, DEVICE.longitude, first.lat, first.lon) * 1609.344,
  );
  await page.getByRole('button', { name: 'Check in' }).tap();
  await expect(page.getByTestId('next-stop').getByRole('status')).toContainText(
    `Checked in ${expectedM} m from the office`,
  );

  for (const [i, v] of day.visits.entries()) {
    await expect(page.getByTestId('next-stop')).toContainText(v.name);
    await page.getByTestId('next-stop').getByRole('link', { name: 'Log visit' }).tap();
    await page.getByRole('button', { name: 'Drop-in' }).tap();
    await page.getByRole('button', { name: i === 1 ? 'Concern' : 'Positive' }).tap();
    await page.getByLabel('Notes').fill(`${tag} visit ${i + 1}: talked about MRI access`);
    await page.getByRole('button', { name: 'Save visit' }).tap();
    await expect(page).toHaveURL(/\/field$/);
  }
  await expect(page.getByText('All 3 stops are done or logged.')).toBeVisible();

  await page.getByRole('link', { name: /^Tasks/ }).tap();
  for (const t of ['send MRI slots', 'call office manager']) {
    await page.getByLabel('Task', { exact: true }).fill(`${tag} ${t}`);
    await page.getByRole('button', { name: 'Add task' }).tap();
    await expect(page.getByText(`${tag} ${t}`)).toBeVisible();
  }
  await expect(page.getByTestId('sync-status')).toContainText('6 unsynced');

  // Reload while offline: the service worker serves the shell, the cached day and the outbox survive.
  await page.goto('/field');
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(page.getByText('All 3 stops are done or logged.')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Offline · 6 unsynced');
  await page.getByTestId('sync-status').tap();
  await expect(page.getByTestId('outbox-item')).toHaveCount(6);

  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText('Everything is synced')).toBeVisible();

  // In the database (through the API): 3 visits, 2 tasks, the stops marked done — each once.
  const visits = await visitsNoted(page, tag);
  expect(visits).toHaveLength(3);
  expect((await tasksTitled(page, tag)).sort()).toEqual([
    `${tag} call office manager`,
    `${tag} send MRI slots`,
  ]);
  const plan = (await (await page.request.get(`/api/routes/${day.planId}`)).json()) as {
    visits: { done: boolean; activityId: number | null }[];
  };
  expect(plan.visits.every((v) => v.done && v.activityId)).toBe(true);
  // The check-in is stored once, with its distance, and linked to the first visit.
  const bundle = (await (await page.request.get(`/api/field/bundle?date=${localDate()}`)).json()) as {
    checkins: { stopId: string; distanceM: number; activityId: number | null }[];
  };
  expect(bundle.checkins).toEqual([
    expect.objectContaining({
      stopId: first.stopId,
      distanceM: expectedM,
      activityId: plan.visits[0]!.activityId,
    }),
  ]);
  // A reload online and another sync pass change nothing.
  await page.goto('/field');
  await expect(page.getByTestId('field-stop')).toHaveCount(3);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  expect(await visitsNoted(page, tag)).toHaveLength(3);
  expect(await tasksTitled(page, tag)).toHaveLength(2);
});

const FLAP_ITEMS = 50;

test(`flapping network while syncing: ${FLAP_ITEMS} tasks end up stored exactly once`, async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const tag = `flp${Math.random().toString(36).slice(2, 7)}`;
  await signIn(page, admin.email, admin.password);
  await page.goto('/field/tasks');
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
  await context.setOffline(true);
  for (let i = 1; i <= FLAP_ITEMS; i++) {
    await page.getByLabel('Task', { exact: true }).fill(`${tag} task ${i}`);
    await page.getByRole('button', { name: 'Add task' }).tap();
    await expect(page.getByLabel('Task', { exact: true })).toHaveValue('');
  }
  await expect(page.getByTestId('sync-status')).toContainText(`${FLAP_ITEMS} unsynced`);
  // Bring the connection up for one sync attempt at a time and drop it again as soon as that attempt
  // ends. The attempts themselves take turns: the request is lost on the way; the server stores the
  // batch but the answer is lost on the way back; delivered. Nothing else is faked: the page's outbox,
  // its sync loop and the real server do the rest.
  const isSync = (r: Request) => r.url().endsWith('/api/sync') && r.method() === 'POST';
  const seen = { attempts: 0, lostRequest: 0, lostAnswer: 0, delivered: 0, replayed: 0 };
  await context.route('**/api/sync', async (route) => {
    const turn = seen.attempts++ % 3;
    if (turn === 0) {
      seen.lostRequest++;
      return route.abort('internetdisconnected');
    }
    const res = await route.fetch();
    if (turn === 1) {
      seen.lostAnswer++;
      return route.abort('connectionreset');
    }
    seen.delivered++;
    seen.replayed += ((await res.json()) as { replayed: number }).replayed;
    return route.fulfill({ response: res });
  });
  // While offline the pill always shows ("Offline"); items wait while it says "unsynced".
  const waiting = page.getByTestId('sync-status').filter({ hasText: 'unsynced' });
  for (let i = 0; i < 20 && (await waiting.count()); i++) {
    const ended = Promise.race([
      page.waitForEvent('requestfinished', { predicate: isSync, timeout: 30_000 }),
      page.waitForEvent('requestfailed', { predicate: isSync, timeout: 30_000 }),
    ]).catch(() => null);
    await context.setOffline(false);
    await ended;
    await context.setOffline(true);
    await page.waitForTimeout(250); // lets the unsynced count settle before the loop looks at it
  }
  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveCount(0, { timeout: 60_000 });
  const titles = await tasksTitled(page, tag);
  expect(titles).toHaveLength(FLAP_ITEMS);
  expect(new Set(titles).size).toBe(FLAP_ITEMS);
  expect(seen.lostRequest, JSON.stringify(seen)).toBeGreaterThan(0);
  expect(seen.lostAnswer, JSON.stringify(seen)).toBeGreaterThan(0);
  // Each lost answer was a batch of 25 the server had stored; sent again, all 25 came back as replays.
  expect(seen.replayed, JSON.stringify(seen)).toBe(25 * seen.lostAnswer);
  console.log(`flapping sync attempts: ${JSON.stringify(seen)}`);
});

test('a task changed on the server while the phone was offline comes back as a conflict to resolve', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const title = `cfl${Math.random().toString(36).slice(2, 7)} bring brochures`;
  await signIn(page, admin.email, admin.password);
  const csrf = ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
  const created = (await (
    await page.request.post('/api/tasks', { headers: { 'x-csrf-token': csrf }, data: { title } })
  ).json()) as { id: number; version: number };
  await page.goto('/field/tasks');
  const card = page.getByTestId('field-task').filter({ hasText: title });
  await expect(card).toBeVisible();

  await context.setOffline(true);
  await card.getByRole('button', { name: 'Mark done' }).tap();
  await expect(page.getByTestId('sync-status')).toContainText('Offline · 1 unsynced');
  // Meanwhile someone changes the task on the server (the test's API client is not the phone's network).
  const edit = await page.request.patch(`/api/tasks/${created.id}`, {
    headers: { 'x-csrf-token': csrf },
    data: { version: created.version, dueOn: '2031-01-15' },
  });
  expect(edit.ok(), await edit.text()).toBe(true);

  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toContainText('1 unsynced · 1 needs you', {
    timeout: 30_000,
  });
  await page.getByTestId('sync-status').tap();
  const item = page.getByTestId('outbox-item');
  await expect(item).toHaveAttribute('data-state', 'conflict');
  await expect(item.getByRole('alert')).toContainText('changed by someone else');
  await expect(item).toContainText('Changed on the server: due_on');
  const task = async () =>
    (await (await page.request.get(`/api/tasks/${created.id}`)).json()) as {
      status: string;
      due_on: string;
      version: number;
    };
  expect(await task()).toMatchObject({ status: 'open', version: 2 }); // not overwritten

  await item.getByRole('button', { name: 'Apply mine to the current version' }).tap();
  await expect(page.getByText('Everything is synced')).toBeVisible({ timeout: 30_000 });
  expect(await task()).toMatchObject({ status: 'done', due_on: '2031-01-15', version: 3 });
});
