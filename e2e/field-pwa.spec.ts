// Lighthouse-style checks, locally in Chromium: installable (manifest, 192/512 icons, a service worker
// controlling the page), starts offline from start_url, and the phone screens pass the basic
// accessibility checks (labels, names, contrast, 44 px touch targets).
import { installability, offlineStart, phoneAccessibility } from '../bench/pwa/checks';
import { seedFieldDay, waitForOfflineReady } from '../bench/pwa/seed';
import { expect, signIn, test } from './fixtures';
import { EMPTY_USERS } from './servers';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test('installable, starts offline, phone screens accessible', async ({ page, context }) => {
  test.setTimeout(120_000);
  await signIn(page, EMPTY_USERS.admin.email, EMPTY_USERS.admin.password);
  await seedFieldDay(page.request, `E2E PWA ${Math.random().toString(36).slice(2, 7)}`, 2);
  await page.goto('/field');
  await waitForOfflineReady(page);
  const { checks, manifest } = await installability(page);
  const offline = await offlineStart(page, context, manifest?.start_url ?? '/', /Next stop|All \d+ stops/);
  const screens = [];
  for (const path of ['/field', '/field/tasks', '/field/outbox']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    for (const c of await phoneAccessibility(page)) screens.push({ ...c, name: `${path}: ${c.name}` });
  }
  await page.goto('/field');
  await page.getByTestId('next-stop').getByRole('link', { name: 'Log visit' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  for (const c of await phoneAccessibility(page)) screens.push({ ...c, name: `/field/log: ${c.name}` });
  const failed = [...checks, ...offline, ...screens].filter((c) => !c.ok);
  expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
});
